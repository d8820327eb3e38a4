/**
 * @module
 * `GET /api/v1/stats`: integer seconds over every user's heartbeats (or one user's) in a window of
 * whole UTC days — one merged timeline, not a sum of per-user totals.
 */
import { GapSum, type Heartbeat, type TimeWindow, totalSeconds, type World } from '../../world/index.js';
import { fromTemplate, USER_NOT_FOUND } from '../errors.js';
import type { GlobalStatsRequest } from '../params/global-stats.js';
import { hasValidTimestamp, isValidTime } from '../rails/scopes/valid-timestamps.js';

const DAY = 86_400;
/** A piece of the timeline holds about this many user-days (about two million times, some 16 MB). */
const PIECE_USER_DAYS = 50_000;

/**
 * Every user's times in one timeline (equal times from two users give the same gaps in either
 * order), taken a piece of days at a time across the span the world's heartbeats lie in: a piece
 * of every user is sorted and summed on from the piece before, so a year of a thousand users is
 * never one array, and their keyed instants are read without drawing the rows' details. The
 * fewer the users, the longer a piece: each piece reads every user again.
 */
function everyoneSeconds(world: World, window: TimeWindow, pieceUserDays: number): number {
  const span = world.heartbeatSpan();
  const from = Math.max(window.from, span?.from ?? window.from);
  const to = Math.min(window.to, span?.to ?? window.to);
  const total = new GapSum();
  // A history of fixed rows has no span: one piece, the whole window.
  const step = span === undefined ? Number.POSITIVE_INFINITY : Math.max(1, Math.floor(pieceUserDays / world.userCount)) * DAY;
  for (let start = from; start <= to; start += step) {
    const piece: TimeWindow = start + step > to ? { from: start, to } : { from: start, to: start + step, toExclusive: true };
    const times: number[] = [];
    for (const user of world.users) {
      const instants = world.instantsBetween(user.id, piece);
      for (let i = 0; i < instants.length; i++) {
        const time = instants[i] as number;
        if (isValidTime(time)) times.push(time);
      }
    }
    total.add(Float64Array.from(times).sort());
  }
  return total.seconds();
}

/**
 * The total as the text body. `username` is resolved like `{username}` of the stats endpoints;
 * `user_email` must be a stored address (the real server's Slack fallback finds no one here).
 * `pieceUserDays`: how many user-days a piece of the every-user timeline holds.
 * @throws ApiError 404 `User not found` for an unknown user or address.
 */
export function globalStatsSeconds(world: World, { window, username, email }: GlobalStatsRequest, pieceUserDays = PIECE_USER_DAYS): string {
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
  if (users.length === 0) return String(everyoneSeconds(world, window, pieceUserDays));
  // Both filters given: `user_id = a AND user_id = b`.
  const rows: readonly Heartbeat[] = users.every((id) => id === users[0]) ? world.heartbeatsBetween(users[0] as number, window) : [];
  return String(totalSeconds(rows.filter(hasValidTimestamp)));
}
