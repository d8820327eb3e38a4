/**
 * @module
 * `leaderboard-within-stats`: the weekly board's total for the run's user is never more than that
 * user's own coding time over the board's window. The board counts leaderboard-eligible heartbeats
 * only (category exactly `coding`, not a browser editor, not `<<LAST_PROJECT>>`; reference §25–27)
 * over `(today-6).beginning_of_day...` the next midnight, UTC; the stats endpoint with
 * `total_seconds=true&filter_by_category=coding` counts every `coding` heartbeat over the same
 * `start <= time < end` (§9). The board's rows are a subset of the stats' rows, and dropping a row
 * never adds time under the 2-minute cap (`min(a + b, 120) <= min(a, 120) + min(b, 120)`), so the
 * board can equal the stats but never exceed them — also when the board was built earlier
 * (`generated_at`): heartbeats only accrue. Never asserted equal: browser editors and
 * `<<LAST_PROJECT>>` rows may be coding time the board leaves out. A user not on the board (no
 * GitHub account, convicted, shadow-banned, under 60 s) is not compared.
 */
import { variable } from '../../plan/variables.js';
import { member } from '../invariants/select.js';
import type { CrossCheck, CrossRequest } from './cross-check.js';

export const leaderboardWithinStats: CrossCheck = {
  name: 'leaderboard-within-stats',
  summary: "A user's weekly leaderboard total is at most that user's coding time over the board's UTC window.",
  requests: ({ target }): CrossRequest[] => {
    const [start, end] = [variable(target, 'today-6')!, variable(target, 'today+1')!];
    return [
      { operationId: 'getWeeklyLeaderboard', query: {} },
      { operationId: 'getUserStats', query: { start_date: start, end_date: end } },
      { operationId: 'getUserStats', query: { start_date: start, end_date: end, total_seconds: 'true', filter_by_category: 'coding' } },
    ];
  },
  judge: ([board, stats, coding], cases) => {
    const entries = member(board, 'entries');
    const userId = Number(member(stats, 'data/user_id'));
    const total = member(coding, 'total_seconds');
    if (!Array.isArray(entries) || !Number.isInteger(userId) || typeof total !== 'number') return [];
    const index = entries.findIndex((entry) => member(entry, 'user/id') === userId);
    const onBoard = member(entries[index], 'total_seconds');
    if (index < 0 || typeof onBoard !== 'number' || onBoard <= total) return [];
    const window = cases[2]?.query.map(([k, v]) => `${k}=${v}`).join('&') ?? '';
    return [
      {
        title: 'Leaderboard total above the user’s own coding time',
        message: `The weekly leaderboard gives user ${userId} ${onBoard} s (/entries/${index}/total_seconds), but that user's coding time over the board's window (${window}) is ${total} s; the board counts a subset of those heartbeats, so it can never be more.`,
        pointer: `/entries/${index}/total_seconds`,
        key: 'leaderboard-within-stats',
        expected: `≤ ${total}`,
        received: onBoard,
      },
    ];
  },
};
