/**
 * @module
 * The public daily and weekly leaderboards.
 */

import { buildLeaderboard, type LeaderboardPeriod } from '../answers/leaderboard.js';
import { latestBuild } from '../answers/leaderboard-builds.js';
import { error } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';

/** With `--freshness real`, the newest build of the board, or the 503 before the day's first one. */
const board = (period: LeaderboardPeriod): OperationHandler => ({
  handle({ world, state, now }) {
    if (state.freshness.mode === 'immediate') return json(buildLeaderboard(world, state.leaderboards, now, period));
    const build = latestBuild(period, now);
    if (build === undefined) throw error(503, 'Leaderboard is being generated');
    return json(buildLeaderboard(world, state.leaderboards, now, period, build));
  },
});

export const leaderboardsHandlers = {
  /** The hidden alias of the daily board: the same controller action. */
  getLeaderboard: board('daily'),
  getDailyLeaderboard: board('daily'),
  getWeeklyLeaderboard: board('last_7_days'),
};
