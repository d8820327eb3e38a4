/**
 * @module
 * ActiveSupport's time arithmetic in a process whose zone is UTC: `n.months.ago` / `n.years.ago`
 * (`Time#advance`, which clamps the day to the shorter month), `beginning_of_day` / `end_of_day`,
 * and `strftime("%Y-%m-%dT%H:%M:%SZ")`.
 */
import { civilFromDays, daysFromCivil, daysInMonth } from './civil.js';

const DAY = 86_400;
const DAY_MS = DAY * 1000;

/**
 * `time - n.months` (`advance(months: -n)`): the same wall-clock time `months` calendar months
 * earlier, the day clamped to that month's last day (Mar 31 → Feb 28).
 * @returns epoch milliseconds
 * @example
 * monthsBefore(Date.parse('2026-03-31T12:00:00Z'), 1) // Date.parse('2026-02-28T12:00:00Z')
 */
export function monthsBefore(instantMs: number, months: number): number {
  const days = Math.floor(instantMs / DAY_MS);
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return daysFromCivil(y, m, Math.min(day, daysInMonth(y, m))) * DAY_MS + (instantMs - days * DAY_MS);
}

/**
 * `n.years.ago`: the same wall-clock time `years` earlier, Feb 29 becoming Feb 28.
 * @returns epoch seconds (with the clock's milliseconds)
 */
export const yearsAgo = (nowMs: number, years: number): number => monthsBefore(nowMs, 12 * years) / 1000;

/** Epoch seconds of 00:00 UTC of the day containing `seconds` (`beginning_of_day`). */
export const startOfUtcDay = (seconds: number) => Math.floor(seconds / DAY) * DAY;

/** `Date.today.end_of_day` in a UTC process: 23:59:59.999999 of today, in epoch seconds. */
export const endOfUtcToday = (nowMs: number) => startOfUtcDay(nowMs / 1000) + DAY - 1e-6;

/**
 * `Time.at(seconds).strftime("%Y-%m-%dT%H:%M:%SZ")` in a UTC process: the year padded to four digits
 * (with its sign when negative), the seconds floored.
 * @example
 * strftimeUtc(1785542400.9) // '2026-08-01T00:00:00Z'
 */
export function strftimeUtc(seconds: number): string {
  const whole = Math.floor(seconds);
  const days = Math.floor(whole / DAY);
  const { year, month, day } = civilFromDays(days);
  const rest = whole - days * DAY;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const y = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}`;
  return `${y}-${pad(month)}-${pad(day)}T${pad(Math.floor(rest / 3600))}:${pad(Math.floor(rest / 60) % 60)}:${pad(rest % 60)}Z`;
}
