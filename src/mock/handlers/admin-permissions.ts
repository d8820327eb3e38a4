/**
 * @module
 * Admin levels (tag `Admin: permissions`; `permissions_controller.rb`, `User#can_change_admin_level_of?`,
 * `app/models/user.rb:125-133`, `concerns/admin_level_change_messages.rb:17-27`): superadmins and
 * ultraadmins only (others get a JSON 401). A change takes effect at once: a user demoted to
 * `default` has their admin keys revoked on next use and their admin OAuth tokens refused.
 */
import { searchIdentity } from '../answers/admin-fuzzy-search.js';
import { staffJson } from '../answers/admin-staff-rows.js';
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { adminParams, userByIdParam } from '../params/admin-target.js';
import { displayName } from '../rails/present/display-names.js';
import { isoMillis } from '../rails/present/format-date.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { requireSuperadmin, staffUser } from '../staff/caller.js';
import { ADMIN_LEVEL_VALUES, isAdminLevel, levelChangeRefusal } from '../staff/levels.js';

const access = (ctx: RequestContext) => void requireSuperadmin(ctx);

/** Users with a level, by the enum's storage order (superadmin, admin, viewer, ultraadmin), then username. */
const adminListPermissions: OperationHandler = {
  access,
  handle(ctx) {
    const search = adminParams(ctx)['search'];
    const ids = isRubyBlank(search) ? undefined : searchIdentity(ctx.world, typeof search === 'string' ? search : String(search));
    const users = ctx.world.users
      .filter((u) => u.adminLevel !== 'default' && (ids === undefined || ids.has(u.id)))
      .sort(
        (a, b) =>
          ADMIN_LEVEL_VALUES[a.adminLevel] - ADMIN_LEVEL_VALUES[b.adminLevel] ||
          (a.username ?? '\uffff').localeCompare(b.username ?? '\uffff', 'en') ||
          a.id - b.id,
      );
    return json({ users: users.map(staffJson) });
  },
};

/** Target (404), level name (422), rank rules (403 with the first matching message), then the write. */
const adminUpdatePermission: OperationHandler = {
  access,
  handle(ctx) {
    const actor = staffUser(ctx);
    const user = userByIdParam(ctx.world, ctx.path['id']);
    if (!user) throw error(404, 'User not found');
    const level = adminParams(ctx)['admin_level'];
    if (!isAdminLevel(level)) throw error(422, 'Invalid admin level');
    const refusal = levelChangeRefusal(actor, user, level);
    if (refusal !== undefined) throw error(403, refusal);
    const previous = user.adminLevel;
    ctx.state.staff.setAdminLevel(user, level, ctx.now);
    return json({
      success: true,
      message: `${displayName(user)}'s admin level updated from ${previous} to ${level}`,
      user: {
        id: user.id,
        username: user.username,
        display_name: displayName(user),
        admin_level: user.adminLevel,
        previous_admin_level: previous,
        updated_at: isoMillis(user.updatedAt),
      },
    });
  },
};

export const adminPermissionsHandlers = { adminListPermissions, adminUpdatePermission };
