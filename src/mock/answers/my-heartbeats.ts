/**
 * @module
 * The two `/api/v1/my/heartbeats` answers: the caller's heartbeats between `start_time` and
 * `end_time`, and the caller's latest heartbeat under the `source_type` / `editor` filters (both
 * read by ../params/my-heartbeats.ts).
 */
import { totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { Heartbeat, SourceType } from '../../world/types.js';
import type { HeartbeatsRange, MostRecentFilters } from '../params/my-heartbeats.js';
import { timeAgo } from '../rails/present/format-date.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { timeToF, xmlschema3 } from '../rails/ruby/time-parse.js';

/**
 * `GET /api/v1/my/heartbeats`: every heartbeat with `start.to_f <= time <= end.to_f`, ascending,
 * test entries included, and their LAG total. Bounds echo as `as_json` writes them.
 */
export function myHeartbeats(world: World, userId: number, { start, end }: HeartbeatsRange) {
  const rows = world.heartbeatsBetween(userId, { from: timeToF(start), to: timeToF(end) });
  return { start_time: xmlschema3(start), end_time: xmlschema3(end), total_seconds: totalSeconds(rows), heartbeats: rows };
}

const SOURCE_TYPES: readonly SourceType[] = ['direct_entry', 'wakapi_import', 'test_entry'];

/**
 * How `where(source_type: value)` matches an enum: a name matches itself; a numeric-looking
 * string is cast like an integer column (`"2"`, `"2abc"` → test_entry); anything else is NULL
 * and matches nothing.
 */
function sourceTypeFilter(value: string): (row: Heartbeat) => boolean {
  if ((SOURCE_TYPES as readonly string[]).includes(value)) return (row) => row.source_type === value;
  const index = integerColumnCast(value);
  const name = index === null ? undefined : SOURCE_TYPES[index];
  return name === undefined ? () => false : (row) => row.source_type === name;
}

/**
 * `GET /api/v1/my/heartbeats/most_recent`: the latest heartbeat (by time, then id) matching the
 * filters; without `source_type`, test entries are skipped.
 */
export function mostRecentHeartbeat(world: World, userId: number, { sourceType, editor }: MostRecentFilters, nowMs: number) {
  const bySource = sourceType === undefined ? (row: Heartbeat) => row.source_type !== 'test_entry' : sourceTypeFilter(sourceType);
  const wanted = editor?.toLowerCase();
  const row = world.latestHeartbeat(userId, (hb) => bySource(hb) && (wanted === undefined || hb.editor?.toLowerCase() === wanted));
  if (row) return { has_heartbeat: true, heartbeat: row, editor: row.editor, time_ago: timeAgo(row.time * 1000, nowMs) };
  return { has_heartbeat: false, heartbeat: null, editor: null, time_ago: null };
}
