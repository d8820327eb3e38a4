/**
 * @module
 * `/api/v1/authenticated/projects` (`ProjectStatsQuery#project_details` with an all-time default):
 * per project, the LAG total within the project, the latest heartbeat and the languages, for
 * heartbeats with a non-empty project and a valid timestamp inside the window.
 */
import { groupedSeconds } from '../../world/durations.js';
import { isoSeconds } from '../../world/format-date.js';
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { railsParam } from '../ruby/rails-params.js';
import { parseTimeParam, requestedProjects } from './project-stats-params.js';
import { MAX_VALID_TIME } from './valid-timestamps.js';

interface ProjectStats {
  last: number;
  languages: Set<string>;
}

export interface AuthenticatedProject {
  name: string;
  total_seconds: number;
  most_recent_heartbeat: string | null;
  languages: string[];
  archived: boolean;
}

/** Rows sorted by seconds, most first; equal totals by name (the server's order there is unspecified). */
export function authenticatedProjects(world: World, user: User, search: URLSearchParams, nowMs: number): AuthenticatedProject[] {
  const includeArchived = railsParam(search, 'include_archived') === 'true';
  const requested = requestedProjects(search);
  const from = Math.max(0, parseTimeParam(search, ['start', 'start_date'], 0, nowMs));
  const to = Math.min(MAX_VALID_TIME, parseTimeParam(search, ['end', 'end_date'], nowMs / 1000, nowMs));
  const wanted = requested.length > 0 ? new Set(requested) : undefined;
  const inWindow = from > to ? [] : world.heartbeatsBetween(user.id, { from, to });
  const rows = inWindow.filter((hb) => hb.project !== null && hb.project !== '' && (wanted === undefined || wanted.has(hb.project)));

  const stats = new Map<string, ProjectStats>();
  for (const hb of rows) {
    const name = hb.project as string;
    let s = stats.get(name);
    if (!s) stats.set(name, (s = { last: hb.time, languages: new Set() }));
    s.last = Math.max(s.last, hb.time);
    if (hb.language !== null && hb.language !== '') s.languages.add(hb.language);
  }
  const seconds = groupedSeconds(rows, (hb) => hb.project);
  const archived = new Set(user.repoMappings.filter((m) => m.archived).map((m) => m.project));

  const out: AuthenticatedProject[] = [];
  for (const name of requested.length > 0 ? requested : [...stats.keys()]) {
    const s = stats.get(name);
    if (!s || (!includeArchived && archived.has(name))) continue;
    out.push({
      name,
      total_seconds: seconds.get(name) ?? 0,
      most_recent_heartbeat: isoSeconds(Math.floor(s.last) * 1000),
      languages: [...s.languages].sort(),
      archived: archived.has(name),
    });
  }
  return out.sort((a, b) => b.total_seconds - a.total_seconds || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
