/**
 * @module
 * The parameters of the two `/api/v1/my/heartbeats` actions: `start_time` / `end_time` read by
 * Ruby's `Time.parse` (default today in UTC), and the `source_type` / `editor` filters of
 * `most_recent`.
 */
import { isBlankString } from '../rails/ruby/blank.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { type RubyTime, rubyTimeParse } from '../rails/ruby/time-parse.js';
import { raisingParam } from '../rails/scopes/raising-param.js';

const DAY_SECONDS = 86_400;

/**
 * The bounds as Ruby `Time` objects, not yet a window: the answer echoes them as `as_json` writes
 * them and counts `start.to_f <= time <= end.to_f`.
 */
export interface HeartbeatsRange {
  start: RubyTime;
  end: RubyTime;
}

/** `Time.current.beginning_of_day` / `.end_of_day` in the app's zone (UTC). */
function todayBounds(nowMs: number): HeartbeatsRange {
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
 * `GET /api/v1/my/heartbeats`: `start_time` then `end_time`.
 * @throws ApiError the 500 page for a present time Ruby cannot read
 * @example
 * heartbeatsRange(new URLSearchParams(), now).start.seconds // today's midnight, UTC
 */
export function heartbeatsRange(search: URLSearchParams, nowMs: number): HeartbeatsRange {
  const today = todayBounds(nowMs);
  const start = parsedOr(search, 'start_time', today.start, nowMs);
  return { start, end: parsedOr(search, 'end_time', today.end, nowMs) };
}

/** The filters of `most_recent`; blank means none. */
export interface MostRecentFilters {
  sourceType: string | undefined;
  editor: string | undefined;
}

/**
 * `GET /api/v1/my/heartbeats/most_recent`: `source_type` and `editor`, blank ones dropped.
 * @example
 * mostRecentFilters(new URLSearchParams('editor=VSCode')) // { sourceType: undefined, editor: 'VSCode' }
 */
export function mostRecentFilters(search: URLSearchParams): MostRecentFilters {
  const sourceType = railsParam(search, 'source_type');
  const editor = railsParam(search, 'editor');
  return { sourceType: isBlankString(sourceType) ? undefined : sourceType, editor: isBlankString(editor) ? undefined : editor };
}
