/**
 * @module
 * The `data` object of the user stats endpoint (`WakatimeService#build_summary`, uncached): totals
 * over `start <= time < end` in whole seconds, the daily average, and the requested lists.
 */
import { type Heartbeat, type RowView, type TimeWindow, totalSecondsOfTimes, type User, type World } from '../../world/index.js';
import { fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { displayName } from '../rails/present/display-names.js';
import { shortTimeDetailed } from '../rails/present/format.js';
import { strftimeUtc } from '../rails/ruby/active-support-time.js';
import { BOUNDARY_EXCLUDED, boundaryAwareSeconds, categoryNotIn } from '../rails/scopes/boundary-aware.js';
import { isValidTime } from '../rails/scopes/valid-timestamps.js';
import { breakdown, type StatsItem } from './stats-breakdown.js';

const DAY = 86_400;
/** `Array#first(n)` takes a C long; a bigger count raises RangeError. */
const LONG_MAX = 2n ** 63n - 1n;

export interface SummaryRequest {
  user: User;
  /** The window as the service converts it (`to_i`): whole epoch seconds, `to` exclusive. */
  window: TimeWindow;
  /** `filter_by_project` (exact names), or undefined for every project. */
  projects: readonly string[] | undefined;
  /** Test mode: boundary-aware total, browsing/meeting/communicating excluded, raw list names. */
  testMode: boolean;
  noAiCoding: boolean;
  languages: boolean;
  projectList: boolean;
  /** `params[:limit].to_i`: 0 keeps everything, a negative count raises. */
  limit: bigint;
}

export interface SummaryData {
  username: string;
  user_id: string;
  is_coding_activity_visible: true;
  is_other_usage_visible: true;
  status: 'ok';
  start: string;
  end: string;
  range: 'all_time';
  human_readable_range: 'All Time';
  total_seconds: number;
  daily_average: number;
  human_readable_total: string;
  human_readable_daily_average: string;
  languages?: StatsItem[];
  projects?: StatsItem[];
  unique_total_seconds?: number;
  streak?: number;
}

/** Ruby's Integer#/ (floor division); `|| 0` keeps `-0` out of the JSON. */
const floorDiv = (a: number, b: number) => Math.floor(a / b) || 0;

/** What the service's scope keeps, of a row's time, category and project. */
type Scope = (time: number, category: string | null, project: string | null) => boolean;

/** What the service's scope keeps: the user's valid heartbeats, the projects asked for, the categories not excluded. */
function scopeFilter(request: SummaryRequest): Scope {
  const excluded = request.testMode
    ? [...BOUNDARY_EXCLUDED, ...(request.noAiCoding ? ['ai coding'] : [])]
    : request.noAiCoding
      ? ['ai coding']
      : [];
  const outside = categoryNotIn(excluded);
  const { projects } = request;
  return (time, category, project) =>
    isValidTime(time) && outside(category) && (projects === undefined || (project !== null && projects.includes(project)));
}

/** The rows of a view the scope keeps. */
function scoped(view: RowView, scope: Scope): RowView {
  const categoryOf = view.reader('category');
  const projectOf = view.reader('project');
  const { times } = view;
  return view.where((r) => scope(times[r] as number, categoryOf(r), projectOf(r)));
}

/**
 * Builds the summary.
 * @throws ApiError the 500 error page when a list is built with a negative (or too large) `limit`.
 */
export function buildSummary(world: World, request: SummaryRequest): SummaryData {
  const { user } = request;
  const { from: start, to: end } = request.window;
  const scope = scopeFilter(request);
  const rows = scoped(world.viewBetween(user.id, { from: start, to: end, toExclusive: true }), scope);
  const total = request.testMode
    ? boundaryAwareSeconds(world.heartbeatsOf(user.id), start, end, (hb: Heartbeat) => scope(hb.time, hb.category, hb.project))
    : totalSecondsOfTimes(rows.times);
  const days = floorDiv(end - start, DAY);
  const average = days === 0 ? 0 : floorDiv(total, days);
  const data: SummaryData = {
    username: displayName(user),
    user_id: String(user.id),
    is_coding_activity_visible: true,
    is_other_usage_visible: true,
    status: 'ok',
    start: strftimeUtc(start),
    end: strftimeUtc(end),
    range: 'all_time',
    human_readable_range: 'All Time',
    total_seconds: total,
    daily_average: average,
    human_readable_total: shortTimeDetailed(total),
    human_readable_daily_average: shortTimeDetailed(average),
  };
  if (request.languages || request.projectList) {
    if (request.limit < 0n || request.limit > LONG_MAX) throw fromTemplate(INTERNAL_ERROR_PAGE);
    const options = { rawNames: request.testMode, limit: request.limit === 0n ? undefined : Number(request.limit) };
    if (request.languages) data.languages = breakdown(rows, 'language', total, options);
    if (request.projectList) data.projects = breakdown(rows, 'project', total, options);
  }
  return data;
}
