/**
 * @module
 * Per-user stats, spans, trust factor and the admin aggregate.
 */
import { toSpans } from '../../world/index.js';
import { globalStatsSeconds } from '../answers/global-stats.js';
import { publicTrustFactor } from '../answers/trust-factor.js';
import { userStats } from '../answers/user-stats.js';
import { fromTemplate, USER_NOT_FOUND } from '../errors.js';
import { STREAK_TTL_MS } from '../freshness.js';
import { json, type OperationHandler } from '../handler.js';
import { globalStatsRequest } from '../params/global-stats.js';
import { statsEndpointWindow } from '../params/stats-endpoint-window.js';
import { statsTarget } from '../params/stats-target.js';
import { statsOptions } from '../params/user-stats-options.js';
import { presentParam } from '../rails/ruby/rails-params.js';
import { rubySplit } from '../rails/ruby/string-methods.js';
import { isValidTime } from '../rails/scopes/valid-timestamps.js';

/** Admin key already checked by the app; the body is bare integer seconds. */
const getGlobalStats: OperationHandler = {
  handle: ({ world, search, now }) => ({
    status: 200,
    text: { body: globalStatsSeconds(world, globalStatsRequest(search, now)), contentType: 'text/plain; charset=utf-8' },
  }),
};

const getUserStats: OperationHandler = {
  access: statsTarget,
  handle(ctx) {
    const window = statsEndpointWindow(ctx.search, ctx.now);
    const user = statsTarget(ctx);
    const keptStreak = (compute: () => number) => ctx.state.freshness.fetch(`streak:${user.id}`, ctx.now, STREAK_TTL_MS, compute);
    return json(userStats(ctx.world, user, window, statsOptions(ctx.search), ctx.now, keptStreak));
  },
};

/** Spans over `start <= time <= end` of one project, or of a list (ignored when `project` is set). */
const getUserSpans: OperationHandler = {
  access: statsTarget,
  handle(ctx) {
    const user = statsTarget(ctx);
    const window = statsEndpointWindow(ctx.search, ctx.now);
    const project = presentParam(ctx.search, 'project');
    const list = project === undefined ? presentParam(ctx.search, 'filter_by_project') : undefined;
    const projects = project !== undefined ? [project] : list === undefined ? undefined : rubySplit(list);
    const rows = ctx.world.viewBetween(user.id, window);
    const projectOf = rows.reader('project');
    const kept = rows.where((r) => {
      const name = projectOf(r);
      return isValidTime(rows.times[r] as number) && (projects === undefined || (name !== null && projects.includes(name)));
    });
    return json({ spans: toSpans(kept.times) });
  },
};

/** Its own lookup (Slack id OR username OR numeric id), no privacy check; `my` is a plain name. */
const getUserTrustFactor: OperationHandler = {
  handle({ world, path }) {
    const user = world.lookupForTrustFactor(path['username'] ?? '');
    if (!user) throw fromTemplate(USER_NOT_FOUND);
    return json(publicTrustFactor(user));
  },
};

export const statsHandlers = { getGlobalStats, getUserStats, getUserSpans, getUserTrustFactor };
