/**
 * @module
 * `start_date` / `end_date` of the admin routes: the real server's `DateParsing` concern
 * (`app/controllers/concerns/date_parsing.rb`): `parse_ts` (lines 36-53), `apply_time_range` (bounds only
 * when given, lines 21-33) and `parse_default_time_range` (defaults, lines 11-17).
 */
import type { TimeWindow } from '../../world/index.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { yearsAgo } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { daysFromCivil } from '../rails/ruby/civil.js';
import { dateFragments, RubyRangeError } from '../rails/ruby/date-fragments.js';
import { dateFromFragments } from '../rails/ruby/date-parse.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';

const DAY = 86_400;
/** `9999-12-31T23:59:59Z`, the largest epoch second `parse_ts` accepts. */
const MAX_TS = 253_402_300_799;
const DIGITS = /^\d+$/;

type Boundary = 'start' | 'end';

/**
 * `Date.parse(value)` (comp on) as a UTC day number.
 * @throws InvalidDateError (`Date::Error`), DateParseLimitError (an `ArgumentError`) or RubyRangeError, as Ruby
 */
export function rubyDateDay(value: string, nowMs: number): number {
  const civil = dateFromFragments(dateFragments(value, true), nowMs);
  return daysFromCivil(civil.year, civil.month, civil.day);
}

/**
 * `Date.parse(value)` rescued as `rescue Date::Error, ArgumentError`: undefined where Ruby raises one.
 * @throws ApiError the 500 page for Ruby's RangeError, which the actions do not rescue
 */
export function rescuedDateDay(value: string, nowMs: number): number | undefined {
  try {
    return rubyDateDay(value, nowMs);
  } catch (err) {
    if (err instanceof RubyRangeError) throw fromTemplate(INTERNAL_ERROR_PAGE);
    return undefined;
  }
}

/**
 * `parse_ts`: all digits → epoch seconds (≥ 10^12 read as milliseconds) within [0, 9999-12-31]; else
 * `Date.parse` → 00:00:00 (start) or 23:59:59 (end) UTC of that day.
 * @returns integer epoch seconds, or undefined for a value the server rejects
 * @example
 * parseTs('2026-08-22', 'end', now) // 1787443199
 */
export function parseTs(raw: string, boundary: Boundary, nowMs: number): number | undefined {
  const value = rubyStrip(raw);
  if (DIGITS.test(value)) {
    const digits = BigInt(value);
    const ts = digits >= 1_000_000_000_000n ? digits / 1000n : digits;
    return ts <= BigInt(MAX_TS) ? Number(ts) : undefined;
  }
  const day = rescuedDateDay(value, nowMs);
  if (day === undefined) return undefined;
  return boundary === 'end' ? day * DAY + DAY - 1 : day * DAY;
}

function read(search: URLSearchParams, name: 'start_date' | 'end_date', nowMs: number): number | undefined {
  const raw = railsParam(search, name);
  if (isBlankString(raw)) return undefined;
  const ts = parseTs(raw, name === 'start_date' ? 'start' : 'end', nowMs);
  if (ts === undefined) throw error(422, `invalid ${name}`);
  return ts;
}

/**
 * `apply_time_range`: `time >= start` and `time <= end`, each only when given (routes 4, 5, 39).
 * @throws ApiError 422 `invalid start_date` (checked first) / `invalid end_date`
 */
export function adminTimeRange(search: URLSearchParams, nowMs: number): Partial<TimeWindow> {
  const from = read(search, 'start_date', nowMs);
  const to = read(search, 'end_date', nowMs);
  return { ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) };
}

/** Whether either bound was sent (`params[:start_date].present? || params[:end_date].present?`). */
export const hasDateBounds = (search: URLSearchParams): boolean =>
  !isBlankString(railsParam(search, 'start_date')) || !isBlankString(railsParam(search, 'end_date'));

/**
 * `parse_default_time_range`: a missing start is `10.years.ago.utc.to_i`, a missing end the end of
 * today UTC (`Date.current.end_of_day.utc.to_i`); both bounds inclusive, integer seconds (routes 8, 9).
 * @throws ApiError 422 as {@link adminTimeRange}
 */
export function adminDefaultRange(search: URLSearchParams, nowMs: number): TimeWindow {
  const from = read(search, 'start_date', nowMs) ?? Math.floor(yearsAgo(nowMs, 10));
  const to = read(search, 'end_date', nowMs) ?? Math.floor(nowMs / 1000 / DAY) * DAY + DAY - 1;
  return { from, to };
}
