/**
 * @module
 * The caller's raw heartbeats.
 */
import type { User } from '../../world/types.js';
import { fromTemplate, UNAUTHORIZED } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { mostRecentHeartbeat, myHeartbeats } from '../views/my-heartbeats.js';

/** Authentication already ran; this only narrows the type. */
function owner(ctx: RequestContext): User {
  const user = ctx.caller?.user;
  if (!user) throw fromTemplate(UNAUTHORIZED);
  return user;
}

const getMyMostRecentHeartbeat: OperationHandler = {
  handle: (ctx) => json(mostRecentHeartbeat(ctx.world, owner(ctx).id, ctx.search, ctx.now)),
};

const getMyHeartbeats: OperationHandler = {
  handle: (ctx) => json(myHeartbeats(ctx.world, owner(ctx).id, ctx.search, ctx.now)),
};

export const myHeartbeatsHandlers = { getMyMostRecentHeartbeat, getMyHeartbeats };
