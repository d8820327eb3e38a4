/**
 * @module
 * The dates of `/api/v1/authenticated/hours`: `start_date` and `end_date` read by Rails'
 * `String#to_date` (Ruby's lenient `Date.parse`), defaults 7 days ago and today (UTC). A present
 * date Ruby cannot read raises inside the action: the 500 error page.
 */
import { type Civil, civilFromDays } from '../rails/ruby/civil.js';
import { rubyParseDate, utcDayNumber } from '../rails/ruby/date-parse.js';
import { raisingParam } from '../rails/scopes/raising-param.js';

/** Calendar dates, both ends inclusive (the answer counts 00:00:00 of `start` to 23:59:59 of `end`). */
export interface HoursRange {
  start: Civil;
  end: Civil;
}

// `nil.to_date` is not called (safe navigation) and a blank string's `to_date` is nil: both fall back.
const dateParam = (search: URLSearchParams, name: string, fallback: Civil, nowMs: number): Civil =>
  raisingParam(search, name, fallback, (value) => rubyParseDate(value, nowMs));

/**
 * The effective dates, `start_date` read first.
 * @throws ApiError the 500 page for a present date Ruby cannot read
 * @example
 * hoursRange(new URLSearchParams('start_date=2026-08-01'), now).start // { year: 2026, month: 8, day: 1 }
 */
export function hoursRange(search: URLSearchParams, nowMs: number): HoursRange {
  const today = utcDayNumber(nowMs);
  const start = dateParam(search, 'start_date', civilFromDays(today - 7), nowMs);
  return { start, end: dateParam(search, 'end_date', civilFromDays(today), nowMs) };
}
