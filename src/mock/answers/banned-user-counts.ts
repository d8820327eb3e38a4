/**
 * @module
 * `GET /api/v1/banned_users/counts`: distinct users set to `red` since one day, one week and one
 * month before the request, from the trust-level audit log.
 */
import type { TrustLevelChange } from '../../world/types.js';
import { monthsBefore } from '../rails/ruby/active-support-time.js';

const DAY_MS = 86_400_000;

export interface BannedUserCounts {
  day: number;
  week: number;
  month: number;
}

/** Entries after `now` cannot exist upstream; the world's log could hold them, so they are left out. */
export function bannedUserCounts(changes: readonly TrustLevelChange[], now: number): BannedUserCounts {
  const since = (from: number) => new Set(changes.filter((c) => c.to === 'red' && c.at >= from && c.at <= now).map((c) => c.userId)).size;
  return { day: since(now - DAY_MS), week: since(now - 7 * DAY_MS), month: since(monthsBefore(now, 1)) };
}
