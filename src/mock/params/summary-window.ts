/**
 * @module
 * The window of `/api/summary`, in UTC: an explicit `from`/`to` (aliases `start`/`end`) widened
 * to whole days, else a named `interval` (alias `range`), else all time. `to` is 23:59:59 of the
 * last day; the answer counts up to (not including) it.
 */
import type { TimeWindow } from '../../world/index.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { monthsBefore, startOfUtcDay } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { type Civil, civilFromDays, daysInMonth } from '../rails/ruby/civil.js';
import { RubyRangeError } from '../rails/ruby/date-fragments.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { timeZoneParse } from '../rails/ruby/time-zone-parse.js';

const DAY_SECONDS = 86_400;

/** A UTC calendar date; the day may run past either end of its month before {@link dayStart} normalises it. */
type UtcDate = Civil;

function dayStart({ year, month, day }: UtcDate): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.floor(d.getTime() / 1000);
}

const dayEnd = (date: UtcDate): number => dayStart(date) + DAY_SECONDS - 1;
const days = (from: UtcDate, to: UtcDate): TimeWindow => ({ from: dayStart(from), to: dayEnd(to) });

/** `date - n.months`. */
const monthsEarlier = (date: UtcDate, months: number): UtcDate =>
  civilFromDays(monthsBefore(dayStart(date) * 1000, months) / 1000 / DAY_SECONDS);

function named(interval: string | undefined, nowMs: number): TimeWindow {
  const now = new Date(nowMs);
  const today: UtcDate = { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1, day: now.getUTCDate() };
  const daysAgo = (n: number): UtcDate => ({ ...today, day: today.day - n });
  const firstOfMonth = { ...today, day: 1 };
  const lastOfMonth = { ...today, day: daysInMonth(today.year, today.month) };
  switch (interval) {
    case 'yesterday':
      return days(daysAgo(1), daysAgo(1));
    case 'week':
    case '7_days': {
      const monday = daysAgo((now.getUTCDay() + 6) % 7);
      return days(monday, { ...monday, day: monday.day + 6 });
    }
    case 'last_7_days':
      return days(daysAgo(7), today);
    case 'month':
    case '30_days':
      return days(firstOfMonth, lastOfMonth);
    case 'last_30_days':
      return days(daysAgo(30), today);
    case '6_months':
      return days(monthsEarlier(firstOfMonth, 5), lastOfMonth);
    case 'last_6_months':
      return days(monthsEarlier(today, 6), today);
    case 'year':
    case '12_months':
      return days({ year: today.year, month: 1, day: 1 }, { year: today.year, month: 12, day: 31 });
    case 'last_12_months':
    case 'last_year':
      return days(monthsEarlier(today, 12), today);
    case 'any':
    case 'all_time':
    case undefined:
      return { from: 0, to: dayEnd(today) };
    default:
      // `today`, and any value the server does not know.
      return days(today, today);
  }
}

/** `parse_explicit_date`: `Time.zone.parse`; nil and ArgumentError are rescued, a RangeError is the 500 page. */
function explicitDate(raw: string, nowMs: number): number | undefined {
  try {
    return timeZoneParse(raw, nowMs);
  } catch (err) {
    if (err instanceof RubyRangeError) throw fromTemplate(INTERNAL_ERROR_PAGE);
    throw err;
  }
}

/**
 * Reads the window as the server does: `from || start` and `to || end` (an empty `from` hides
 * `start`), both non-blank for an explicit range, each side parsed leniently in UTC.
 */
export function summaryWindow(search: URLSearchParams, nowMs: number): TimeWindow {
  const from = railsParam(search, 'from') ?? railsParam(search, 'start');
  const to = railsParam(search, 'to') ?? railsParam(search, 'end');
  if (!isBlankString(from) && !isBlankString(to)) {
    const start = explicitDate(from, nowMs);
    const end = explicitDate(to, nowMs);
    if (start === undefined || end === undefined) throw error(400, 'Invalid date range');
    return { from: startOfUtcDay(start), to: startOfUtcDay(end) + DAY_SECONDS - 1 };
  }
  return named(railsParam(search, 'interval') ?? railsParam(search, 'range'), nowMs);
}
