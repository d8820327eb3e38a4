/**
 * @module
 * `statusbar-matches-summary`: today's status bar total equals today's daily summary. Both count
 * every heartbeat of the user's local day (any category, test entries too) with the 120 s cap; the
 * status bar attributes a gap to the later heartbeat (LAG, the day's first contributes 0) and the
 * summaries to the earlier one within the same local day (LEAD, the day's last owns 0) — the same
 * gaps, so the same sum (reference §4, §5), up to the summaries' rounding of each group to whole
 * seconds (`rounding.ts`). "Today" is the user's: the summaries are asked for a
 * window around the run's today in the user's default zone and the day they call `"Today"` is taken.
 * The status bar is asked twice, before and after: if it moved (the user is coding right now), the
 * totals are not compared.
 */
import { variable } from '../../plan/variables.js';
import { member } from '../invariants/select.js';
import type { CrossCheck } from './cross-check.js';
import { roundingSlack } from './rounding.js';

export const statusbarMatchesSummary: CrossCheck = {
  name: 'statusbar-matches-summary',
  summary: "Today's status bar total_seconds equals the grand total of today's daily summary (within its rounding).",
  requests: ({ target }) => {
    const window = { start: variable(target, 'today-1')!, end: variable(target, 'today+1')! };
    return [
      { operationId: 'getStatusbarToday', query: {} },
      { operationId: 'getSummaries', query: window },
      { operationId: 'getStatusbarToday', query: {} },
    ];
  },
  judge: ([before, summaries, after]) => {
    const seconds = member(before, 'data/grand_total/total_seconds');
    if (typeof seconds !== 'number' || seconds !== member(after, 'data/grand_total/total_seconds')) return [];
    const days = member(summaries, 'data');
    const index = Array.isArray(days) ? days.findIndex((d) => member(d, 'range/text') === 'Today') : -1;
    const today = Array.isArray(days) ? days[index] : undefined;
    const summed = member(today, 'grand_total/total_seconds');
    if (typeof summed !== 'number') return [];
    const slack = roundingSlack(today);
    if (Math.abs(summed - seconds) <= slack) return [];
    const date = String(member(today, 'range/date'));
    return [
      {
        title: "Status bar disagrees with today's summary",
        message: `Today's status bar says ${seconds} s (/data/grand_total/total_seconds), but the summary of today (${date}) says ${summed} s (getSummaries /data/${index}/grand_total/total_seconds); they may differ by the rounding of its groups, ${slack} s at most.`,
        pointer: '/data/grand_total/total_seconds',
        key: 'statusbar-matches-summary',
        expected: `${summed - slack}…${summed + slack}`,
        received: seconds,
      },
    ];
  },
};
