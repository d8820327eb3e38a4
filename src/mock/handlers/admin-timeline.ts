/**
 * @module
 * The admin timeline (`/api/admin/v1/timeline*`, `app/controllers/api/admin/v1/timeline_controller.rb`):
 * a day of several users' coding, and the two pickers that choose whom to show.
 */

import { fuzzySearch } from '../answers/admin-fuzzy-search.js';
import { adminTimeline, timelineLeaderboardUsers, userSummary } from '../answers/admin-timeline.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';
import { rubyDateDay } from '../params/admin-date-range.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { civilFromDays } from '../rails/ruby/civil.js';
import { InvalidDateError, utcDayNumber } from '../rails/ruby/date-parse.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';
import { staffUser } from '../staff/caller.js';

/** `Date#iso8601` of a day number (years past 9999 keep their digits). */
function isoDate(days: number): string {
  const { year, month, day } = civilFromDays(days);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * `params[:date] ? Date.parse(params[:date]) : Time.current.to_date`: an empty value is parsed too
 * (and fails). Only `Date::Error` is rescued (→ 422); Ruby's other errors (a value over 128 bytes, a
 * RangeError) escape the action (500).
 */
function timelineDay(search: URLSearchParams, nowMs: number): number {
  const raw = railsParam(search, 'date');
  if (raw === undefined) return utcDayNumber(nowMs);
  try {
    return rubyDateDay(raw, nowMs);
  } catch (err) {
    if (err instanceof InvalidDateError) throw error(422, 'Invalid date format');
    throw fromTemplate(INTERNAL_ERROR_PAGE);
  }
}

const getAdminTimeline: OperationHandler = {
  handle(ctx) {
    const day = timelineDay(ctx.search, ctx.now);
    const selection = {
      callerId: staffUser(ctx).id,
      userIds: presentParam(ctx.search, 'user_ids'),
      slackUids: presentParam(ctx.search, 'slack_uids'),
    };
    return json(adminTimeline(ctx.world, isoDate(day), selection, (offset) => isoDate(day + offset)));
  },
};

/** `fuzzy_ranked_search(query, limit: 20)`; users without an email are kept here. */
const getAdminTimelineSearchUsers: OperationHandler = {
  handle(ctx) {
    const query = railsParam(ctx.search, 'query') ?? '';
    if (isBlankString(query)) throw error(422, 'Query parameter is required');
    return json({ users: fuzzySearch(ctx.world, query, 20).map(({ user }) => userSummary(user)) });
  },
};

/** `period=last_7_days` is the weekly board; anything else, or nothing, the daily one. */
const getAdminTimelineLeaderboardUsers: OperationHandler = {
  handle(ctx) {
    const period = railsParam(ctx.search, 'period') === 'last_7_days' ? 'last_7_days' : 'daily';
    return json(timelineLeaderboardUsers(ctx.world, staffUser(ctx), period, ctx.now));
  },
};

export const adminTimelineHandlers = { getAdminTimeline, getAdminTimelineSearchUsers, getAdminTimelineLeaderboardUsers };
