/**
 * @module
 * Who the per-user stats endpoints (stats, spans, projects, project, project details) are about, and
 * whether the caller may see them: the real server's `set_user` and `ensure_public_stats_allowed!`,
 * which run before any parameter is read.
 */
import type { User } from '../../world/index.js';
import { error, fromTemplate, USER_NOT_FOUND } from '../errors.js';
import type { RequestContext } from '../handler.js';

/**
 * The target of `{username}`: `my` is the caller (a valid Bearer API key or OAuth `read` token; the
 * app leaves restricted callers anonymous), anything else an identifier. Unknown → 404; a user with
 * public stats off → 403 unless the caller is that user.
 * @throws ApiError 404 `User not found`, 403 `user has disabled public stats`.
 */
export function statsTarget(ctx: RequestContext): User {
  const identifier = ctx.path['username'] ?? '';
  const caller = ctx.caller?.user;
  const user = identifier === 'my' ? caller : ctx.world.lookupByIdentifier(identifier);
  if (!user) throw fromTemplate(USER_NOT_FOUND);
  if (!user.allowPublicStats && caller?.id !== user.id) throw error(403, 'user has disabled public stats');
  return user;
}
