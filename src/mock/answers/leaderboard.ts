/**
 * @module
 * The global (UTC) daily and weekly leaderboards, computed on demand at the request instant, or,
 * with `--freshness real`, as the newest build of the server's job left them (`leaderboard-builds.ts`).
 */

import type { components } from '../../types/hackatime.js';
import type { HeartbeatKeys, TimeWindow } from '../../world/index.js';
import type { World } from '../../world/store.js';
import { addDays, utcDate } from '../../world/time-zone.js';
import type { User } from '../../world/types.js';
import { avatarUrl, displayName } from '../rails/present/display-names.js';
import { isoSeconds, weeklyRangeText } from '../rails/present/format-date.js';
import type { LeaderboardBuild } from './leaderboard-builds.js';

export type LeaderboardPeriod = 'daily' | 'last_7_days';

/** `Heartbeatable::BROWSER_EDITORS`, compared against the lower-cased editor. */
const BROWSER_EDITORS = new Set([
  'arc',
  'brave',
  'chrome',
  'chromium',
  'edge',
  'firefox',
  'floorp',
  'librewolf',
  'microsoft-edge',
  'opera',
  'opera-gx',
  'safari',
  'vivaldi',
  'waterfox',
  'zen',
]);

const DAY_SECONDS = 86_400;

/** A board only lists users with more than this many eligible seconds. */
const MIN_SECONDS = 60;

/**
 * `leaderboard_eligible`: category exactly `coding`, not a browser editor, project not
 * `<<LAST_PROJECT>>`; its valid-timestamp condition holds for every instant of a board's window.
 */
function isLeaderboardEligible(hb: HeartbeatKeys): boolean {
  return (
    hb.category === 'coding' && (hb.editor === null || !BROWSER_EDITORS.has(hb.editor.toLowerCase())) && hb.project !== '<<LAST_PROJECT>>'
  );
}

/** Users the generation job considers: a linked GitHub account and not convicted. */
function isCandidate(user: User): boolean {
  return user.githubUsername !== null && user.githubUsername !== '' && user.trustLevel !== 'red';
}

/** A leaderboard's window always ends before `to` (`from...to`). */
type LeaderboardWindow = TimeWindow & { toExclusive: true };

/**
 * The daily board is a rolling 24 h ending at generation; the weekly one is today and the six UTC days
 * before (`(date - 6).beginning_of_day...date.end_of_day`, whose float end is the next midnight).
 */
function leaderboardWindow(period: LeaderboardPeriod, now: number): LeaderboardWindow {
  const nowSeconds = now / 1000;
  if (period === 'daily') return { from: nowSeconds - DAY_SECONDS, to: nowSeconds, toExclusive: true };
  const today = utcDate(now);
  return {
    from: Date.parse(`${addDays(today, -6)}T00:00:00Z`) / 1000,
    to: Date.parse(`${addDays(today, 1)}T00:00:00Z`) / 1000,
    toExclusive: true,
  };
}

type LeaderboardEntry = components['schemas']['LeaderboardEntry'];

/** A board, as the spec's `Leaderboard` schema declares it. */
export type LeaderboardBody = components['schemas']['Leaderboard'];

/** Eligible seconds per candidate user in the window, for users above the 60 s floor. */
function totalsInWindow(world: World, window: LeaderboardWindow): { user: User; seconds: number }[] {
  const totals: { user: User; seconds: number }[] = [];
  for (const user of world.users) {
    if (!isCandidate(user)) continue;
    // From the days' keyed instants: a board over every user makes no rows.
    const seconds = world.keyedSeconds(user.id, window, isLeaderboardEligible);
    if (seconds > MIN_SECONDS) totals.push({ user, seconds });
  }
  return totals;
}

/** A board's entries as generated: by total descending (ties by user id), shadow-banned users included. */
const sortedTotals = (world: World, window: LeaderboardWindow) =>
  totalsInWindow(world, window).sort((a, b) => b.seconds - a.seconds || a.user.id - b.user.id);

/**
 * The entries of today's board as the generation job stores them: shadow-banned users are in the
 * table and only the public pages leave them out (`api/v1/leaderboard_controller.rb:19`).
 */
export const leaderboardTotals = (world: World, now: number, period: LeaderboardPeriod): { user: User; seconds: number }[] =>
  sortedTotals(world, leaderboardWindow(period, now));

/** The last entries per period, kept by the mock's state: the weekly window holds for a whole UTC day. */
export type LeaderboardCache = Map<LeaderboardPeriod, { key: string; entries: LeaderboardEntry[] }>;

function rankedEntries(
  world: World,
  perPeriod: LeaderboardCache,
  period: LeaderboardPeriod,
  window: LeaderboardWindow,
): LeaderboardEntry[] {
  const key = `${world.version}:${window.from}:${window.to}`;
  const cached = perPeriod.get(period);
  if (cached?.key === key) return cached.entries;
  const entries = sortedTotals(world, window)
    .filter(({ user }) => !user.leaderboardShadowBanned)
    .map(({ user, seconds }, index) => ({
      rank: index + 1,
      user: { id: user.id, username: displayName(user), avatar_url: avatarUrl(user) },
      total_seconds: seconds,
    }));
  perPeriod.set(period, { key, entries });
  return entries;
}

/**
 * The board as `/api/v1/leaderboard/{daily,weekly}` renders it: entries by total descending (ties by
 * user id, where the real server's order is unspecified), shadow-banned users dropped, ranks 1..n.
 */
export function buildLeaderboard(
  world: World,
  cache: LeaderboardCache,
  now: number,
  period: LeaderboardPeriod,
  build: LeaderboardBuild = { startedAt: now, finishedAt: now },
): LeaderboardBody {
  const today = utcDate(now);
  const entries = rankedEntries(world, cache, period, leaderboardWindow(period, build.startedAt));
  return {
    period,
    start_date: today,
    date_range: period === 'daily' ? 'Last 24 hours' : weeklyRangeText(today),
    generated_at: isoSeconds(build.finishedAt),
    entries,
  };
}
