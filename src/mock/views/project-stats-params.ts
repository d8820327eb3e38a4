/**
 * @module
 * How `ProjectStatsQuery` (the per-user project listings and `/authenticated/projects`) reads its
 * parameters: `parse_time` for the window bounds and `parse_csv` for the `projects` filter.
 */
import { fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { DateParseLimitError, RubyRangeError } from '../rails/ruby/date-fragments.js';
import { InvalidDateError, rubyParseDateTime } from '../rails/ruby/date-parse.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { rubySplit, rubyStrip } from '../rails/ruby/string-methods.js';
import { timeToF } from '../rails/ruby/time-parse.js';

/**
 * `parse_time(keys, default:)`: the first key whose value `to_datetime` reads, as epoch seconds
 * (`to_time.to_f`). Blank values are skipped, and so are unreadable ones (ArgumentError is
 * rescued), but a RangeError escapes the action.
 * @throws ApiError the 500 page for a number too big for Ruby's C int
 */
export function parseTimeParam(search: URLSearchParams, keys: readonly string[], fallback: number, nowMs: number): number {
  for (const key of keys) {
    const value = railsParam(search, key);
    if (isBlankString(value)) continue;
    try {
      return timeToF(rubyParseDateTime(value, nowMs));
    } catch (err) {
      if (err instanceof RubyRangeError) throw fromTemplate(INTERNAL_ERROR_PAGE);
      if (!(err instanceof InvalidDateError || err instanceof DateParseLimitError)) throw err;
    }
  }
  return fallback;
}

/**
 * The `projects` filter (`parse_csv`, then `map(&:strip).reject(&:blank?).uniq`): comma-separated
 * names, stripped, blanks dropped, first occurrence kept; none means every project.
 */
export function requestedProjects(search: URLSearchParams): string[] {
  const value = railsParam(search, 'projects');
  if (isBlankString(value)) return [];
  return [
    ...new Set(
      rubySplit(value)
        .map(rubyStrip)
        .filter((name) => !isBlankString(name)),
    ),
  ];
}
