/**
 * @module
 * How `ProjectStatsQuery` (the per-user project listings and `/authenticated/projects`) reads its
 * parameters: `parse_time` for the bounds of its two windows (project discovery and project rows,
 * both inclusive) and `parse_csv` for the `projects` filter.
 */
import type { TimeWindow } from '../../world/index.js';
import { fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { startOfUtcDay, yearsAgo } from '../rails/ruby/active-support-time.js';
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
function parseTimeParam(search: URLSearchParams, keys: readonly string[], fallback: number, nowMs: number): number {
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

/** `/projects`: `since`/`start`/`start_date` (default 00:00 UTC 30 days ago) to `until`/`until_date`/`end`/`end_date` (default now). */
export function discoveryWindow(search: URLSearchParams, nowMs: number): TimeWindow {
  const now = nowMs / 1000;
  return {
    from: parseTimeParam(search, ['since', 'start', 'start_date'], startOfUtcDay(now - 30 * 86_400), nowMs),
    to: parseTimeParam(search, ['until', 'until_date', 'end', 'end_date'], now, nowMs),
  };
}

/**
 * Project rows: `start`/`start_date` to `end`/`end_date` (default now). The start defaults to the
 * query's `default_stats_start`: one year ago, unless the caller sets another (`0`, all time, for
 * `/authenticated/projects`). Not the stats endpoint window (stats-endpoint-window.ts): other keys,
 * unreadable values skipped rather than a 422, another default.
 */
export function projectStatsWindow(search: URLSearchParams, nowMs: number, defaultStart = yearsAgo(nowMs, 1)): TimeWindow {
  return {
    from: parseTimeParam(search, ['start', 'start_date'], defaultStart, nowMs),
    to: parseTimeParam(search, ['end', 'end_date'], nowMs / 1000, nowMs),
  };
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

export interface AuthenticatedProjectsRequest {
  window: TimeWindow;
  projects: string[];
  /** Archived projects only for `include_archived=true`. */
  includeArchived: boolean;
}

/**
 * `/authenticated/projects`: the project rows' window with an all-time default
 * (`default_stats_start: 0`), the `projects` filter and `include_archived`.
 * @throws ApiError the 500 page for a bound too big for Ruby's C int
 * @example
 * authenticatedProjectsRequest(new URLSearchParams('include_archived=true'), now).window.from // 0
 */
export function authenticatedProjectsRequest(search: URLSearchParams, nowMs: number): AuthenticatedProjectsRequest {
  const includeArchived = railsParam(search, 'include_archived') === 'true';
  return { window: projectStatsWindow(search, nowMs, 0), projects: requestedProjects(search), includeArchived };
}
