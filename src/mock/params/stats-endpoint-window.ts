/**
 * @module
 * The stats endpoint window (`/users/{username}/stats`, `/heartbeats/spans`): `parse_datetime_param`
 * for `start_date` and `end_date`. Not the project rows' window (project-stats.ts), which reads other
 * keys, skips what it cannot parse and defaults to one year.
 */
import type { TimeWindow } from '../../world/index.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { endOfUtcToday, yearsAgo } from '../rails/ruby/active-support-time.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { RubyRangeError } from '../rails/ruby/date-fragments.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { timeZoneParse } from '../rails/ruby/time-zone-parse.js';

/**
 * `Time.zone.parse` in UTC, blank → the default (10 years ago; the end of today), unparseable → 422.
 * The bounds are the `Time` objects' `to_f` (fractions kept); each query says whether `to` is
 * exclusive (the stats total) or not (spans).
 * @throws ApiError 422 `Invalid start_date` / `Invalid end_date`, the start checked first; the 500
 *   page for a RangeError, which the action does not rescue
 */
export function statsEndpointWindow(search: URLSearchParams, nowMs: number): TimeWindow {
  const read = (name: string, fallback: number) => {
    const raw = railsParam(search, name);
    if (isBlankString(raw)) return fallback;
    let parsed: number | undefined;
    try {
      parsed = timeZoneParse(raw, nowMs);
    } catch (err) {
      if (err instanceof RubyRangeError) throw fromTemplate(INTERNAL_ERROR_PAGE);
      throw err;
    }
    if (parsed === undefined) throw error(422, `Invalid ${name}`);
    return parsed;
  };
  const from = read('start_date', yearsAgo(nowMs, 10));
  return { from, to: read('end_date', endOfUtcToday(nowMs)) };
}
