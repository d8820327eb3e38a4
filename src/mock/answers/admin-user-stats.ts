/**
 * @module
 * `GET /api/admin/v1/user/stats` and `user/projects` (`app/controllers/concerns/api/admin/v1/user_utilities.rb:121-218`):
 * a user's heartbeats of a window with the same duration rules as the public stats
 * (`Heartbeat.duration_seconds`: gaps capped at 120 s, cast to an integer), so an admin's figures and
 * the user's public `/api/v1/users/{u}/stats` agree over the same heartbeats.
 */
import { groupedSeconds, type Heartbeat, type TimeWindow, totalSeconds, type User, utcDate, type World } from '../../world/index.js';
import { displayName } from '../rails/present/display-names.js';
import { isoSeconds } from '../rails/present/format-date.js';
import { adminHeartbeatRow } from './admin-heartbeats.js';

/**
 * One heartbeat of `user/stats`: the keys of `user/heartbeats` in the same order, without `ja4`, and
 * `time` as ISO 8601 seconds (`Time.at(hb.time).utc.iso8601`).
 */
function statsRow(hb: Heartbeat) {
  const { ja4: _ja4, ...row } = adminHeartbeatRow(hb);
  return { ...row, time: isoSeconds(hb.time * 1000) };
}

/**
 * `user/stats` over `start <= time <= end` (integer epoch seconds, both inclusive), every heartbeat
 * listed (no paging); `username` is the display name.
 * @example
 * adminUserStats(world, demo, { from: 1787356800, to: 1787443199 }).total_duration // seconds of Aug 22 (UTC)
 */
export function adminUserStats(world: World, user: User, window: TimeWindow) {
  const rows = world.heartbeatsBetween(user.id, { from: window.from, to: window.to });
  return {
    user_id: user.id,
    username: displayName(user),
    start_date: utcDate(window.from * 1000),
    end_date: utcDate(window.to * 1000),
    timezone: user.timezone,
    heartbeats: rows.map(statsRow),
    total_heartbeats: rows.length,
    total_duration: totalSeconds(rows),
  };
}

interface ProjectStat {
  name: string;
  rows: Heartbeat[];
}

/** Distinct non-null languages, ascending (`ARRAY_AGG(DISTINCT language)` sorts them). */
function languagesOf(rows: readonly Heartbeat[]): string[] {
  const set = new Set<string>();
  for (const hb of rows) if (hb.language !== null) set.add(hb.language);
  return [...set].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * `user/projects`: the user's heartbeats with a project (an empty name included), all time or inside
 * `window`, grouped by project, most heartbeats first (ties in order of first appearance). Durations
 * are capped gaps within each project.
 */
export function adminUserProjects(world: World, user: User, window: TimeWindow | undefined) {
  const rows = world.heartbeatsBetween(user.id, window ?? {}).filter((hb) => hb.project !== null);
  const groups = new Map<string, ProjectStat>();
  for (const hb of rows) {
    const name = hb.project as string;
    let group = groups.get(name);
    if (!group) {
      group = { name, rows: [] };
      groups.set(name, group);
    }
    group.rows.push(hb);
  }
  const durations = groupedSeconds(rows, (hb) => hb.project);
  // The world's mappings have no ids of their own: the mock numbers them per user, the same on every read.
  const mappings = new Map(user.repoMappings.map((m, index) => [m.project, { ...m, id: user.id * 100 + index + 1 }]));
  const projects = [...groups.values()]
    .sort((a, b) => b.rows.length - a.rows.length)
    .map(({ name, rows: own }) => {
      const mapping = mappings.get(name);
      return {
        name,
        total_heartbeats: own.length,
        total_duration: durations.get(name) ?? 0,
        first_heartbeat: (own[0] as Heartbeat).time,
        last_heartbeat: (own[own.length - 1] as Heartbeat).time,
        languages: languagesOf(own),
        repo: mapping?.repoUrl ?? null,
        repo_mapping_id: mapping?.id ?? null,
        archived: mapping?.archived ?? false,
      };
    });
  return { user_id: user.id, username: displayName(user), projects, total_projects: projects.length };
}
