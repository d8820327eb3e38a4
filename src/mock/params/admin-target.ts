/**
 * @module
 * How the admin API reads its parameters: Rails merges the query string and a JSON body into one
 * `params` (so every "query" parameter also works in the body, and the other way round), and the
 * user-targeted routes find their user with `find_user_by_id`
 * (`app/controllers/concerns/api/admin/v1/user_utilities.rb:375-381`).
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { error } from '../errors.js';
import type { RequestContext } from '../handler.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { type Params, railsParams } from '../rails/ruby/rails-params.js';

/** The request's `params`: the JSON body's fields, overridden by the query's. */
export const adminParams = (ctx: Pick<RequestContext, 'body' | 'search'>): Params => railsParams(ctx.body, ctx.search);

/**
 * `User.find(id)`: the primary key's integer cast (`"12abc"` → 12, `"abc"` → nothing), or a JSON
 * integer as sent.
 */
export function userByIdParam(world: World, value: unknown): User | undefined {
  const id = typeof value === 'number' ? value : typeof value === 'string' ? integerColumnCast(value) : null;
  return id === null || !Number.isInteger(id) ? undefined : world.userById(id);
}

/**
 * `params[:id] || params[:user_id]` (a present but blank `id` wins and is blank): blank → 422
 * `who?`, no such user → 404 `user not found`.
 * @example
 * targetUser(world, { user_id: '1' }).username; // 'demo'
 */
export function targetUser(world: World, params: Params): User {
  const raw = params['id'] ?? params['user_id'];
  if (isRubyBlank(raw)) throw error(422, 'who?');
  const user = userByIdParam(world, raw);
  if (!user) throw error(404, 'user not found');
  return user;
}

/** `(params[name] || fallback).to_i` for a query or body value (strings and JSON numbers). */
export function toIParam(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === false) return fallback;
  if (typeof value === 'number') return Math.trunc(value);
  return typeof value === 'string' ? (integerColumnCast(value) ?? 0) : 0;
}
