/**
 * @module
 * `/api/summary`, the Wakapi-style public summary. No credential is read: the target user's
 * public-stats setting alone decides.
 */
import { json, type OperationHandler } from '../handler.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { publicSummary, summaryTarget } from '../views/public-summary.js';
import { summaryWindow } from '../views/public-summary-range.js';

const getSummary: OperationHandler = {
  // The server resolves the user in a before_action, ahead of reading the range.
  access: (ctx) => void summaryTarget(ctx.world, ctx.search),
  handle(ctx) {
    const user = summaryTarget(ctx.world, ctx.search);
    return json(publicSummary(ctx.world, user, summaryWindow(ctx.search, ctx.now), railsParam(ctx.search, 'user')));
  },
};

export const summaryHandlers = { getSummary };
