/**
 * @module
 * The parameters of `GET …/summaries`, checked in the server's order: both dates (format, then a
 * real calendar date), end not before start, at most 366 days, then the time zone.
 */
import { daysBetween, isValidTimeZone } from '../../world/time-zone.js';
import type { User } from '../../world/types.js';
import { error } from '../errors.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { isValidRubyCivil } from '../rails/ruby/civil.js';
import { railsParam } from '../rails/ruby/rails-params.js';

const MAX_SUMMARY_DAYS = 366;

export interface SummariesRequest {
  start: string;
  end: string;
  timezone: string;
  /** Exact project filter; absent or blank means every project. */
  project: string | undefined;
}

/**
 * The regex `\A\d{4}-\d{2}-\d{2}\z`, then `Date.iso8601`, which for such a text only checks that
 * the civil date exists: `2026-02-30` is not a date.
 */
function isSummaryDate(value: string | undefined): value is string {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m !== null && isValidRubyCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function parseSummariesRequest(search: URLSearchParams, user: Pick<User, 'timezone'>): SummariesRequest {
  const start = railsParam(search, 'start');
  const end = railsParam(search, 'end');
  if (!isSummaryDate(start) || !isSummaryDate(end)) throw error(400, 'start and end must be valid dates in YYYY-MM-DD format');
  const days = daysBetween(start, end);
  if (days < 0) throw error(400, 'end must not be before start');
  if (days >= MAX_SUMMARY_DAYS) throw error(400, `date range cannot exceed ${MAX_SUMMARY_DAYS} days`);
  const zoneParam = railsParam(search, 'timezone');
  const timezone = isBlankString(zoneParam) ? user.timezone : zoneParam;
  if (!isValidTimeZone(timezone)) throw error(400, 'Invalid timezone');
  const project = railsParam(search, 'project');
  return { start, end, timezone, project: isBlankString(project) ? undefined : project };
}
