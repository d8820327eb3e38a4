/**
 * @module
 * `/api/summary`: who is asked about (`user_id` or `user`), and their time per project and
 * language over the window, in the Wakapi shape.
 */

import { groupedSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { Heartbeat, User } from '../../world/types.js';
import { error, fromTemplate, USER_NOT_FOUND } from '../errors.js';
import { displayLanguageName, isBlank } from '../rails/present/display-names.js';
import { isoSeconds } from '../rails/present/format-date.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import type { SummaryWindow } from './public-summary-range.js';

export interface SummaryItem {
  key: string;
  total: number;
}

/**
 * The target user, checked in the server's order: an identifier at all (`user_id || user`, so an
 * empty `user_id` hides `user`), a user with it, public stats on.
 */
export function summaryTarget(world: World, search: URLSearchParams): User {
  const identifier = railsParam(search, 'user_id') ?? railsParam(search, 'user');
  if (isBlankString(identifier)) throw error(400, 'Missing required parameter: user_id');
  const user = world.lookupByIdentifier(identifier);
  if (!user) throw fromTemplate(USER_NOT_FOUND);
  if (!user.allowPublicStats) throw error(403, 'User has disabled public stats');
  return user;
}

/** Per stored value (null and '' are separate groups, as in SQL), blank shown as "Other", longest first. */
function items(rows: readonly Heartbeat[], field: 'project' | 'language'): SummaryItem[] {
  return [...groupedSeconds(rows, (hb) => hb[field])]
    .map(([value, total]) => {
      const name = isBlank(value) ? 'Other' : value;
      return { key: field === 'language' ? displayLanguageName(name) : name, total };
    })
    .sort((a, b) => b.total - a.total);
}

export function publicSummary(world: World, user: User, window: SummaryWindow, userParam: string | undefined) {
  // The service's scope is `time >= from AND time < to`, with `to` at 23:59:59.
  const rows = world.heartbeatsBetween(user.id, { from: window.from, to: window.to, toExclusive: true });
  return {
    user_id: userParam ?? null,
    from: isoSeconds(window.from * 1000),
    to: isoSeconds(window.to * 1000),
    projects: items(rows, 'project'),
    languages: items(rows, 'language'),
    editors: {},
    operating_systems: {},
    machines: {},
    categories: {},
    branches: {},
    entities: {},
    labels: {},
  };
}
