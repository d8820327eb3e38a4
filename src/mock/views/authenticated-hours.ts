/**
 * @module
 * `/api/v1/authenticated/hours`: the user's coded time from 00:00:00 UTC of `start_date` to
 * 23:59:59 UTC of `end_date`, the dates read by Rails' `String#to_date` (Ruby's lenient
 * `Date.parse`). A present date Ruby cannot read raises inside the action: the 500 error page.
 */
import { totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import { type Civil, civilFromDays, daysFromCivil } from '../rails/ruby/civil.js';
import { rubyParseDate, utcDayNumber } from '../rails/ruby/date-parse.js';
import { raisingParam } from '../rails/scopes/raising-param.js';

const DAY_SECONDS = 86_400;

/** `Date#to_s` / `as_json`: `%Y-%m-%d`, the year at least four digits. */
function rubyDateString({ year, month, day }: Civil): string {
  const y = `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// `nil.to_date` is not called (safe navigation) and a blank string's `to_date` is nil: both fall back.
const dateParam = (search: URLSearchParams, name: string, fallback: Civil, nowMs: number): Civil =>
  raisingParam(search, name, fallback, (value) => rubyParseDate(value, nowMs));

/** The effective dates (defaults: 7 days ago and today, UTC) and the LAG total between them. */
export function authenticatedHours(world: World, userId: number, search: URLSearchParams, nowMs: number) {
  const today = utcDayNumber(nowMs);
  const start = dateParam(search, 'start_date', civilFromDays(today - 7), nowMs);
  const end = dateParam(search, 'end_date', civilFromDays(today), nowMs);
  const from = daysFromCivil(start.year, start.month, start.day) * DAY_SECONDS;
  const to = daysFromCivil(end.year, end.month, end.day) * DAY_SECONDS + DAY_SECONDS - 1;
  const rows = to < from ? [] : world.heartbeatsBetween(userId, { from, to });
  return { start_date: rubyDateString(start), end_date: rubyDateString(end), total_seconds: totalSeconds(rows) };
}
