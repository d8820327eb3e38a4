/**
 * The cross-checks' comparisons on fixed answers: only what the reference guarantees.
 */
import { describe, expect, it } from 'vitest';
import { adminStatsMatchPublic } from '../../../src/contract/judge/cross/admin-stats-match-public.js';
import { roundingSlack } from '../../../src/contract/judge/cross/rounding.js';
import { statsMatchSummaries } from '../../../src/contract/judge/cross/stats-match-summaries.js';
import { statusbarMatchesSummary } from '../../../src/contract/judge/cross/statusbar-matches-summary.js';
import { caseOf } from '../helpers/case.js';

const day = (total: number, projects = 1, date = '2026-08-20', text = 'August 20, 2026') => ({
  grand_total: { total_seconds: total },
  projects: Array.from({ length: projects }, () => ({})),
  range: { date, text },
});
const statusbar = (seconds: number) => ({ data: { grand_total: { text: '', total_seconds: seconds } } });

describe('statusbar-matches-summary', () => {
  const summaries = { data: [day(100), day(5430, 2, '2026-08-22', 'Today')] };
  const judge = (before: number, after = before) => statusbarMatchesSummary.judge([statusbar(before), summaries, statusbar(after)], []);

  it("compares with the day the summaries call Today, within its groups' rounding", () => {
    expect(judge(5430)).toEqual([]);
    expect(judge(5432)).toEqual([]);
    expect(judge(5433)).toHaveLength(1);
    expect(judge(5433)[0]).toMatchObject({ expected: '5428…5432', received: 5433 });
  });

  it('does not compare while the status bar moves (the user is coding)', () => {
    expect(judge(6000, 6030)).toEqual([]);
  });
});

describe('stats-match-summaries', () => {
  const week = (totals: number[]) => ({ data: totals.map((t) => day(t)) });
  const stats = (total: number) => ({ data: { total_seconds: total } });
  const judge = (total: number, totals: number[]) =>
    statsMatchSummaries.judge([stats(total), week(totals)], [caseOf('getUserStats', { query: [['start_date', '2026-08-15']] })]);
  const totals = [100, 200, 300, 0, 0, 50, 50];

  it('allows the stats up to 120 s per midnight more than the days, and their rounding either way', () => {
    expect(judge(700, totals)).toEqual([]);
    expect(judge(700 + 6 * 120 + 14, totals)).toEqual([]);
    expect(judge(700 - 14, totals)).toEqual([]);
  });

  it('reports a total outside that, with the window and the bounds', () => {
    const [finding] = judge(700 + 6 * 120 + 15, totals);
    expect(finding).toMatchObject({ expected: '686…1434', received: 1435, pointer: '/data/total_seconds' });
    expect(finding!.message).toContain('The stats total for start_date=2026-08-15 is 1435 s');
    expect(judge(685, totals)).toHaveLength(1);
  });

  it('compares only a whole week of days', () => {
    expect(judge(99_999, [1, 2, 3])).toEqual([]);
  });
});

describe('roundingSlack', () => {
  it('grows with the projects and AI models of the day', () => {
    expect(roundingSlack({})).toBe(2);
    expect(roundingSlack({ projects: [{}, {}, {}], grand_total: { ai_model_breakdown: [{}, {}] } })).toBe(6);
  });
});

describe('admin-stats-match-public', () => {
  const judge = (admin: number, pub: number) =>
    adminStatsMatchPublic.judge(
      [{ total_duration: admin }, { total_seconds: pub }],
      [caseOf('getAdminUserStats', { query: [['date', '2026-08-21']] })],
    );

  it('asks the admin API for the run user by numeric id, and skips without it', () => {
    const target = { variables: { user_numeric_id: '1' }, today: '2026-08-22' };
    expect(adminStatsMatchPublic.requests({ target } as never)).toEqual([
      { operationId: 'getAdminUserStats', query: { user_id: '{{user_numeric_id}}', date: '2026-08-21' } },
      {
        operationId: 'getUserStats',
        query: { start_date: '2026-08-21T00:00:00Z', end_date: '2026-08-21T23:59:59Z', total_seconds: 'true' },
      },
    ]);
  });

  it('wants the two totals equal, to the second', () => {
    expect(judge(5430, 5430)).toEqual([]);
    expect(judge(5431, 5430)).toHaveLength(1);
    expect(judge(5431, 5430)[0]).toMatchObject({ expected: 5430, received: 5431, pointer: '/total_duration' });
    // An answer without its total (another status's body) is not compared.
    expect(adminStatsMatchPublic.judge([{ error: 'who?' }, { total_seconds: 1 }], [])).toEqual([]);
  });
});
