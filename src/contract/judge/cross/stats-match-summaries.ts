/**
 * @module
 * `stats-match-summaries`: a user's stats total over a window of whole UTC days agrees with the sum
 * of that window's daily summaries (in UTC) as far as the reference guarantees. Both count every
 * heartbeat with the 120 s cap (reference §4, §9), but the stats (LAG over the whole window) also
 * count the gap across each midnight, which a daily summary (LEAD within its own day) drops. So the
 * stats total is at least the sum of the days and at most 120 s per midnight more, give or take the
 * summaries' rounding of each group to whole seconds (`rounding.ts`) — never asserted equal. The window ends yesterday (`end_date` is exclusive at 00:00 UTC), so a user coding
 * right now does not move it.
 */
import { variable } from '../../plan/variables.js';
import { member } from '../invariants/select.js';
import type { CrossCheck, CrossRequest } from './cross-check.js';
import { roundingSlack } from './rounding.js';

const DAYS = 7;
const CAP_SECONDS = 120;

export const statsMatchSummaries: CrossCheck = {
  name: 'stats-match-summaries',
  summary:
    "A user's stats total over whole UTC days is the sum of those days' summaries, plus at most 120 s per midnight (within rounding).",
  requests: ({ target }): CrossRequest[] => {
    const [first, last, end] = [variable(target, `today-${DAYS}`)!, variable(target, 'today-1')!, variable(target, 'today')!];
    return [
      { operationId: 'getUserStats', query: { start_date: first, end_date: end } },
      { operationId: 'getSummaries', query: { start: first, end: last, timezone: 'Etc/UTC' } },
    ];
  },
  judge: ([stats, summaries], cases) => {
    const total = member(stats, 'data/total_seconds');
    const days = member(summaries, 'data');
    if (typeof total !== 'number' || !Array.isArray(days) || days.length !== DAYS) return [];
    const totals = days.map((day) => member(day, 'grand_total/total_seconds'));
    if (totals.some((t) => typeof t !== 'number')) return [];
    const sum = (totals as number[]).reduce((a, b) => a + b, 0);
    const slack = days.reduce((n: number, day) => n + roundingSlack(day), 0);
    const [least, most] = [sum - slack, sum + CAP_SECONDS * (DAYS - 1) + slack];
    if (total >= least && total <= most) return [];
    const window = cases[0]?.query.map(([k, v]) => `${k}=${v}`).join('&') ?? '';
    return [
      {
        title: 'Stats total disagrees with the daily summaries',
        message: `The stats total for ${window} is ${total} s (/data/total_seconds), but that window's ${DAYS} daily summaries in UTC add up to ${sum} s; it must lie within ${least}…${most} s (the stats also count each midnight's gap, at most ${CAP_SECONDS} s, and the days round their groups).`,
        pointer: '/data/total_seconds',
        key: 'stats-match-summaries',
        expected: `${least}…${most}`,
        received: total,
      },
    ];
  },
};
