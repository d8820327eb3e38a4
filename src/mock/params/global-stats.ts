/**
 * @module
 * The parameters of `GET /api/v1/stats`: a window of whole UTC days (`parse_date_param`) and the
 * optional `username` / `user_email` filters, which the answer resolves.
 */
import type { TimeWindow } from '../../world/index.js';
import { error } from '../errors.js';
import { endOfUtcToday, yearsAgo } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { iso8601Date } from '../rails/ruby/iso8601.js';
import { railsParam } from '../rails/ruby/rails-params.js';

const DAY = 86_400;

export interface GlobalStatsRequest {
  /** Both ends inclusive; `to` is 23:59:59.999999 of the end date. */
  window: TimeWindow;
  /** Present (non-blank) `username`, resolved like `{username}` of the stats endpoints. */
  username: string | undefined;
  /** Present (non-blank) `user_email`. */
  email: string | undefined;
}

/**
 * `parse_date_param`: `Date.iso8601`, the start at 00:00:00 and the end at 23:59:59.999999 UTC.
 * @throws ApiError 422 `Invalid start_date` / `Invalid end_date`, the start checked first.
 */
function dateWindow(search: URLSearchParams, nowMs: number): TimeWindow {
  const read = (name: string, fallback: number, edge: number) => {
    const raw = railsParam(search, name);
    if (isBlankString(raw)) return fallback;
    const day = iso8601Date(raw, nowMs);
    if (day === undefined) throw error(422, `Invalid ${name}`);
    return day + edge;
  };
  const from = read('start_date', yearsAgo(nowMs, 10), 0);
  return { from, to: read('end_date', endOfUtcToday(nowMs), DAY - 1e-6) };
}

/**
 * The request, the window read first.
 * @throws ApiError 422 for a bad date.
 * @example
 * globalStatsRequest(new URLSearchParams('start_date=2026-08-01&username=ana'), now).username // 'ana'
 */
export function globalStatsRequest(search: URLSearchParams, nowMs: number): GlobalStatsRequest {
  const window = dateWindow(search, nowMs);
  const username = railsParam(search, 'username');
  const email = railsParam(search, 'user_email');
  return { window, username: isBlankString(username) ? undefined : username, email: isBlankString(email) ? undefined : email };
}
