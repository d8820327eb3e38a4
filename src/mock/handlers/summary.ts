/**
 * @module
 * `/api/summary`, the Wakapi-style public summary. No credential is read: the target user's
 * public-stats setting alone decides.
 */

import { publicSummary } from '../answers/public-summary.js';
import { json, type OperationHandler } from '../handler.js';
import { summaryTarget } from '../params/summary-target.js';
import { summaryWindow } from '../params/summary-window.js';
import { railsParam } from '../rails/ruby/rails-params.js';

const getSummary: OperationHandler = {
  // The server resolves the user in a before_action, ahead of reading the range.
  access: (ctx) => void summaryTarget(ctx.world, ctx.search),
  handle(ctx) {
    const user = summaryTarget(ctx.world, ctx.search);
    return json(publicSummary(ctx.world, user, summaryWindow(ctx.search, ctx.now), railsParam(ctx.search, 'user')));
  },
};

export const summaryHandlers = { getSummary };
