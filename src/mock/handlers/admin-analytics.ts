/**
 * @module
 * The admin API's analytics over every user's heartbeats (routes 34–41 of the real server's admin
 * namespace: `app/controllers/api/admin/v1/admin_controller.rb:34-272` and
 * `heartbeats_controller.rb`): the quantized month, alt candidates, machines and addresses shared
 * between users, active users and heartbeats by user agent.
 */
import { heartbeatsByUserAgentSegment } from '../answers/admin-heartbeats.js';
import { activeUserIds, altCandidates, cutoffOf, ipMachinePairs, sharedMachines } from '../answers/admin-machines.js';
import { quantizedMonth } from '../answers/admin-quantized.js';
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { adminTimeRange } from '../params/admin-date-range.js';
import { clampedInt, lookbackDays, offsetParam, sharedLimit } from '../params/admin-limits.js';
import { adminParams, targetUser } from '../params/admin-target.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { integerColumnCast, rubyToI } from '../rails/ruby/integer-cast.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';

const DAY = 86_400;

/** Route 34's `params[:id]` is its path segment. */
const pathTarget = (ctx: RequestContext) => targetUser(ctx.world, { ...adminParams(ctx), id: ctx.path['id'] ?? '' });

/** `params[:year]&.to_i`, `params[:month]&.to_i`: missing or a month outside 1–12 → 422. */
const getAdminQuantizedVisualization: OperationHandler = {
  access: pathTarget,
  handle(ctx) {
    const user = pathTarget(ctx);
    const year = railsParam(ctx.search, 'year');
    const month = railsParam(ctx.search, 'month');
    const m = month === undefined ? 0 : rubyToI(month);
    if (year === undefined || m < 1 || m > 12) throw error(422, 'invalid parameters');
    return json(quantizedMonth(ctx.world, user, rubyToI(year), m));
  },
};

const cutoff = (ctx: RequestContext) => cutoffOf(ctx.now, lookbackDays(ctx.search));

const getAdminAltCandidates: OperationHandler = {
  handle: (ctx) => json(altCandidates(ctx.state.machines.index(), cutoff(ctx))),
};

/** `alts/shared_machines` and `heartbeats/shared_machines` are one action of the heartbeats controller. */
const sharedMachinesHandler: OperationHandler = {
  handle: (ctx) => json(sharedMachines(ctx.state.machines.index(), cutoff(ctx), sharedLimit(ctx.search))),
};

const getAdminIpMachinePairs: OperationHandler = {
  handle: (ctx) => json(ipMachinePairs(ctx.state.machines.index(), cutoff(ctx), sharedLimit(ctx.search))),
};

/** `since` (`to_i`), negative → 422, then at least 90 days ago. */
const getAdminActiveUsers: OperationHandler = {
  handle(ctx) {
    const since = rubyToI(railsParam(ctx.search, 'since'));
    if (since < 0) throw error(422, 'invalid since parameter');
    return json(activeUserIds(ctx.state.machines.index(), Math.max(since, Math.floor(ctx.now / 1000) - 90 * DAY)));
  },
};

/** `ActiveModel::Type::Boolean` cast: blank is nil (false), and only these strings are false. */
const FALSE_VALUES = new Set(['0', 'f', 'F', 'false', 'FALSE', 'off', 'OFF']);

const getAdminHeartbeatsByUserAgentSegment: OperationHandler = {
  handle(ctx) {
    const segment = rubyStrip(railsParam(ctx.search, 'segment') ?? '');
    if (isBlankString(segment)) throw error(422, 'segment parameter required');
    if ([...segment].length < 3) throw error(422, 'segment must be at least 3 characters');
    const limit = clampedInt(ctx.search, 'limit', 1000, 1, 5000);
    const offset = offsetParam(ctx.search);
    const userParam = presentParam(ctx.search, 'user_id');
    const window = adminTimeRange(ctx.search, ctx.now);
    const countOnlyRaw = railsParam(ctx.search, 'count_only');
    const countOnly = countOnlyRaw !== undefined && countOnlyRaw !== '' && !FALSE_VALUES.has(countOnlyRaw);
    return json(
      heartbeatsByUserAgentSegment(ctx.world, {
        segment,
        ...(userParam === undefined ? {} : { userId: integerColumnCast(userParam) }),
        window,
        limit,
        offset,
        countOnly,
      }),
    );
  },
};

export const adminAnalyticsHandlers = {
  getAdminQuantizedVisualization,
  getAdminAltCandidates,
  getAdminAltSharedMachines: sharedMachinesHandler,
  getAdminActiveUsers,
  getAdminHeartbeatsByUserAgentSegment,
  getAdminIpMachinePairs,
  getAdminHeartbeatSharedMachines: sharedMachinesHandler,
};
