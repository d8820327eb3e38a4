/**
 * @module
 * The two `/api/v1/my/heartbeats` answers: the caller's heartbeats between `start_time` and
 * `end_time` (read by Ruby's `Time.parse`, default today in UTC), and the caller's latest
 * heartbeat under the `source_type` / `editor` filters.
 */
import { totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { Heartbeat, SourceType } from '../../world/types.js';
import { timeAgo } from '../rails/present/format-date.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { type RubyTime, rubyTimeParse, timeToF, xmlschema3 } from '../rails/ruby/time-parse.js';
import { raisingParam } from '../rails/scopes/raising-param.js';

const DAY_SECONDS = 86_400;

/** `Time.current.beginning_of_day` / `.end_of_day` in the app's zone (UTC). */
function todayBounds(nowMs: number): { start: RubyTime; end: RubyTime } {
  const midnight = Math.floor(nowMs / 1000 / DAY_SECONDS) * DAY_SECONDS;
  return {
    start: { seconds: midnight, fraction: '', utc: true, offset: 0 },
    end: { seconds: midnight + DAY_SECONDS - 1, fraction: '999999999', utc: true, offset: 0 },
  };
}

/** A present parameter goes through `Time.parse`; whatever it raises escapes the action (500). */
const parsedOr = (search: URLSearchParams, name: string, fallback: RubyTime, nowMs: number): RubyTime =>
  raisingParam(search, name, fallback, (value) => rubyTimeParse(value, nowMs));

/**
 * `GET /api/v1/my/heartbeats`: every heartbeat with `start.to_f <= time <= end.to_f`, ascending,
 * test entries included, and their LAG total. Bounds echo as `as_json` writes them.
 */
export function myHeartbeats(world: World, userId: number, search: URLSearchParams, nowMs: number) {
  const today = todayBounds(nowMs);
  const start = parsedOr(search, 'start_time', today.start, nowMs);
  const end = parsedOr(search, 'end_time', today.end, nowMs);
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
export function mostRecentHeartbeat(world: World, userId: number, search: URLSearchParams, nowMs: number) {
  const sourceType = railsParam(search, 'source_type');
  const editor = railsParam(search, 'editor');
  const bySource = isBlankString(sourceType) ? (row: Heartbeat) => row.source_type !== 'test_entry' : sourceTypeFilter(sourceType);
  const wanted = isBlankString(editor) ? undefined : editor.toLowerCase();
  const rows = world.heartbeatsOf(userId);
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i] as Heartbeat;
    if (!bySource(row)) continue;
    if (wanted !== undefined && row.editor?.toLowerCase() !== wanted) continue;
    return { has_heartbeat: true, heartbeat: row, editor: row.editor, time_ago: timeAgo(row.time * 1000, nowMs) };
  }
  return { has_heartbeat: false, heartbeat: null, editor: null, time_ago: null };
}
