/**
 * @module
 * `heartbeats-add-up` (stateful, only where writes are allowed): posting a small batch of the
 * runner's test heartbeats grows today's status bar by exactly what the 2-minute rule gives for
 * them among the rows around them, and posting the same batch again changes nothing (the server
 * de-duplicates by fields_hash and returns the stored row: reference, "Dedup").
 *
 * The batch is three heartbeats at fixed times of the run's today (12:00:00, 12:01:00 and 12:06:40
 * UTC: one gap under the cap and one over it), entity `test.txt` (stored as a test entry, which
 * the status bar still counts: reference §5, "every heartbeat counts (any category/source)") in the
 * project `hackatime-kit-contract`. The expectation is computed from the user's raw heartbeats
 * (`GET /api/v1/my/heartbeats` over the days around) inside the local day that the summaries call
 * "Today", so it holds against any server and any data. A batch already stored (an earlier run)
 * is expected to add nothing. When rows that are not the batch's appear between the reads (the
 * user is coding), the growth is not judged.
 */
import type { CaseBody } from '../../case.js';
import type { FindingDraft } from '../../findings.js';
import { CONTRACT_PROJECT, variable } from '../../plan/variables.js';
import { member } from '../invariants/select.js';
import type { CrossCheck } from './cross-check.js';
import { lagTotal } from './lag-total.js';

const OFFSETS = [0, 60, 400];
const ENTITY = 'test.txt';

interface Row {
  id: unknown;
  time: number;
  ours: boolean;
}

const batchTimes = (today: string): number[] => OFFSETS.map((s) => Date.parse(`${today}T12:00:00Z`) / 1000 + s);

function batchBody(today: string): CaseBody {
  const beat = (time: number) => ({
    entity: ENTITY,
    type: 'file',
    category: 'coding',
    time,
    project: CONTRACT_PROJECT,
    language: 'Text',
    is_write: false,
  });
  return { mediaType: 'application/json', value: batchTimes(today).map(beat) };
}

/** The rows of a `getMyHeartbeats` answer; undefined when it has no list. */
function rowsOf(body: unknown, batch: readonly number[]): Row[] | undefined {
  const list = member(body, 'heartbeats');
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((h): Row[] => {
    const time = member(h, 'time');
    if (typeof time !== 'number') return [];
    const ours = member(h, 'entity') === ENTITY && member(h, 'project') === CONTRACT_PROJECT && batch.includes(time);
    return [{ id: member(h, 'id'), time, ours }];
  });
}

/** The local day the summaries call "Today", as Unix seconds. */
function todayRange(summaries: unknown): { from: number; to: number } | undefined {
  const days = member(summaries, 'data');
  const today = Array.isArray(days) ? days.find((d) => member(d, 'range/text') === 'Today') : undefined;
  const from = Date.parse(String(member(today, 'range/start')));
  const to = Date.parse(String(member(today, 'range/end')));
  return Number.isNaN(from) || Number.isNaN(to) ? undefined : { from: from / 1000, to: to / 1000 + 1 };
}

const seconds = (statusbar: unknown): unknown => member(statusbar, 'data/grand_total/total_seconds');

/** Rows of `after` that `before` does not have (by id). */
const added = (before: readonly Row[], after: readonly Row[]): Row[] => {
  const ids = new Set(before.map((r) => r.id));
  return after.filter((r) => !ids.has(r.id));
};

function growthFindings(
  status: readonly unknown[],
  rows: readonly Row[][],
  batch: readonly number[],
  day: { from: number; to: number },
): FindingDraft[] {
  const [before, after] = [seconds(status[0]), seconds(status[1])];
  const [rowsBefore, rowsAfter] = [rows[0]!, rows[1]!];
  if (typeof before !== 'number' || typeof after !== 'number') return [];
  if (added(rowsBefore, rowsAfter).some((r) => !r.ours)) return [];
  const inDay = (t: number) => t >= day.from && t < day.to;
  const old = rowsBefore.filter((r) => inDay(r.time));
  const stored = new Set(old.filter((r) => r.ours).map((r) => r.time));
  const fresh = batch.filter((t) => inDay(t) && !stored.has(t));
  const expected = lagTotal([...old.map((r) => r.time), ...fresh]) - lagTotal(old.map((r) => r.time));
  if (after - before === expected) return [];
  return [
    {
      title: 'Status bar does not grow by the 2-minute rule',
      message: `Posting ${batch.length} test heartbeats (${fresh.length} new today, at ${fresh.map((t) => new Date(t * 1000).toISOString()).join(', ')}) among the ${old.length} rows of today should add ${expected} s to today's status bar (gaps capped at 120 s), but it went from ${before} s to ${after} s (+${after - before} s).`,
      pointer: '/data/grand_total/total_seconds',
      key: 'heartbeats-add-up:growth',
      expected: before + expected,
      received: after,
    },
  ];
}

function duplicateFindings(status: readonly unknown[], rows: readonly Row[][]): FindingDraft[] {
  const [after, again] = [seconds(status[1]), seconds(status[2])];
  const extra = added(rows[1]!, rows[2]!);
  if (extra.some((r) => !r.ours)) return [];
  const findings: FindingDraft[] = [];
  if (extra.length > 0) {
    findings.push({
      title: 'A duplicate heartbeat was stored again',
      message: `Posting the same ${OFFSETS.length} test heartbeats again stored ${extra.length} more rows (GET /api/v1/my/heartbeats); identical heartbeats (same fields_hash) must return the stored row instead.`,
      pointer: '/heartbeats',
      key: 'heartbeats-add-up:duplicate-rows',
      expected: rows[1]!.length,
      received: rows[2]!.length,
    });
  }
  if (typeof after === 'number' && typeof again === 'number' && after !== again) {
    findings.push({
      title: 'A duplicate heartbeat changed the status bar',
      message: `Posting the same ${OFFSETS.length} test heartbeats again moved today's status bar from ${after} s to ${again} s; a duplicate must change nothing.`,
      pointer: '/data/grand_total/total_seconds',
      key: 'heartbeats-add-up:duplicate-total',
      expected: after,
      received: again,
    });
  }
  return findings;
}

export const heartbeatsAddUp: CrossCheck = {
  name: 'heartbeats-add-up',
  summary: 'Posted test heartbeats grow the status bar by the 2-minute rule; posting them again changes nothing (writes only).',
  requests: ({ target }) => {
    const today = target.today;
    const window = { start_time: `${variable(target, 'today-1')!}T00:00:00Z`, end_time: `${variable(target, 'today+1')!}T23:59:59Z` };
    const rows = { operationId: 'getMyHeartbeats', query: window };
    const status = { operationId: 'getStatusbarToday', query: {} };
    const post = { operationId: 'postHeartbeatsBulk', query: {}, body: batchBody(today), expect: [201] };
    const summaries = { operationId: 'getSummaries', query: { start: variable(target, 'today-1')!, end: variable(target, 'today+1')! } };
    return [status, summaries, rows, post, status, rows, post, status, rows];
  },
  judge: (bodies, cases) => {
    const [status0, summaries, rows0, , status1, rows1, , status2, rows2] = bodies;
    const day = todayRange(summaries);
    const today = cases[3]?.body === undefined ? undefined : member(cases[3].body.value, '0/time');
    if (day === undefined || typeof today !== 'number') return [];
    const batch = batchTimes(new Date(today * 1000).toISOString().slice(0, 10));
    const rows = [rows0, rows1, rows2].map((b) => rowsOf(b, batch));
    if (rows.some((r) => r === undefined)) return [];
    const all = rows as Row[][];
    return [...growthFindings([status0, status1, status2], all, batch, day), ...duplicateFindings([status0, status1, status2], all)];
  },
};
