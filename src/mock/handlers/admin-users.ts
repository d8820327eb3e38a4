/**
 * @module
 * The admin API's user utilities (tag `Admin: users`; `concerns/api/admin/v1/user_utilities.rb` and
 * `admin_controller.rb:274-284`): look users up, read their record and trust history, convict them.
 * Parameters come from the query or a JSON body alike, as Rails merges them.
 */
import { fuzzySearch } from '../answers/admin-fuzzy-search.js';
import { userTrustLogs } from '../answers/admin-trust-logs.js';
import { userAsJson, userInfo } from '../answers/admin-user-info.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';
import { adminParams, targetUser, toIParam } from '../params/admin-target.js';
import { displayName } from '../rails/present/display-names.js';
import { isoMillis } from '../rails/present/format-date.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';
import { requireWriter, staffUser } from '../staff/caller.js';
import { canChangeTrust } from '../staff/levels.js';

const TRUST_LEVELS = ['blue', 'red', 'green', 'yellow'] as const;
const isTrustLevel = (v: unknown): v is (typeof TRUST_LEVELS)[number] =>
  typeof v === 'string' && (TRUST_LEVELS as readonly string[]).includes(v);

/** A parameter as Rails hands a JSON scalar to a string column (`5` → `"5"`). */
const asText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

const adminGetUserInfo: OperationHandler = {
  handle: (ctx) => json(userInfo(ctx.world, targetUser(ctx.world, adminParams(ctx)))),
};

/** `ids.to_s.split(",").map(&:strip).map(&:to_i).uniq.take(2000)`: junk becomes 0, which matches nobody. */
const adminGetUserInfoBatch: OperationHandler = {
  handle(ctx) {
    const raw = adminParams(ctx)['ids'];
    if (isRubyBlank(raw)) throw error(422, 'ids parameter required');
    const ids = [
      ...new Set(
        asText(raw)
          .split(',')
          .map((s) => toIParam(rubyStrip(s), 0)),
      ),
    ].slice(0, 2000);
    // Ruby's split drops trailing empty fields: `","` is the one list that ends up empty.
    if (asText(raw).replace(/,+$/, '') === '') throw error(422, 'no valid ids provided');
    const users = ctx.world.users.filter((u) => ids.includes(u.id));
    return json({ users: users.map(userAsJson) });
  },
};

const adminGetUserTrustLogs: OperationHandler = {
  handle: (ctx) => json(userTrustLogs(ctx.world, ctx.state.staff.trustLogs, targetUser(ctx.world, adminParams(ctx)))),
};

/** `[params.fetch(:limit, 200).to_i, 1000].min` with no lower bound: a negative LIMIT fails in SQL (500). */
const adminListBannedUsers: OperationHandler = {
  handle(ctx) {
    const params = adminParams(ctx);
    const limit = Math.min(toIParam(params['limit'], 200), 1000);
    const offset = Math.max(toIParam(params['offset'], 0), 0);
    if (limit < 0) throw fromTemplate(INTERNAL_ERROR_PAGE);
    const banned = ctx.world.users.filter((u) => u.trustLevel === 'red').sort((a, b) => a.id - b.id);
    return json({
      banned_users: banned
        .slice(offset, offset + limit)
        .map((u) => ({ id: u.id, username: u.username, email: [...u.emails].sort()[0] ?? 'no email' })),
    });
  },
};

const adminGetUserByEmail: OperationHandler = {
  handle(ctx) {
    const email = adminParams(ctx)['email'];
    if (isRubyBlank(email)) throw error(422, 'bro dont have a email');
    const user = ctx.world.userByEmail(asText(email));
    if (!user) throw error(404, 'email not found');
    return json({ user_id: user.id });
  },
};

/** The 10 best matches, and only then those without an email dropped. */
const adminSearchUsersFuzzy: OperationHandler = {
  handle(ctx) {
    const query = adminParams(ctx)['query'];
    if (isRubyBlank(query)) throw error(422, 'bro dont have a query');
    const users = fuzzySearch(ctx.world, asText(query), 10)
      .filter((m) => m.matchedEmail !== null)
      .map(({ user, rankScore, matchedEmail }) => ({
        id: user.id,
        username: user.username,
        slack_username: user.slackUsername,
        github_username: user.githubUsername,
        slack_avatar_url: user.slackAvatarUrl,
        github_avatar_url: user.githubAvatarUrl,
        email: matchedEmail,
        rank_score: rankScore,
      }));
    return json({ users });
  },
};

/** `can_write!` runs first; then the target, the reason, the level and the rank rules, in that order. */
const adminConvictUser: OperationHandler = {
  access: (ctx) => void requireWriter(ctx),
  handle(ctx) {
    const actor = staffUser(ctx);
    const params = adminParams(ctx);
    const user = targetUser(ctx.world, params);
    const { reason, trust_level: level } = params;
    if (isRubyBlank(reason)) throw error(422, 'you cant punish a mortal and not justify your actions');
    if (!isTrustLevel(level)) throw error(422, 'read the docs you idiot');
    if (!canChangeTrust(actor, user, level)) throw error(403, 'no perms lmaooo');
    const notes = params['notes'] === undefined || params['notes'] === null ? null : asText(params['notes']);
    ctx.state.staff.setTrust(actor, user, level, asText(reason), notes, ctx.now);
    return json({
      success: true,
      message: `gotcha, updated to ${level}`,
      user: { id: user.id, username: displayName(user), trust_level: user.trustLevel, updated_at: isoMillis(user.updatedAt) },
      audit_log: { changed_by: displayName(actor), reason: asText(reason), notes, timestamp: isoMillis(ctx.now) },
    });
  },
};

export const adminUsersHandlers = {
  adminGetUserInfo,
  adminGetUserInfoBatch,
  adminGetUserTrustLogs,
  adminListBannedUsers,
  adminGetUserByEmail,
  adminSearchUsersFuzzy,
  adminConvictUser,
};
