/**
 * @module
 * `GET /api/v1/users/{username}/stats` after access is settled: the body the options ask for
 * (`{"total_seconds"}` alone, or the summary with streak and trust factor) and the total-only query.
 */
import {
  type Heartbeat,
  streakDays,
  streakWindow,
  type TimeWindow,
  totalSeconds,
  type User,
  uniqueTotalSeconds,
  type World,
} from '../../world/index.js';
import type { StatsOptions } from '../params/user-stats-options.js';
import { BOUNDARY_EXCLUDED, boundaryAwareSeconds, notInCategories } from '../rails/scopes/boundary-aware.js';
import { hasValidTimestamp, isValidTime } from '../rails/scopes/valid-timestamps.js';
import { buildSummary, type SummaryData } from './stats-summary.js';
import { publicTrustFactor } from './trust-factor.js';

const inList = (list: readonly string[] | undefined, value: string | null) =>
  list === undefined || (value !== null && list.includes(value));

/**
 * `total_seconds=true` outside test mode: `start <= time < end` on the exact window (fractions kept),
 * with the project and category lists; boundary-aware on request.
 */
function totalOnly(world: World, user: User, window: TimeWindow, o: StatsOptions): number {
  const listed = (hb: Heartbeat) => hasValidTimestamp(hb) && inList(o.projects, hb.project) && inList(o.categories, hb.category);
  if (o.boundaryAware) {
    const outside = notInCategories([...BOUNDARY_EXCLUDED, ...(o.noAiCoding ? ['ai coding'] : [])]);
    return boundaryAwareSeconds(world.heartbeatsOf(user.id), window.from, window.to, (hb) => listed(hb) && outside(hb));
  }
  // `where.not(category: "ai coding")`: exact, and NULL categories drop out too.
  const noAi = (hb: Heartbeat) => !o.noAiCoding || (hb.category !== null && hb.category !== 'ai coding');
  const rows = world.heartbeatsBetween(user.id, { from: window.from, to: window.to, toExclusive: true });
  return totalSeconds(rows.filter((hb) => listed(hb) && noAi(hb)));
}

export type UserStatsBody = { total_seconds: number } | { data: SummaryData; trust_factor: ReturnType<typeof publicTrustFactor> };

/**
 * The body for a user and parsed window.
 * @throws ApiError the 500 error page for a negative `limit` when a list is built.
 */
export function userStats(
  world: World,
  user: User,
  window: TimeWindow,
  o: StatsOptions,
  nowMs: number,
  /** The user's streak as the caller keeps it (an hour with `--freshness real`); default computed now. */
  streakOf: (compute: () => number) => number = (compute) => compute(),
): UserStatsBody {
  if (o.totalOnly && !o.testMode) return { total_seconds: totalOnly(world, user, window, o) };
  const data = buildSummary(world, {
    user,
    window: { from: Math.floor(window.from), to: Math.floor(window.to) },
    projects: o.projects,
    testMode: o.testMode,
    noAiCoding: o.noAiCoding,
    languages: o.languages,
    projectList: o.projectList,
    limit: o.limit,
  });
  if (o.totalOnly) return { total_seconds: data.total_seconds };
  if (o.featuresRaw?.includes('projects') && o.projects !== undefined) {
    const rows = world.viewBetween(user.id, { from: window.from, to: window.to });
    const categoryOf = rows.reader('category');
    const projectOf = rows.reader('project');
    const coding = rows.where(
      (r) => categoryOf(r) === 'coding' && isValidTime(rows.times[r] as number) && inList(o.projects, projectOf(r)),
    );
    data.unique_total_seconds = uniqueTotalSeconds(coding.times);
  }
  data.streak = streakOf(() => streakDays(world.viewBetween(user.id, streakWindow(nowMs)), user.timezone, nowMs));
  return { data, trust_factor: publicTrustFactor(user) };
}
