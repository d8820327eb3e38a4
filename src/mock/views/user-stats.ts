/**
 * @module
 * `GET /api/v1/users/{username}/stats` after access is settled: which body the parameters ask for
 * (`{"total_seconds"}` alone, or the summary with streak and trust factor) and the total-only query.
 */
import { type Heartbeat, streakDays, totalSeconds, type User, uniqueTotalSeconds, type World } from '../../world/index.js';
import { rubyStringToI } from '../rails/ruby/integer-cast.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';
import { rubySplit } from '../rails/ruby/string-methods.js';
import { BOUNDARY_EXCLUDED, boundaryAwareSeconds, notInCategories } from '../rails/scopes/boundary-aware.js';
import { hasValidTimestamp } from '../rails/scopes/valid-timestamps.js';
import { publicTrustFactor } from './stats-access.js';
import { buildSummary, type SummaryData } from './stats-summary.js';
import type { StatsWindow } from './stats-window.js';

interface StatsOptions {
  /** `params[:features]` as sent: the `unique_total_seconds` check is a substring test on it. */
  featuresRaw: string | undefined;
  languages: boolean;
  projectList: boolean;
  limit: bigint;
  projects: string[] | undefined;
  categories: string[] | undefined;
  totalOnly: boolean;
  boundaryAware: boolean;
  noAiCoding: boolean;
  testMode: boolean;
}

function statsOptions(search: URLSearchParams): StatsOptions {
  const featuresRaw = railsParam(search, 'features');
  // Items are not trimmed: "languages, projects" does not enable projects.
  const features = featuresRaw === undefined ? ['languages'] : rubySplit(featuresRaw);
  const list = (name: string) => {
    const value = presentParam(search, name);
    return value === undefined ? undefined : rubySplit(value);
  };
  const flag = (name: string) => railsParam(search, name) === 'true';
  return {
    featuresRaw,
    languages: features.includes('languages'),
    projectList: features.includes('projects'),
    limit: rubyStringToI(railsParam(search, 'limit')),
    projects: list('filter_by_project'),
    categories: list('filter_by_category'),
    totalOnly: flag('total_seconds'),
    boundaryAware: flag('boundary_aware'),
    noAiCoding: flag('no_ai_coding'),
    testMode: flag('test_param'),
  };
}

const inList = (list: readonly string[] | undefined, value: string | null) =>
  list === undefined || (value !== null && list.includes(value));

/**
 * `total_seconds=true` outside test mode: `start <= time < end` on the exact window (fractions kept),
 * with the project and category lists; boundary-aware on request.
 */
function totalOnly(world: World, user: User, window: StatsWindow, o: StatsOptions): number {
  const listed = (hb: Heartbeat) => hasValidTimestamp(hb) && inList(o.projects, hb.project) && inList(o.categories, hb.category);
  if (o.boundaryAware) {
    const outside = notInCategories([...BOUNDARY_EXCLUDED, ...(o.noAiCoding ? ['ai coding'] : [])]);
    return boundaryAwareSeconds(world.heartbeatsOf(user.id), window.start, window.end, (hb) => listed(hb) && outside(hb));
  }
  // `where.not(category: "ai coding")`: exact, and NULL categories drop out too.
  const noAi = (hb: Heartbeat) => !o.noAiCoding || (hb.category !== null && hb.category !== 'ai coding');
  const rows = world.heartbeatsBetween(user.id, { from: window.start, to: window.end, toExclusive: true });
  return totalSeconds(rows.filter((hb) => listed(hb) && noAi(hb)));
}

export type UserStatsBody = { total_seconds: number } | { data: SummaryData; trust_factor: ReturnType<typeof publicTrustFactor> };

/**
 * The body for a user and parsed window.
 * @throws ApiError the 500 error page for a negative `limit` when a list is built.
 */
export function userStats(world: World, user: User, window: StatsWindow, search: URLSearchParams, nowMs: number): UserStatsBody {
  const o = statsOptions(search);
  if (o.totalOnly && !o.testMode) return { total_seconds: totalOnly(world, user, window, o) };
  const data = buildSummary(world, {
    user,
    start: Math.floor(window.start),
    end: Math.floor(window.end),
    projects: o.projects,
    testMode: o.testMode,
    noAiCoding: o.noAiCoding,
    languages: o.languages,
    projectList: o.projectList,
    limit: o.limit,
  });
  if (o.totalOnly) return { total_seconds: data.total_seconds };
  if (o.featuresRaw?.includes('projects') && o.projects !== undefined) {
    const coding = world
      .heartbeatsBetween(user.id, { from: window.start, to: window.end })
      .filter((hb) => hb.category === 'coding' && hasValidTimestamp(hb) && inList(o.projects, hb.project));
    data.unique_total_seconds = uniqueTotalSeconds(coding);
  }
  data.streak = streakDays(world.heartbeatsOf(user.id), user.timezone, nowMs);
  return { data, trust_factor: publicTrustFactor(user) };
}
