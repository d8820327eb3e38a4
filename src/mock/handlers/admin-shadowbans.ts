/**
 * @module
 * Leaderboard shadow-bans (tag `Admin: shadow-bans`; `leaderboard_shadowbans_controller.rb`,
 * `User#set_leaderboard_shadowban`, `app/models/user.rb:173-189`): admins and above hide a user they
 * outrank from the public leaderboards, or show them again. The public boards read the same user
 * flag, so a ban takes the user off them at once.
 */
import { fuzzySearch } from '../answers/admin-fuzzy-search.js';
import { shadowBanUserJson } from '../answers/admin-staff-rows.js';
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { adminParams, userByIdParam } from '../params/admin-target.js';
import { displayName } from '../rails/present/display-names.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';
import { timeZoneParse } from '../rails/ruby/time-zone-parse.js';
import { requireShadowbanAdmin, staffUser } from '../staff/caller.js';
import { outranks } from '../staff/levels.js';

const access = (ctx: RequestContext) => void requireShadowbanAdmin(ctx);

/** `find_user` (404), then the rank rule `set_leaderboard_shadowban` applies before anything else (403). */
function bannable(ctx: RequestContext, userId: unknown) {
  const actor = staffUser(ctx);
  const user = userByIdParam(ctx.world, userId);
  if (!user) throw error(404, 'User not found');
  if (!outranks(actor, user)) throw error(403, 'You are not authorized to manage leaderboard shadowbans for that user.');
  return { actor, user };
}

const adminListShadowbans: OperationHandler = {
  access,
  handle: ({ world, state }) => {
    const banned = world.users.filter((u) => u.leaderboardShadowBanned).sort((a, b) => b.updatedAt - a.updatedAt || a.id - b.id);
    return json({ leaderboard_shadowbans: banned.map((u) => shadowBanUserJson(world, u, state.staff.shadowBans.get(u.id))) });
  },
};

/** The fuzzy search with 20 results, users without email included; a blank query finds nobody (200). */
const adminSearchShadowbanUsers: OperationHandler = {
  access,
  handle(ctx) {
    const raw = adminParams(ctx)['query'];
    const query = typeof raw === 'string' ? rubyStrip(raw) : typeof raw === 'number' ? String(raw) : '';
    const users = isBlankString(query) ? [] : fuzzySearch(ctx.world, query, 20).map((m) => m.user);
    return json({ users: users.map((u) => shadowBanUserJson(ctx.world, u, ctx.state.staff.shadowBans.get(u.id))) });
  },
};

/** Expiry parsed with `Time.zone.parse` (blank: none); then the model's validations, reason first. */
const adminCreateShadowban: OperationHandler = {
  access,
  handle(ctx) {
    const params = adminParams(ctx);
    const { actor, user } = bannable(ctx, params['user_id']);
    const rawExpiry = params['leaderboard_shadowban_expires_at'];
    let expiresAt: number | null = null;
    if (typeof rawExpiry === 'string' && !isBlankString(rawExpiry)) {
      const seconds = timeZoneParse(rawExpiry, ctx.now);
      if (seconds === undefined)
        throw error(422, 'Could not update leaderboard shadowban.', { errors: ['Leaderboard shadowban expires at is invalid'] });
      expiresAt = seconds * 1000;
    }
    const reason = rubyStrip(
      typeof params['reason'] === 'string' ? params['reason'] : params['reason'] == null ? '' : String(params['reason']),
    );
    const errors: string[] = [];
    if (isBlankString(reason)) errors.push("Leaderboard shadowban reason can't be blank");
    if (expiresAt !== null && expiresAt <= ctx.now) errors.push('Leaderboard shadowban expires at must be in the future');
    if (errors.length > 0) throw error(422, 'Could not update leaderboard shadowban.', { errors });
    ctx.state.staff.shadowBan(actor, user, reason, expiresAt, ctx.now);
    return json(
      {
        success: true,
        message: `${displayName(user)} is now hidden from leaderboards.`,
        user: shadowBanUserJson(ctx.world, user, ctx.state.staff.shadowBans.get(user.id)),
      },
      201,
    );
  },
};

/** Clears the ban (also of a user who was not banned). */
const adminDeleteShadowban: OperationHandler = {
  access,
  handle(ctx) {
    const { user } = bannable(ctx, ctx.path['user_id']);
    ctx.state.staff.liftShadowBan(user, ctx.now);
    return json({
      success: true,
      message: `${displayName(user)} is visible on leaderboards again.`,
      user: shadowBanUserJson(ctx.world, user, undefined),
    });
  },
};

export const adminShadowbansHandlers = { adminListShadowbans, adminSearchShadowbanUsers, adminCreateShadowban, adminDeleteShadowban };
