/**
 * @module
 * The caller's raw heartbeats.
 */
import type { User } from '../../world/types.js';
import { mostRecentHeartbeat, myHeartbeats } from '../answers/my-heartbeats.js';
import { fromTemplate, UNAUTHORIZED } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { heartbeatsRange, mostRecentFilters } from '../params/my-heartbeats.js';

/** Authentication already ran; this only narrows the type. */
function owner(ctx: RequestContext): User {
  const user = ctx.caller?.user;
  if (!user) throw fromTemplate(UNAUTHORIZED);
  return user;
}

const getMyMostRecentHeartbeat: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    return json(mostRecentHeartbeat(ctx.world, user.id, mostRecentFilters(ctx.search), ctx.now));
  },
};

const getMyHeartbeats: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    return json(myHeartbeats(ctx.world, user.id, heartbeatsRange(ctx.search, ctx.now)));
  },
};

export const myHeartbeatsHandlers = { getMyMostRecentHeartbeat, getMyHeartbeats };
