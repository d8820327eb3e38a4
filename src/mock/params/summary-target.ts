/**
 * @module
 * Who `/api/summary` is about: `user_id` or `user`, resolved in the server's before_action, ahead of
 * the range.
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { error, fromTemplate, USER_NOT_FOUND } from '../errors.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { railsParam } from '../rails/ruby/rails-params.js';

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
