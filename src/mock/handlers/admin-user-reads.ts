/**
 * @module
 * The admin API's reads about one user and its heartbeats (`/api/admin/v1/user/*`, routes 4–9 of the
 * real server's admin namespace, `app/controllers/concerns/api/admin/v1/user_utilities.rb`). The
 * caller's admin credential is checked by the app; each handler reads its parameters in the server's
 * order (the target user first) and builds its body from the world's heartbeats.
 */
import { adminHeartbeatValues, adminUserHeartbeats, HEARTBEAT_FIELDS, type HeartbeatField, hasAnyIp } from '../answers/admin-heartbeats.js';
import { usersByIp, usersByMachine } from '../answers/admin-machines.js';
import { adminUserProjects, adminUserStats } from '../answers/admin-user-stats.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { adminDefaultRange, adminTimeRange, hasDateBounds, rescuedDateDay } from '../params/admin-date-range.js';
import { clampedInt, offsetParam } from '../params/admin-limits.js';
import { adminParams, targetUser } from '../params/admin-target.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { utcDayNumber } from '../rails/ruby/date-parse.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';

const DAY = 86_400;

const target = (ctx: RequestContext) => targetUser(ctx.world, adminParams(ctx));

/** A parameter that must be present (`return render_error(message) if params[name].blank?`). */
function required(search: URLSearchParams, name: string, message: string): string {
  const value = railsParam(search, name);
  if (isBlankString(value)) throw error(422, message);
  return value;
}

const getAdminUserHeartbeats: OperationHandler = {
  access: target,
  handle(ctx) {
    const user = target(ctx);
    const limit = clampedInt(ctx.search, 'limit', 1000, 1, 5000);
    const offset = offsetParam(ctx.search);
    const window = adminTimeRange(ctx.search, ctx.now);
    const filters: Record<string, string> = {};
    for (const name of ['project', 'language', 'entity', 'editor', 'machine']) {
      const value = presentParam(ctx.search, name);
      if (value !== undefined) filters[name] = value;
    }
    return json(adminUserHeartbeats(ctx.world, user, { window, filters, limit, offset }));
  },
};

const isField = (value: string | undefined): value is HeartbeatField => value !== undefined && Object.hasOwn(HEARTBEAT_FIELDS, value);

const getAdminUserHeartbeatValues: OperationHandler = {
  access: target,
  handle(ctx) {
    const user = target(ctx);
    const field = railsParam(ctx.search, 'field');
    if (!isField(field)) throw error(422, 'invalid field');
    const limit = clampedInt(ctx.search, 'limit', 5000, 1, 5000);
    const window = adminTimeRange(ctx.search, ctx.now);
    // The plucked `inet` values are IPAddr objects, which have no `empty?`: NoMethodError (500).
    if (field === 'ips' && hasAnyIp(ctx.world, user, window)) throw fromTemplate(INTERNAL_ERROR_PAGE);
    return json(adminHeartbeatValues(ctx.world, user, field, window, limit));
  },
};

/** A string `inet` cannot read is cast to NULL, and `ip_address = NULL` matches nothing. */
const getAdminUsersByIp: OperationHandler = {
  handle: (ctx) => json(usersByIp(ctx.state.machines.index(), required(ctx.search, 'ip', 'bro dont got the ip'))),
};

const getAdminUsersByMachine: OperationHandler = {
  handle: (ctx) => json(usersByMachine(ctx.state.machines.index(), required(ctx.search, 'machine', 'bro dont got the machine'))),
};

/**
 * `parse_date_param_default`: blank → today (UTC), else `Date.parse` (→ 422 `Invalid date.`).
 * @returns the UTC day number
 */
function statsDay(search: URLSearchParams, nowMs: number): number {
  const raw = railsParam(search, 'date');
  if (isBlankString(raw)) return utcDayNumber(nowMs);
  const day = rescuedDateDay(raw, nowMs);
  if (day === undefined) throw error(422, 'Invalid date.');
  return day;
}

const getAdminUserStats: OperationHandler = {
  access: target,
  handle(ctx) {
    const user = target(ctx);
    let window = { from: 0, to: 0 };
    if (hasDateBounds(ctx.search)) window = adminDefaultRange(ctx.search, ctx.now);
    else {
      const day = statsDay(ctx.search, ctx.now);
      window = { from: day * DAY, to: day * DAY + DAY - 1 };
    }
    return json(adminUserStats(ctx.world, user, window));
  },
};

const getAdminUserProjects: OperationHandler = {
  access: target,
  handle(ctx) {
    const user = target(ctx);
    const window = hasDateBounds(ctx.search) ? adminDefaultRange(ctx.search, ctx.now) : undefined;
    return json(adminUserProjects(ctx.world, user, window));
  },
};

export const adminUserReadsHandlers = {
  getAdminUserHeartbeats,
  getAdminUserHeartbeatValues,
  getAdminUsersByIp,
  getAdminUsersByMachine,
  getAdminUserStats,
  getAdminUserProjects,
};
