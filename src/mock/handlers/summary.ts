/**
 * @module
 * `/api/summary`, the Wakapi-style public summary. No credential is read: the target user's
 * public-stats setting alone decides.
 */

import { publicSummary } from '../answers/public-summary.js';
import { SUMMARY_TTL_MS } from '../freshness.js';
import { json, type OperationHandler } from '../handler.js';
import { summaryTarget } from '../params/summary-target.js';
import { summaryWindow } from '../params/summary-window.js';
import { railsParam } from '../rails/ruby/rails-params.js';

const getSummary: OperationHandler = {
  // The server resolves the user in a before_action, ahead of reading the range.
  access: (ctx) => void summaryTarget(ctx.world, ctx.search),
  handle(ctx) {
    const user = summaryTarget(ctx.world, ctx.search);
    const window = summaryWindow(ctx.search, ctx.now);
    // Kept a minute with `--freshness real`, per user and query, as `Rails.cache` keeps it.
    const key = `summary:${user.id}:${ctx.search.toString()}`;
    return json(
      ctx.state.freshness.fetch(key, ctx.now, SUMMARY_TTL_MS, () => publicSummary(ctx.world, user, window, railsParam(ctx.search, 'user'))),
    );
  },
};

export const summaryHandlers = { getSummary };
