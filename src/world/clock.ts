/**
 * @module
 * The world's sense of "now". Everything time-dependent (today, last 7 days, streaks, what is
 * "currently hacking") reads a Clock, so a fixed clock makes runs reproducible.
 */

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/**
 * A clock that always answers the same instant.
 * @example
 * const clock = fixedClock(Date.parse('2026-08-22T14:00:00Z'));
 */
export function fixedClock(epochMs: number): Clock {
  if (!Number.isFinite(epochMs)) throw new RangeError(`fixedClock: not a finite instant: ${epochMs}`);
  return { now: () => epochMs };
}

/**
 * The process clock.
 * @example
 * const clock = realClock();
 */
export function realClock(): Clock {
  return { now: () => Date.now() };
}

/**
 * Parses a `--now` value: epoch milliseconds, epoch seconds (10 digits) or an ISO 8601 string.
 * Throws a RangeError for anything else.
 */
export function parseNow(value: string): number {
  const trimmed = value.trim();
  if (/^\d{13}$/.test(trimmed)) return Number(trimmed);
  if (/^\d{10}(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) throw new RangeError(`not an instant: ${value}`);
  return parsed;
}
