/**
 * @module
 * The part of Ruby's `Time.parse` a heartbeat's `time` string meets in practice: ISO 8601 dates and
 * date-times, RFC 2822 / HTTP dates, JavaScript's `Date#toString`, and a bare time of day (today's
 * date). A string without a zone is read in the server's zone, UTC. Ruby's parser guesses far more
 * (stray numbers, month names alone); anything outside this subset is treated as unparseable.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ZONE = String.raw`(Z|UTC|GMT|UT|(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?)`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?`;

const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ]${CLOCK})?\s*${ZONE}?$`, 'i');
/** `Sat, 22 Aug 2026 14:00:00 +0000` (RFC 2822, HTTP dates). */
const DAY_MONTH = new RegExp(String.raw`^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:\s+${CLOCK})?\s*${ZONE}?$`, 'i');
/** `Sat Aug 22 2026 14:00:00 GMT+0000 (…)` (JavaScript) and `Aug 22, 2026 14:00`. */
const MONTH_DAY = new RegExp(String.raw`^(?:[a-z]{3,9},?\s+)?([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+${CLOCK})?\s*${ZONE}?(?:\s*\([^)]*\))?$`, 'i');
const TIME_ONLY = new RegExp(String.raw`^${CLOCK}\s*${ZONE}?$`, 'i');

function offsetSeconds(zone: string | undefined): number {
  if (zone === undefined) return 0;
  const m = /([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(zone);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3] ?? '0') * 60);
}

function monthIndex(name: string): number | undefined {
  const i = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : i;
}

interface Parts {
  year: number;
  month: number;
  day: number;
  clock: (string | undefined)[];
  zone: string | undefined;
}

function epoch({ year, month, day, clock, zone }: Parts): number | undefined {
  const [h, min, s, frac] = clock;
  const hour = Number(h ?? '0');
  const minute = Number(min ?? '0');
  const second = Number(s ?? '0');
  if (month < 0 || month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const whole = Date.UTC(year, month, day, hour, minute, second) / 1000;
  return whole + (frac === undefined ? 0 : Number(`0.${frac}`)) - offsetSeconds(zone);
}

/**
 * Epoch seconds of `text`, or `undefined` where Ruby would raise `ArgumentError`.
 * @example
 * rubyTimeParse('2026-08-22T14:00:00Z', 0) // 1787407200
 */
export function rubyTimeParse(text: string, nowMs: number): number | undefined {
  const value = text.trim();
  let m = ISO.exec(value);
  if (m) return epoch({ year: Number(m[1]), month: Number(m[2]) - 1, day: Number(m[3]), clock: m.slice(4, 8), zone: m[8] });
  m = DAY_MONTH.exec(value);
  if (m) {
    const month = monthIndex(m[2] ?? '');
    return month === undefined ? undefined : epoch({ year: Number(m[3]), month, day: Number(m[1]), clock: m.slice(4, 8), zone: m[8] });
  }
  m = MONTH_DAY.exec(value);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    return month === undefined ? undefined : epoch({ year: Number(m[3]), month, day: Number(m[2]), clock: m.slice(4, 8), zone: m[8] });
  }
  m = TIME_ONLY.exec(value);
  if (m) {
    const today = new Date(nowMs);
    return epoch({ year: today.getUTCFullYear(), month: today.getUTCMonth(), day: today.getUTCDate(), clock: m.slice(1, 5), zone: m[5] });
  }
  return undefined;
}
