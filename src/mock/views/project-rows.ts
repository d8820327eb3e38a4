/**
 * @module
 * The real server's `ProjectStatsQuery`: the project names of a discovery window and per-project rows
 * (time, heartbeat count, languages, first/last heartbeat, repository mapping) over a stats window.
 * Only heartbeats with a valid timestamp and a non-empty project count; the window is inclusive.
 * The per-user endpoints and `/authenticated/projects` share it, differing only in its settings.
 */
import { groupedSeconds, type Heartbeat, type RepoMapping, type User, type World } from '../../world/index.js';
import { startOfUtcDay, strftimeUtc, yearsAgo } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { hasValidTimestamp } from '../rails/scopes/valid-timestamps.js';
import { parseTimeParam } from './project-stats-params.js';

export interface ProjectRow {
  name: string;
  total_seconds: number;
  languages: string[];
  repo_url: string | null;
  total_heartbeats: number;
  first_heartbeat: string | null;
  last_heartbeat: string | null;
  most_recent_heartbeat: string | null;
  archived: boolean;
}

interface Window {
  from: number;
  to: number;
}

/** `/projects`: `since`/`start`/`start_date` (default 00:00 UTC 30 days ago) to `until`/`until_date`/`end`/`end_date` (default now). */
export function discoveryWindow(search: URLSearchParams, nowMs: number): Window {
  const now = nowMs / 1000;
  return {
    from: parseTimeParam(search, ['since', 'start', 'start_date'], startOfUtcDay(now - 30 * 86_400), nowMs),
    to: parseTimeParam(search, ['until', 'until_date', 'end', 'end_date'], now, nowMs),
  };
}

/**
 * Project rows: `start`/`start_date` to `end`/`end_date` (default now). The start defaults to the
 * query's `default_stats_start`: one year ago, unless the caller sets another (`0`, all time, for
 * `/authenticated/projects`).
 */
export function statsWindow(search: URLSearchParams, nowMs: number, defaultStart = yearsAgo(nowMs, 1)): Window {
  return {
    from: parseTimeParam(search, ['start', 'start_date'], defaultStart, nowMs),
    to: parseTimeParam(search, ['end', 'end_date'], nowMs / 1000, nowMs),
  };
}

function scoped(world: World, user: User, window: Window): Heartbeat[] {
  return world.heartbeatsBetween(user.id, window).filter((hb) => hasValidTimestamp(hb) && hb.project !== null && hb.project !== '');
}

/**
 * The distinct project names of the window, archived ones included, in the order the database
 * happens to return them (first seen here).
 */
export function projectNames(world: World, user: User, window: Window): string[] {
  return [...new Set(scoped(world, user, window).map((hb) => hb.project as string))];
}

interface ProjectStat {
  seconds: number;
  count: number;
  first: number;
  last: number;
  languages: Set<string>;
}

/** `DashboardData::Snapshots.project_details_snapshot`: one pass, gaps taken within each project. */
function snapshot(rows: readonly Heartbeat[]): Map<string, ProjectStat> {
  const seconds = groupedSeconds(rows, (hb) => hb.project);
  const stats = new Map<string, ProjectStat>();
  for (const hb of rows) {
    const name = hb.project as string;
    let stat = stats.get(name);
    if (!stat) {
      stat = { seconds: seconds.get(name) ?? 0, count: 0, first: hb.time, last: hb.time, languages: new Set() };
      stats.set(name, stat);
    }
    stat.count += 1;
    stat.last = hb.time;
    // `ARRAY_REMOVE(ARRAY_AGG(DISTINCT NULLIF(language, '')), NULL)`, then Ruby's `compact_blank`.
    if (!isBlankString(hb.language)) stat.languages.add(hb.language);
  }
  return stats;
}

const collator = new Intl.Collator('en-US');
/** `ARRAY_AGG(DISTINCT …)` sorts by the database collation; an en-US one is assumed (case-insensitive first). */
const byCollation = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * `sort_by { -total_seconds }`: most time first. Ruby's sort is not stable, so the order of equal
 * totals is unspecified upstream; here they go by name, to stay deterministic.
 */
const bySeconds = (a: ProjectRow, b: ProjectRow) => b.total_seconds - a.total_seconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * `project_details`: rows for the requested names (exact; every project of the window when none),
 * without archived projects unless asked, by `total_seconds` descending.
 */
export function projectDetails(
  world: World,
  user: User,
  window: Window,
  requested: readonly string[],
  includeArchived = false,
): ProjectRow[] {
  let rows = scoped(world, user, window);
  if (requested.length > 0) rows = rows.filter((hb) => requested.includes(hb.project as string));
  const stats = snapshot(rows);
  const mappings = new Map<string, RepoMapping>(user.repoMappings.map((m) => [m.project, m]));
  const candidates = requested.length > 0 ? requested : [...stats.keys()];
  const result: ProjectRow[] = [];
  for (const name of candidates) {
    const stat = stats.get(name);
    const mapping = mappings.get(name);
    if (!stat || (!includeArchived && mapping?.archived)) continue;
    const first = strftimeUtc(stat.first);
    const last = strftimeUtc(stat.last);
    result.push({
      name,
      total_seconds: stat.seconds,
      languages: [...stat.languages].sort(byCollation),
      repo_url: mapping?.repoUrl ?? null,
      total_heartbeats: stat.count,
      first_heartbeat: first,
      last_heartbeat: last,
      most_recent_heartbeat: last,
      archived: mapping?.archived ?? false,
    });
  }
  return result.sort(bySeconds);
}
