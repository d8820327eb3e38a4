/**
 * @module
 * The real server's `ProjectStatsQuery`: the project names of a discovery window and per-project rows
 * (time, heartbeat count, languages, first/last heartbeat, repository mapping) over a stats window
 * (read by ../params/project-stats.ts). Only heartbeats with a valid timestamp and a non-empty project
 * count; the window is inclusive.
 * The per-user endpoints and `/authenticated/projects` share it, differing only in its settings.
 */
import type { components } from '../../types/hackatime.js';
import { groupedSeconds, type Heartbeat, type RepoMapping, type TimeWindow, type User, type World } from '../../world/index.js';
import { strftimeUtc } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { hasValidTimestamp } from '../rails/scopes/valid-timestamps.js';

/** One project's row, as the spec's `ProjectRow` schema declares it. */
export type ProjectRow = components['schemas']['ProjectRow'];

function scoped(world: World, user: User, window: TimeWindow): Heartbeat[] {
  return world.heartbeatsBetween(user.id, window).filter((hb) => hasValidTimestamp(hb) && hb.project !== null && hb.project !== '');
}

/**
 * The distinct project names of the window, archived ones included, in the order the database
 * happens to return them (first seen here).
 */
export function projectNames(world: World, user: User, window: TimeWindow): string[] {
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
  window: TimeWindow,
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
