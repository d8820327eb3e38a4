/**
 * @module
 * The admin API's raw heartbeat reads: `GET /api/admin/v1/user/heartbeats` and
 * `user/heartbeat_values` (`app/controllers/concerns/api/admin/v1/user_utilities.rb:294-367`) and
 * `heartbeats/by_user_agent_segment` (`app/controllers/api/admin/v1/admin_controller.rb:222-272`).
 * Every row comes from the world's heartbeats, the ones the public endpoints read.
 */
import type { Heartbeat, TimeWindow, User, World } from '../../world/index.js';

/** Exact-match filters of `user/heartbeats`, each applied when present. */
interface HeartbeatFilters {
  project?: string;
  language?: string;
  entity?: string;
  editor?: string;
  machine?: string;
}

export interface HeartbeatPage {
  window: Partial<TimeWindow>;
  filters: HeartbeatFilters;
  limit: number;
  offset: number;
}

/**
 * The `ja4` object of a row. The world keeps only a heartbeat's `ja4_id`, not the `ja4s` table, so the
 * fingerprint is made from the id (same id, same fingerprint) and no fingerprint has a name.
 */
function ja4Of(id: number | null): { fingerprint: string; name: string | null } | null {
  if (id === null) return null;
  return { fingerprint: `t13d1516h2_8daaf6152771_${id.toString(16).padStart(12, '0')}`, name: null };
}

/** One row of `user/heartbeats`, keys in the server's order (`user_utilities.rb:318-341`). */
export function adminHeartbeatRow(hb: Heartbeat) {
  return {
    id: hb.id,
    time: hb.time,
    created_at: hb.created_at,
    project: hb.project,
    branch: hb.branch,
    category: hb.category,
    dependencies: hb.dependencies,
    editor: hb.editor,
    entity: hb.entity,
    language: hb.language,
    machine: hb.machine,
    operating_system: hb.operating_system,
    type: hb.type,
    user_agent: hb.user_agent,
    line_additions: hb.line_additions,
    line_deletions: hb.line_deletions,
    lineno: hb.lineno,
    lines: hb.lines,
    cursorpos: hb.cursorpos,
    project_root_count: hb.project_root_count,
    is_write: hb.is_write,
    source_type: hb.source_type,
    ip_address: hb.ip_address,
    ja4: ja4Of(hb.ja4_id),
  };
}

const FILTERS = ['project', 'language', 'entity', 'editor', 'machine'] as const;

/**
 * `user/heartbeats`: the user's rows in the window with the filters, `time ASC, id ASC`, one page;
 * `total_count` counts every match and `has_more` is `offset + limit < total_count`.
 * @example
 * adminUserHeartbeats(world, demo, { window: {}, filters: {}, limit: 2, offset: 0 }).heartbeats.length // 2
 */
export function adminUserHeartbeats(world: World, user: User, page: HeartbeatPage) {
  const rows = world
    .heartbeatsBetween(user.id, page.window)
    .filter((hb) => FILTERS.every((name) => page.filters[name] === undefined || hb[name] === page.filters[name]));
  return {
    user_id: user.id,
    heartbeats: rows.slice(page.offset, page.offset + page.limit).map(adminHeartbeatRow),
    total_count: rows.length,
    has_more: page.offset + page.limit < rows.length,
  };
}

/** `HEARTBEAT_FIELD_COLUMNS` (`user_utilities.rb:13-23`): the `field` values and their columns. */
export const HEARTBEAT_FIELDS = {
  projects: 'project',
  languages: 'language',
  entities: 'entity',
  branches: 'branch',
  categories: 'category',
  editors: 'editor',
  machines: 'machine',
  user_agents: 'user_agent',
  ips: 'ip_address',
} as const satisfies Record<string, keyof Heartbeat>;

export type HeartbeatField = keyof typeof HEARTBEAT_FIELDS;

/** PostgreSQL's ascending order under the `C` collation: code points, as `localeCompare` is not. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * `user/heartbeat_values`: distinct non-null values of the column, ascending, the first `limit`,
 * and only then empty strings dropped (so fewer than `limit` can come back while more exist).
 * `ips` is not handled here: the server raises on it (see the handler).
 */
export function adminHeartbeatValues(world: World, user: User, field: HeartbeatField, window: Partial<TimeWindow>, limit: number) {
  const column = HEARTBEAT_FIELDS[field];
  const distinct = new Set<string>();
  for (const hb of world.heartbeatsBetween(user.id, window)) {
    const value = hb[column];
    if (value !== null) distinct.add(value);
  }
  const values = [...distinct]
    .sort(byCodePoint)
    .slice(0, limit)
    .filter((value) => value !== '');
  return { user_id: user.id, field, values, count: values.length };
}

/** Whether the user's rows in the window have any IP address: `field=ips` raises only then. */
export const hasAnyIp = (world: World, user: User, window: Partial<TimeWindow>): boolean =>
  world.heartbeatsBetween(user.id, window).some((hb) => hb.ip_address !== null);

/** `ILIKE '%segment%'` with `\`, `%` and `_` escaped: a case-insensitive substring test. */
const containsIgnoringCase = (text: string | null, segment: string) => text?.toLowerCase().includes(segment.toLowerCase()) === true;

export interface SegmentQuery {
  segment: string;
  /** Absent: every user. `null`: a `user_id` the integer column cannot read, which matches no row. */
  userId?: number | null;
  window: Partial<TimeWindow>;
  limit: number;
  offset: number;
  countOnly: boolean;
}

/** One row of `by_user_agent_segment` (`admin_controller.rb:249-268`). */
const segmentRow = (hb: Heartbeat) => ({
  id: hb.id,
  user_id: hb.user_id,
  time: hb.time,
  project: hb.project,
  language: hb.language,
  entity: hb.entity,
  branch: hb.branch,
  category: hb.category,
  editor: hb.editor,
  machine: hb.machine,
  operating_system: hb.operating_system,
  user_agent: hb.user_agent,
  ip_address: hb.ip_address,
  is_write: hb.is_write,
  lineno: hb.lineno,
  cursorpos: hb.cursorpos,
  lines: hb.lines,
  source_type: hb.source_type,
});

/** A matching row of some user, by where it sits. */
interface SegmentHit {
  time: number;
  id: number;
  userId: number;
}

/**
 * `heartbeats/by_user_agent_segment`: every user's rows (or one user's) whose user agent contains the
 * segment, newest first; `count_only` answers the count alone. Read from each user's rows as
 * columns, keeping only the newest matches a page can reach (a year of a thousand users is millions
 * of rows), and making rows only for the page.
 */
export function heartbeatsByUserAgentSegment(world: World, q: SegmentQuery) {
  const userIds = q.userId === undefined ? world.users.map((u) => u.id) : q.userId === null ? [] : [q.userId];
  const reach = q.offset + q.limit + 1;
  let count = 0;
  const hits: SegmentHit[] = [];
  for (const userId of userIds) {
    const rows = world.viewBetween(userId, q.window);
    const agent = rows.strings('user_agent');
    const matches = agent.values.map((value) => containsIgnoringCase(value ?? null, q.segment));
    let kept = 0;
    // Newest first: a user's rows are ascending by (time, id).
    for (let r = rows.length - 1; r >= 0; r--) {
      if (!matches[agent.ids[r] as number]) continue;
      count += 1;
      if (!q.countOnly && kept < reach) {
        hits.push({ time: rows.times[r] as number, id: rows.ids[r] as number, userId });
        kept += 1;
      }
    }
  }
  if (q.countOnly) return { segment: q.segment, total_count: count };
  // `ORDER BY time DESC` (ties in id order descending, as the world's rows are ascending by (time, id)).
  hits.sort((a, b) => b.time - a.time || b.id - a.id);
  const page = hits.slice(q.offset, q.offset + q.limit + 1);
  const rowOf = (hit: SegmentHit) =>
    world.heartbeatsBetween(hit.userId, { from: hit.time, to: hit.time }).find((hb) => hb.id === hit.id) as Heartbeat;
  return {
    segment: q.segment,
    limit: q.limit,
    offset: q.offset,
    heartbeats: page.slice(0, q.limit).map((hit) => segmentRow(rowOf(hit))),
    has_more: page.length > q.limit,
  };
}
