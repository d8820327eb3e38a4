/**
 * @module
 * Public widgets: the badge redirect, who is hacking right now, banned-user counts.
 */

import { projectsSeconds, resolveBadgeProject, shieldsUrl } from '../answers/badge.js';
import { bannedUserCounts } from '../answers/banned-user-counts.js';
import { currentlyHacking } from '../answers/currently-hacking.js';
import { ApiError, error } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';
import { aliasNames, badgeUser } from '../params/badge.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { railsQuery } from '../rails/ruby/rails-params.js';

/**
 * Every check lives in the action upstream, after routing: a `user_id` with a dot is an unrouted path
 * (the app's parameter check answers the 404 page) before any user lookup, so nothing goes in `access`.
 */
const getBadge: OperationHandler = {
  handle({ world, path, search }) {
    const user = badgeUser(world, path['user_id'] ?? '');
    if (!user) throw error(404, 'User not found');
    if (!user.allowPublicStats) throw error(403, 'User has disabled public stats');
    const project = resolveBadgeProject(world, user, path['project'] ?? '');
    if (project === undefined) throw error(404, 'Project not found');
    let seconds = projectsSeconds(world, user.id, new Set([project]));
    // `head :bad_request`: no body at all.
    if (seconds <= 0) throw new ApiError(400, undefined);
    const params = railsQuery(search);
    const aliases = params.get('aliases');
    if (!isBlankString(aliases)) seconds += projectsSeconds(world, user.id, aliasNames(aliases, project));
    return { status: 307, headers: { Location: shieldsUrl(params, seconds) } };
  },
};

const getCurrentlyHacking: OperationHandler = {
  handle: ({ world, now }) => json(currentlyHacking(world, now)),
};

/**
 * Distinct users set to red in the last day, week and month (a month as the real server's `1.month.ago`),
 * from the audit log the admin API writes to (`POST /api/admin/v1/user/convict`).
 */
const getBannedUserCounts: OperationHandler = {
  handle: ({ state, now }) => json(bannedUserCounts(state.staff.trustChanges(), now)),
};

export const publicHandlers = { getBadge, getCurrentlyHacking, getBannedUserCounts };
