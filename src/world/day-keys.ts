/**
 * @module
 * A user-day's keyed instants: each heartbeat's time with its category, editor and project, and
 * nothing else, made from the day's skeleton (skeleton.ts) without making its rows. What a
 * filter over those keys keeps sums to what the same filter over the rows would: same instants,
 * same order.
 */
import type { SkeletonRun } from './skeleton.js';
import type { HeartbeatKeys } from './types.js';

/** A day's instants (Unix seconds, ascending, ties in the rows' order) and each one's keys. */
export interface DayKeys {
  times: Float64Array;
  /** Index into `table`. */
  keys: Uint8Array;
  /** Distinct (category, editor, project) of the day. */
  table: HeartbeatKeys[];
}

/**
 * The keyed instants of a day's runs, ordered as generateDay orders the rows.
 * @example
 * const keys = dayKeys(daySkeleton(plan, cal, specials, i, fixtures));
 */
export function dayKeys(runs: readonly SkeletonRun[]): DayKeys {
  const table: HeartbeatKeys[] = [];
  let n = 0;
  for (const run of runs) n += run.times.length;
  const times = new Float64Array(n);
  const keys = new Uint8Array(n);
  let r = 0;
  let sorted = true;
  for (const run of runs) {
    for (let k = 0; k < run.times.length; k++, r++) {
      const category = run.categories[k] as string;
      const editor = category === 'browsing' ? run.setup.browserEditor : run.setup.editor;
      const project = run.projects[k]?.name ?? null;
      // A day has a handful of distinct keys: a scan beats hashing.
      let key = 0;
      while (key < table.length) {
        const t = table[key] as HeartbeatKeys;
        if (t.category === category && t.editor === editor && t.project === project) break;
        key++;
      }
      if (key === table.length) {
        if (key > 255) throw new RangeError('a user-day has more than 256 distinct keys');
        table.push({ category, editor, project });
      }
      times[r] = (run.times[k] as number) / 1000;
      keys[r] = key;
      if (r > 0 && (times[r] as number) < (times[r - 1] as number)) sorted = false;
    }
  }
  if (sorted) return { times, keys, table };
  // The live session or the test entry fell among the sessions: order as generateDay's stable sort.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return { times: Float64Array.from(order, (i) => times[i] as number), keys: Uint8Array.from(order, (i) => keys[i] as number), table };
}

/** Bytes a cached day's keys hold, roughly. */
export function dayKeysBytes(day: DayKeys): number {
  return day.times.byteLength + day.keys.byteLength + 64 * day.table.length + 200;
}
