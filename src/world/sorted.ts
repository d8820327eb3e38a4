/**
 * @module
 * Binary searches over heartbeat arrays kept ascending by (time, id): every range query of the
 * world is two of these and a slice.
 */

/** The part of a heartbeat that orders it. `time` is float Unix seconds. */
export interface Timed {
  readonly id: number;
  readonly time: number;
}

/** Orders by time, then id, as the real server's `ORDER BY time, id`. */
export function compareTimed(a: Timed, b: Timed): number {
  return a.time - b.time || a.id - b.id;
}

/**
 * The first index in `0..length` for which `before` is false, given that it is true for a prefix
 * and false after it (a partition point: one binary search for every bound the world looks up).
 * @example
 * partitionPoint(times.length, (i) => times[i] < 60) // the first index whose time is >= 60
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose time is `>= time` (rows.length when none). */
export function lowerBound(rows: readonly Timed[], time: number): number {
  return partitionPoint(rows.length, (i) => (rows[i] as Timed).time < time);
}

/** The first index whose time is `> time` (rows.length when none). */
function upperBound(rows: readonly Timed[], time: number): number {
  return partitionPoint(rows.length, (i) => (rows[i] as Timed).time <= time);
}

/** Where `row` goes to keep the array ordered by (time, id). */
export function insertionIndex(rows: readonly Timed[], row: Timed): number {
  return partitionPoint(rows.length, (i) => compareTimed(rows[i] as Timed, row) <= 0);
}

/**
 * The one window type of the kit: the mock's parameter readers produce it and its answer builders
 * and the world's slicers consume it.
 * - Bounds are Unix seconds, fractions allowed (a Ruby `Time#to_f`); a reader that needs whole
 *   seconds floors them itself.
 * - `from` is inclusive.
 * - `to` is inclusive unless `toExclusive` is true: the field says which of Ruby's ranges the
 *   server's query uses (`from..to` or `from...to`).
 * Where a bound may be open (the world's slicers), the window is a `Partial<TimeWindow>`.
 * @example
 * const lastHour: TimeWindow = { from: now - 3600, to: now, toExclusive: true };
 */
export interface TimeWindow {
  from: number;
  to: number;
  toExclusive?: boolean;
}

/** The rows inside a window, as a new array (O(log n) to find, O(k) to copy); an absent bound is open. */
export function sliceWindow<T extends Timed>(rows: readonly T[], window: Partial<TimeWindow>): T[] {
  const start = window.from === undefined ? 0 : lowerBound(rows, window.from);
  let end = rows.length;
  if (window.to !== undefined) end = window.toExclusive ? lowerBound(rows, window.to) : upperBound(rows, window.to);
  return start < end ? rows.slice(start, end) : [];
}
