/**
 * @module
 * `GET /api/v1/stats`: integer seconds over every user's heartbeats (or one user's) in a window of
 * whole UTC days — one merged timeline, not a sum of per-user totals.
 */
import { type Heartbeat, totalSeconds, totalSecondsOfTimes, type World } from '../../world/index.js';
import { fromTemplate, USER_NOT_FOUND } from '../errors.js';
import type { GlobalStatsRequest } from '../params/global-stats.js';
import { hasValidTimestamp, isValidTime } from '../rails/scopes/valid-timestamps.js';

/**
 * The total as the text body. `username` is resolved like `{username}` of the stats endpoints;
 * `user_email` must be a stored address (the real server's Slack fallback finds no one here).
 * @throws ApiError 404 `User not found` for an unknown user or address.
 */
export function globalStatsSeconds(world: World, { window, username, email }: GlobalStatsRequest): string {
  const users: number[] = [];
  if (username !== undefined) {
    const user = world.lookupByIdentifier(username);
    if (!user) throw fromTemplate(USER_NOT_FOUND);
    users.push(user.id);
  }
  if (email !== undefined) {
    const user = world.userByEmail(email);
    if (!user) throw fromTemplate(USER_NOT_FOUND);
    users.push(user.id);
  }
  if (users.length === 0) {
    // Every user's times in one timeline, from their rows as columns (equal times from two users
    // give the same gaps in either order).
    const times: number[] = [];
    for (const user of world.users) for (const time of world.viewBetween(user.id, window).times) if (isValidTime(time)) times.push(time);
    return String(totalSecondsOfTimes(times.sort((a, b) => a - b)));
  }
  // Both filters given: `user_id = a AND user_id = b`.
  const rows: readonly Heartbeat[] = users.every((id) => id === users[0]) ? world.heartbeatsBetween(users[0] as number, window) : [];
  return String(totalSeconds(rows.filter(hasValidTimestamp)));
}
