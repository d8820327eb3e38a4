/**
 * @module
 * The admin API's caller inside a handler, and the level checks the real server runs after
 * authentication, each with its own refusal (`base:41-43`, `uu:25-27`, `sb:53-55`).
 */
import type { User } from '../../world/types.js';
import { ApiError, error } from '../errors.js';
import type { RequestContext } from '../handler.js';
import { canWrite, isSuperadmin } from './levels.js';

/** The authenticated user; authentication has already refused everyone else. */
export function staffUser(ctx: Pick<RequestContext, 'caller'>): User {
  const user = ctx.caller?.user;
  if (!user) throw new ApiError(500, { error: 'the admin API was reached without a caller' });
  return user;
}

/** `require_superadmin` (deletion requests, permissions): a JSON 401, not the token challenge. */
export function requireSuperadmin(ctx: Pick<RequestContext, 'caller'>): User {
  const user = staffUser(ctx);
  if (!isSuperadmin(user)) throw error(401, 'lmao no perms');
  return user;
}

/** `can_write!` (`POST /user/convict`): admin or above, before the target is looked up. */
export function requireWriter(ctx: Pick<RequestContext, 'caller'>): User {
  const user = staffUser(ctx);
  if (!canWrite(user)) throw error(403, 'no perms lmaooo');
  return user;
}

/** `require_shadowban_admin!` (`sb:5`, `sb:53-55`): admin or above. */
export function requireShadowbanAdmin(ctx: Pick<RequestContext, 'caller'>): User {
  const user = staffUser(ctx);
  if (!canWrite(user)) throw error(403, 'You are not authorized to manage leaderboard shadowbans.');
  return user;
}
