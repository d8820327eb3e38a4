/**
 * @module
 * The admin timeline (`app/controllers/api/admin/v1/timeline_controller.rb`,
 * `app/services/timeline_service.rb`): each selected user's heartbeats of a calendar day in the
 * user's own zone, as spans split at gaps over 10 minutes, with the day's capped-gap total; and the
 * two user pickers beside it (search, today's leaderboard).
 */
import { HEARTBEAT_TIMEOUT_SECONDS, type Heartbeat, type User, type World } from '../../world/index.js';
import { endOfLocalDay, startOfLocalDay } from '../../world/time-zone.js';
import { avatarUrl, displayName, isBlank } from '../rails/present/display-names.js';
import { rubyToI } from '../rails/ruby/integer-cast.js';
import { rubySplit } from '../rails/ruby/string-methods.js';
import { type LeaderboardPeriod, leaderboardTotals } from './leaderboard.js';

/** `TimelineService::TIMEOUT_DURATION`: a longer gap ends a span. */
const SPAN_GAP_SECONDS = 600;

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** `entity&.split("/")&.last`: the file name, or null for a null or empty entity. */
const basename = (entity: string | null): string | null => (entity === null ? null : (rubySplit(entity, '/').at(-1) ?? null));

function spanOf(user: User, rows: readonly Heartbeat[]) {
  const first = rows[0] as Heartbeat;
  const last = rows[rows.length - 1] as Heartbeat;
  const mappings = new Map(user.repoMappings.map((m) => [m.project, m.repoUrl]));
  const projects = unique(rows.map((hb) => hb.project).filter((p): p is string => !isBlank(p)));
  return {
    start_time: first.time,
    end_time: last.time,
    duration: Math.max(last.time - first.time, 0),
    files_edited: unique(rows.map((hb) => basename(hb.entity)).filter((f): f is string => f !== null)),
    projects_edited_details: projects.map((name) => ({ name, repo_url: mappings.get(name) ?? null })),
    editors: unique(rows.map((hb) => hb.editor).filter((e): e is string => e !== null)),
    languages: unique(rows.map((hb) => hb.language).filter((l): l is string => l !== null)),
  };
}

/** `calculate_spans`: a span ends where the next heartbeat is more than 10 minutes away. */
function spans(user: User, rows: readonly Heartbeat[]) {
  const out: ReturnType<typeof spanOf>[] = [];
  let current: Heartbeat[] = [];
  rows.forEach((hb, index) => {
    current.push(hb);
    const next = rows[index + 1];
    if (next === undefined || next.time - hb.time > SPAN_GAP_SECONDS) {
      out.push(spanOf(user, current));
      current = [];
    }
  });
  return out;
}

/** `each_cons(2).sum { min(gap, 120) }.to_i`: truncated, not rounded. */
function codedSeconds(rows: readonly Heartbeat[]): number {
  let sum = 0;
  for (let i = 1; i < rows.length; i++)
    sum += Math.min((rows[i] as Heartbeat).time - (rows[i - 1] as Heartbeat).time, HEARTBEAT_TIMEOUT_SECONDS);
  return Math.trunc(sum);
}

/** Who the timeline shows: the caller first, then `user_ids`, then the users of `slack_uids`. */
export interface TimelineSelection {
  callerId: number;
  userIds: string | undefined;
  slackUids: string | undefined;
}

const MAX_USERS = 20;

/** `show`: the ids the request selects (at most 20 besides the caller), unknown ids included. */
function selectedIds(world: World, s: TimelineSelection): number[] {
  let ids = s.userIds === undefined ? [] : unique(rubySplit(s.userIds).map(rubyToI));
  if (s.slackUids !== undefined) {
    const wanted = new Set(rubySplit(s.slackUids).slice(0, MAX_USERS));
    ids = ids.concat(world.users.filter((u) => u.slackUid !== null && wanted.has(u.slackUid)).map((u) => u.id));
  }
  return unique([s.callerId, ...ids.slice(0, MAX_USERS)]);
}

/**
 * The timeline of `date` (`YYYY-MM-DD`). Users come in id order (the database's, without `ORDER BY`);
 * the mock has no commits, so `commit_markers` is empty.
 */
export function adminTimeline(world: World, date: string, selection: TimelineSelection, dayOffset: (days: number) => string) {
  const wanted = new Set(selectedIds(world, selection));
  const users = world.users
    .filter((u) => wanted.has(u.id))
    .map((user) => {
      const zone = user.timezone || 'UTC';
      // `beginning_of_day.to_f..end_of_day.to_f` in the user's zone: up to the next local midnight.
      const rows = world.heartbeatsBetween(user.id, {
        from: startOfLocalDay(date, zone) / 1000,
        to: endOfLocalDay(date, zone) / 1000,
        toExclusive: true,
      });
      return {
        user: {
          id: user.id,
          username: user.username,
          display_name: displayName(user),
          slack_username: user.slackUsername,
          github_username: user.githubUsername,
          timezone: user.timezone,
          avatar_url: avatarUrl(user),
        },
        spans: spans(user, rows),
        total_coded_time: codedSeconds(rows),
      };
    });
  return { date, next_date: dayOffset(1), prev_date: dayOffset(-1), users, commit_markers: [] };
}

/** `user_summary` of the timeline's pickers. */
export const userSummary = (user: User) => ({ id: user.id, display_name: displayName(user), avatar_url: avatarUrl(user) });

/**
 * `leaderboard_users`: the caller, then today's board (weekly for `last_7_days`, else daily) by total,
 * shadow-banned users included, at most 25 in all.
 */
export function timelineLeaderboardUsers(world: World, caller: User, period: LeaderboardPeriod, now: number) {
  const top = leaderboardTotals(world, now, period)
    .slice(0, 25)
    .map(({ user }) => user);
  const users = [caller, ...top.filter((u) => u.id !== caller.id)].slice(0, 25);
  return { users: users.map(userSummary) };
}
