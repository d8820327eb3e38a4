/**
 * @module
 * The public daily and weekly leaderboards.
 */

import { buildLeaderboard, type LeaderboardPeriod } from '../answers/leaderboard.js';
import { json, type OperationHandler } from '../handler.js';

const board = (period: LeaderboardPeriod): OperationHandler => ({
  handle: ({ world, state, now }) => json(buildLeaderboard(world, state.leaderboards, now, period)),
});

export const leaderboardsHandlers = {
  /** The hidden alias of the daily board: the same controller action. */
  getLeaderboard: board('daily'),
  getDailyLeaderboard: board('daily'),
  getWeeklyLeaderboard: board('last_7_days'),
};
