/**
 * The rules of `x-invariants`, each on small bodies, and how the extension is read.
 */
import { describe, expect, it } from 'vitest';
import { type Invariant, invariantsOf } from '../../../src/contract/invariants.js';
import { RULES } from '../../../src/contract/judge/invariants/index.js';
import { select } from '../../../src/contract/judge/invariants/select.js';
import { SpecError } from '../../../src/spec/errors.js';
import { loadSpec } from '../../../src/spec/load.js';
import { caseOf } from '../helpers/case.js';

const rule = (r: Invariant['rule'], at: string, args: Record<string, unknown> = {}): Invariant => ({
  rule: r,
  at,
  args,
  with: undefined,
  quirk: undefined,
});
const judge = (inv: Invariant, body: unknown, query: [string, string][] = []) =>
  RULES[inv.rule].judge(inv, body, caseOf('getUserStats', { query })).map((d) => d.message);

describe('select', () => {
  it('follows a pointer with * for every item, and selects nothing where the path does not exist', () => {
    const body = { data: [{ g: { t: 1 } }, { g: { t: 2 } }, { h: 3 }] };
    expect(select(body, '/data/*/g')).toEqual([
      { pointer: '/data/0/g', value: { t: 1 } },
      { pointer: '/data/1/g', value: { t: 2 } },
    ]);
    expect(select(body, '/missing/*')).toEqual([]);
    expect(select({ 'a/b': 1 }, '/a~1b')).toEqual([{ pointer: '/a~1b', value: 1 }]);
  });
});

describe('text-matches-seconds', () => {
  const check = (format: string, text: string, seconds: number) =>
    judge(rule('text-matches-seconds', '', { format }), { text, total_seconds: seconds });

  it('accepts each format written as the real server writes it', () => {
    expect(check('h-m-s', '1h 30m 30s', 5430)).toEqual([]);
    expect(check('h-m-s', '0s', 0)).toEqual([]);
    expect(check('h-m-s', '', 0)).toEqual([]);
    expect(check('h-m', '2h 30m', 9059)).toEqual([]);
    expect(check('h-m', '0m', 59)).toEqual([]);
    expect(check('statusbar', 'Start coding! / 4h goal', 0)).toEqual([]);
    expect(check('statusbar', '2h 30m / 4h goal', 9000)).toEqual([]);
    expect(check('statusbar', '🕔', 9000)).toEqual([]);
    expect(check('digital', '7:00:00', 25200)).toEqual([]);
    expect(check('hrs-mins', '1 hrs 24 mins', 5040)).toEqual([]);
  });

  it('says what the text claims and what the seconds are when they disagree', () => {
    expect(check('h-m-s', '1h 30m 30s', 5431)).toEqual(['/text "1h 30m 30s" says 5430 s, but /total_seconds is 5431.']);
    expect(check('h-m', '2h 29m', 9000)).toHaveLength(1);
    expect(check('statusbar', '0m', 0)).toHaveLength(1);
    expect(check('statusbar', 'Start coding!', 60)).toHaveLength(1);
    expect(check('digital', 'soon', 60)).toEqual(['/text "soon" is not a digital duration.']);
  });
});

describe('percent-sums-to-100', () => {
  const inv = rule('percent-sums-to-100', '/list');
  it("allows each item's rounding and nothing more", () => {
    expect(judge(inv, { list: [{ percent: 33.33 }, { percent: 33.33 }, { percent: 33.33 }] })).toEqual([]);
    expect(judge(inv, { list: [] })).toEqual([]);
    expect(judge(inv, { list: [{ percent: 60 }, { percent: 30 }] })).toEqual([
      'The percent values of /list add up to 90, not 100 (± 0.010).',
    ]);
  });
});

describe('sorted-by', () => {
  it('accepts ties and reports the first item out of order', () => {
    const inv = rule('sorted-by', '/entries', { by: 'total_seconds' });
    expect(judge(inv, { entries: [{ total_seconds: 5 }, { total_seconds: 5 }, { total_seconds: 1 }] })).toEqual([]);
    expect(judge(inv, { entries: [{ total_seconds: 5 }, { total_seconds: 1 }, { total_seconds: 3 }] })).toEqual([
      '/entries is not sorted by total_seconds (descending): item 1 has 1, item 2 has 3.',
    ]);
    expect(
      judge(rule('sorted-by', '/d', { by: 'range/date', order: 'ascending' }), {
        d: [{ range: { date: '2026-08-02' } }, { range: { date: '2026-08-01' } }],
      }),
    ).toHaveLength(1);
  });
});

describe('limit-honoured', () => {
  const inv = rule('limit-honoured', '/data/languages', { parameter: 'limit' });
  const body = { data: { languages: [1, 2, 3, 4] } };
  it('judges only a positive whole limit the request sent', () => {
    expect(judge(inv, body, [['limit', '3']])).toEqual(['/data/languages has 4 items though the request sent limit=3.']);
    expect(judge(inv, body, [['limit', '4']])).toEqual([]);
    expect(judge(inv, body, [['limit', '0']])).toEqual([]);
    expect(judge(inv, body, [['limit', '-1']])).toEqual([]);
    expect(judge(inv, body)).toEqual([]);
  });
});

describe('items-within-window', () => {
  const inv = rule('items-within-window', '/data/*', { value: 'range/date', from: 'start', to: 'end' });
  const body = { data: [{ range: { date: '2026-08-01' } }, { range: { date: '2026-08-09' } }] };
  it('judges each item against the dates the request sent, inclusive', () => {
    expect(
      judge(inv, body, [
        ['start', '2026-08-01'],
        ['end', '2026-08-09'],
      ]),
    ).toEqual([]);
    expect(
      judge(inv, body, [
        ['start', '2026-08-01'],
        ['end', '2026-08-08'],
      ]),
    ).toEqual(['/data/1/range/date is 2026-08-09, outside the requested start=2026-08-01 … end=2026-08-08.']);
    expect(judge(inv, body, [['start', '2026-08-05']])).toEqual([]);
  });
});

describe('x-invariants in the spec', () => {
  const spec = loadSpec();
  it('names only known rules, and writes a quirk of the real server down without enforcing it', () => {
    const all = spec.operations.flatMap((op) => invariantsOf(op));
    expect(all.length).toBeGreaterThan(10);
    const quirks = invariantsOf(spec.byOperationId.get('getUserStats')!).filter((i) => i.quirk !== undefined);
    expect(quirks.map((q) => q.rule)).toEqual(['percent-sums-to-100']);
  });

  it('rejects a malformed rule with the operation and position', () => {
    const op = { ...spec.byOperationId.get('getLeaderboard')!, extensions: { 'x-invariants': [{ rule: 'is-nice', at: '/x' }] } };
    expect(() => invariantsOf(op)).toThrow(SpecError);
    expect(() => invariantsOf(op)).toThrow(/getLeaderboard: x-invariants\[0\]: rule must be one of text-matches-seconds/);
  });
});
