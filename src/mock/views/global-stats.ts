/**
 * @module
 * `GET /api/v1/stats`: integer seconds over every user's heartbeats (or one user's) in a window of
 * whole UTC days — one merged timeline, not a sum of per-user totals.
 */
import { type Heartbeat, sliceWindow, totalSeconds, type World } from '../../world/index.js';
import { error, fromTemplate, USER_NOT_FOUND } from '../errors.js';
import { endOfUtcToday, yearsAgo } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { iso8601Date } from '../rails/ruby/iso8601.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { hasValidTimestamp } from '../rails/scopes/valid-timestamps.js';

const DAY = 86_400;

/**
 * `parse_date_param`: `Date.iso8601`, the start at 00:00:00 and the end at 23:59:59.999999 UTC.
 * @throws ApiError 422 `Invalid start_date` / `Invalid end_date`, the start checked first.
 */
function dateWindow(search: URLSearchParams, nowMs: number): { from: number; to: number } {
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
 * The total as the text body. `username` is resolved like `{username}` of the stats endpoints;
 * `user_email` must be a stored address (the real server's Slack fallback finds no one here).
 * @throws ApiError 422 for a bad date, 404 `User not found` for an unknown user or address.
 */
export function globalStatsSeconds(world: World, search: URLSearchParams, nowMs: number): string {
  const window = dateWindow(search, nowMs);
  const users: number[] = [];
  const username = railsParam(search, 'username');
  if (!isBlankString(username)) {
    const user = world.lookupByIdentifier(username);
    if (!user) throw fromTemplate(USER_NOT_FOUND);
    users.push(user.id);
  }
  const email = railsParam(search, 'user_email');
  if (!isBlankString(email)) {
    const user = world.userByEmail(email);
    if (!user) throw fromTemplate(USER_NOT_FOUND);
    users.push(user.id);
  }
  let rows: readonly Heartbeat[];
  if (users.length === 0) rows = sliceWindow(world.allHeartbeats(), window);
  // Both filters given: `user_id = a AND user_id = b`.
  else rows = users.every((id) => id === users[0]) ? world.heartbeatsBetween(users[0] as number, window) : [];
  return String(totalSeconds(rows.filter(hasValidTimestamp)));
}
