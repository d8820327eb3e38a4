/**
 * @module
 * The user an admin route is about: `find_user_by_id` of the real server
 * (`app/controllers/concerns/api/admin/v1/user_utilities.rb:375-381`), which runs before any other
 * parameter of routes 2, 4, 5, 8, 9, 10, 14 and 34 is read.
 */
import type { User, World } from '../../world/index.js';
import { ApiError, error } from '../errors.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { railsParam } from '../rails/ruby/rails-params.js';

/**
 * `params[:id] || params[:user_id]`: `id` wins whenever it is sent, even blank (`?id=&user_id=2` → `who?`);
 * `User.find` casts the id like an integer column (`"2abc"` → 2, `"abc"` → not found).
 * @param pathId the `{id}` path segment of routes that have one (it is `params[:id]` there)
 * @throws ApiError 422 `who?` for a blank id, 404 `user not found`
 * @example
 * adminTarget(world, new URLSearchParams('user_id=1')).username // 'demo'
 */
export function adminTarget(world: World, search: URLSearchParams, pathId?: string): User {
  const raw = pathId ?? railsParam(search, 'id') ?? railsParam(search, 'user_id');
  if (isBlankString(raw)) throw error(422, 'who?');
  const id = integerColumnCast(raw);
  const user = id === null ? undefined : world.userById(id);
  if (!user) throw new ApiError(404, { error: 'user not found' });
  return user;
}
