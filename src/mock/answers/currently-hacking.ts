/**
 * @module
 * `GET /api/v1/currently_hacking`: users with a `direct_entry` heartbeat of category `coding` in the
 * five minutes before the request, computed at the request instant (the real server caches its job
 * for up to 5 minutes, so it can lag; the mock never does).
 */

import type { World } from '../../world/store.js';
import type { Heartbeat, User } from '../../world/types.js';
import { avatarUrl, displayName } from '../rails/present/display-names.js';

const WINDOW_SECONDS = 5 * 60;

interface CurrentlyHackingUser {
  display_name: string;
  avatar_url: string;
  country_code: string | null;
  working_on: { project_name: string; repo_url: string | null } | null;
}

export interface CurrentlyHackingBody {
  count: number;
  users: CurrentlyHackingUser[];
}

const counts = (hb: Heartbeat) => hb.source_type === 'direct_entry' && hb.category === 'coding';

/** The user's latest counting heartbeat strictly after `since` (Unix seconds), if any. */
function latestSince(world: World, userId: number, since: number): Heartbeat | undefined {
  const rows = world.heartbeatsBetween(userId, { from: since });
  for (let i = rows.length - 1; i >= 0; i--) {
    const hb = rows[i] as Heartbeat;
    if (hb.time > since && counts(hb)) return hb;
  }
  return undefined;
}

/** The project's repository mapping, shared only when it is not archived. */
function workingOn(user: User, project: string | null): CurrentlyHackingUser['working_on'] {
  const mapping = user.repoMappings.find((m) => m.project === project);
  return mapping && !mapping.archived ? { project_name: mapping.project, repo_url: mapping.repoUrl } : null;
}

/**
 * Users in id order (the job's `DISTINCT ON (user_id)` order), then those with a shareable project
 * first; Ruby's `sort_by` is not stable, so the order inside each group is the mock's choice.
 */
export function currentlyHacking(world: World, now: number): CurrentlyHackingBody {
  const since = now / 1000 - WINDOW_SECONDS;
  const users: CurrentlyHackingUser[] = [];
  for (const userId of world.usersWithHeartbeatsAfter(since)) {
    const user = world.userById(userId);
    const latest = user && latestSince(world, userId, since);
    if (!user || !latest) continue;
    users.push({
      display_name: displayName(user),
      avatar_url: avatarUrl(user),
      country_code: user.countryCode,
      working_on: workingOn(user, latest.project),
    });
  }
  const ordered = [...users.filter((u) => u.working_on !== null), ...users.filter((u) => u.working_on === null)];
  return { count: ordered.length, users: ordered };
}
