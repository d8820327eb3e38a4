/**
 * @module
 * The real server's duration rules, as pure functions over heartbeats sorted by (time, id).
 * Each mirrors one SQL query of `app/models/concerns/heartbeatable.rb`: the gap between two
 * heartbeats counts up to 120 s, sums are float and cast to an integer at the end.
 *
 * Callers filter first (user, project, category, time window); these functions only measure.
 */
import { type InternedColumn, RowView } from './row-view.js';
import type { Timed } from './sorted.js';
import { localDater, localDayEnd } from './zone-offsets.js';

/** `heartbeat_timeout_duration`: the most a gap between two heartbeats can count. */
export const HEARTBEAT_TIMEOUT_SECONDS = 120;

/**
 * PostgreSQL's `float8::integer`: rounds to nearest, ties to even (`rint`). Every
 * `SUM(duration)::integer` of the real server goes through this, so 0.5 s can go either way.
 */
export function pgInteger(value: number): number {
  const rounded = Math.round(value);
  if (Math.abs(value % 1) === 0.5 && rounded % 2 !== 0) return rounded - 1;
  return rounded;
}

/**
 * Total time, LAG attribution: each heartbeat contributes the gap since the previous one, capped
 * at 120 s; the first contributes 0 (`duration_seconds` without grouping).
 * @example
 * totalSeconds([{ id: 1, time: 0 }, { id: 2, time: 60 }, { id: 3, time: 600 }]) // 180
 */
export function totalSeconds(rows: readonly Timed[]): number {
  return totalSecondsOfTimes(rows.map((row) => row.time));
}

/**
 * {@link totalSeconds} of rows given by their times alone (ascending), summed in the same order;
 * `count`: only the first so many times (a buffer's filled part).
 * @example
 * totalSecondsOfTimes([0, 60, 600]) // 180
 */
export function totalSecondsOfTimes(times: ArrayLike<number>, count = times.length): number {
  return new GapSum().add(times, count).seconds();
}

/**
 * {@link totalSecondsOfTimes} of one timeline given in consecutive pieces (each ascending, each
 * after the one before): the same sum, added in the same order, without the whole timeline at once.
 * @example
 * new GapSum().add([0, 60]).add([600]).seconds() // 180, as totalSecondsOfTimes([0, 60, 600])
 */
export class GapSum {
  private sum = 0;
  private previous = Number.NaN;

  /** Adds the times (or only the first `count` of them). */
  add(times: ArrayLike<number>, count = times.length): this {
    let previous = this.previous;
    for (let i = 0; i < count; i++) {
      const time = times[i] as number;
      if (!Number.isNaN(previous)) this.sum += Math.min(time - previous, HEARTBEAT_TIMEOUT_SECONDS);
      previous = time;
    }
    this.previous = previous;
    return this;
  }

  seconds(): number {
    return pgInteger(this.sum);
  }
}

/**
 * Per-group totals where a heartbeat's previous one is the previous one of the same group
 * (`LAG(time) OVER (PARTITION BY group ...)`), so groups need not add up to the total. `null`
 * and `''` are distinct groups, as in SQL; mapping them to "Other"/"unknown" is the caller's.
 * @example
 * groupedSeconds(rows, (hb) => hb.language) // Map { 'Ruby' => 300, null => 60 }
 */
export function groupedSeconds<T extends Timed>(rows: readonly T[], keyOf: (row: T) => string | null): Map<string | null, number> {
  return groupedSecondsOf(
    rows.map((row) => row.time),
    RowView.column(rows, keyOf),
  );
}

/**
 * {@link groupedSeconds} of rows given as their times and one interned column; groups come out
 * in order of first appearance, each sum added up in row order.
 */
export function groupedSecondsOf(times: ArrayLike<number>, column: InternedColumn): Map<string | null, number> {
  const { ids, values } = column;
  const last = new Float64Array(values.length).fill(Number.NaN);
  const sums = new Float64Array(values.length);
  const order: number[] = [];
  for (let i = 0; i < times.length; i++) {
    const id = ids[i] as number;
    const time = times[i] as number;
    const previous = last[id] as number;
    if (Number.isNaN(previous)) order.push(id);
    else sums[id] = (sums[id] as number) + Math.min(time - previous, HEARTBEAT_TIMEOUT_SECONDS);
    last[id] = time;
  }
  const out = new Map<string | null, number>();
  for (const id of order) out.set(values[id] as string | null, pgInteger(sums[id] as number));
  return out;
}

/**
 * Per local day, LEAD attribution (daily summaries): a heartbeat owns the gap to the next
 * heartbeat of the same local day, capped at 120 s; the last of a day owns nothing. Sums are
 * cast per (day, key) — the summaries group by project and AI model before casting.
 * @returns day (`YYYY-MM-DD` in `zone`) → key → integer seconds, only for days with heartbeats.
 */
export function dailyLeadSeconds<T extends Timed>(
  rows: readonly T[],
  zone: string,
  keyOf: (row: T) => string = () => '',
): Map<string, Map<string, number>> {
  return dailyLeadSecondsOf(
    rows.map((row) => row.time),
    RowView.column(rows, keyOf),
    zone,
  );
}

/** {@link dailyLeadSeconds} of rows given as their times and one interned column of non-null keys. */
export function dailyLeadSecondsOf(times: ArrayLike<number>, column: InternedColumn, zone: string): Map<string, Map<string, number>> {
  const { ids, values } = column;
  const dateOf = localDater(zone);
  const out = new Map<string, Map<string, number>>();
  // One day's sums by key id, and the ids in the order the day first met them.
  const sums = new Float64Array(values.length);
  const met = new Uint8Array(values.length);
  const order: number[] = [];
  const close = (date: string) => {
    const day = new Map<string, number>();
    for (const id of order) {
      day.set(values[id] as string, pgInteger(sums[id] as number));
      sums[id] = 0;
      met[id] = 0;
    }
    order.length = 0;
    out.set(date, day);
  };
  let date = times.length > 0 ? dateOf((times[0] as number) * 1000) : '';
  // The times ascend: while the next one is before the day's end, it is on the same day.
  let dayEnd = date === '' ? 0 : localDayEnd(date, zone);
  for (let i = 0; i < times.length; i++) {
    const time = times[i] as number;
    const id = ids[i] as number;
    if (met[id] === 0) {
      met[id] = 1;
      order.push(id);
    }
    if (i + 1 < times.length) {
      const next = times[i + 1] as number;
      if (next * 1000 < dayEnd || dateOf(next * 1000) === date) {
        sums[id] = (sums[id] as number) + Math.min(next - time, HEARTBEAT_TIMEOUT_SECONDS);
        continue;
      }
      close(date);
      date = dateOf(next * 1000);
      dayEnd = localDayEnd(date, zone);
    }
  }
  if (order.length > 0) close(date);
  return out;
}

/**
 * Per local day, LAG attribution with gaps taken only within the day (the streak query): the
 * first heartbeat of each day contributes 0.
 * @returns day → integer seconds, only for days with heartbeats.
 */
export function dailyLagSeconds(times: ArrayLike<number>, zone: string): Map<string, number> {
  const dateOf = localDater(zone);
  const sums = new Map<string, number>();
  let previousDate = '';
  let previousTime = 0;
  for (let i = 0; i < times.length; i++) {
    const time = times[i] as number;
    const date = dateOf(time * 1000);
    const gap = date === previousDate ? Math.min(time - previousTime, HEARTBEAT_TIMEOUT_SECONDS) : 0;
    sums.set(date, (sums.get(date) ?? 0) + gap);
    previousDate = date;
    previousTime = time;
  }
  for (const [date, sum] of sums) sums.set(date, pgInteger(sum));
  return sums;
}

/**
 * `unique_total_seconds` of the stats endpoint: gaps of more than 0 and at most 120 s are
 * summed, longer gaps count nothing (not 120), and the sum is truncated (`to_i`).
 */
export function uniqueTotalSeconds(times: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 0 && gap <= HEARTBEAT_TIMEOUT_SECONDS) sum += gap;
  }
  return Math.trunc(sum);
}
