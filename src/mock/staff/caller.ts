/**
 * @module
 * The admin API's caller inside a handler (authentication has refused everyone else).
 */
import type { User } from '../../world/types.js';
import { ApiError } from '../errors.js';
import type { RequestContext } from '../handler.js';

/** The authenticated user; authentication has already refused everyone else. */
export function staffUser(ctx: Pick<RequestContext, 'caller'>): User {
  const user = ctx.caller?.user;
  if (!user) throw new ApiError(500, { error: 'the admin API was reached without a caller' });
  return user;
}
