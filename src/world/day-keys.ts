/**
 * @module
 * A user-day's keyed instants: each heartbeat's time with its category, editor, project and the
 * setup it was sent from, and nothing else, taken as the day's skeleton is drawn (skeleton.ts)
 * without keeping the skeleton or making rows. What a filter over those keys keeps sums to what
 * the same filter over the rows would: same instants, same order.
 */
import type { ProfileProject, Setup } from './activity-profile.js';
import type { Calendar, UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import { drawDay, type SkeletonSink, type Specials } from './skeleton.js';
import type { HeartbeatKeys } from './types.js';

/** A day's instants (Unix seconds, ascending, ties in the rows' order) and each one's keys. */
export interface DayKeys {
  times: Float64Array;
  /** Index into `table`. */
  keys: Uint8Array;
  /** Distinct (category, editor, project, setup) of the day. */
  table: SentKeys[];
}

/** A row's keys and the setup it was sent from (where the admin analytics read its address). */
export interface SentKeys extends HeartbeatKeys {
  setup: Setup;
}

/**
 * Takes the keyed instants of the runs a day draws, in the runs' order; one serves every day a
 * history makes (its buffers only grow), and each day's keys are copied out of it.
 * @example
 * const sink = new KeySink();
 * const today = keyedDay(plan, cal, specials, plan.days - 1, fixtures, sink);
 */
export class KeySink implements SkeletonSink {
  times = new Float64Array(1024);
  keys = new Uint8Array(1024);
  length = 0;
  table: SentKeys[] = [];
  private setup: Setup | null = null;
  private runTimes: readonly number[] = [];
  private k = 0;
  /** The row before's category, project and key, reused while they last (a segment). */
  private lastCategory = '';
  private lastProject: ProfileProject | null = null;
  private lastKey = -1;

  run(setup: Setup, times: readonly number[]): void {
    this.setup = setup;
    this.runTimes = times;
    this.k = 0;
    this.lastKey = -1;
    const needed = this.length + times.length;
    if (needed > this.times.length) {
      const size = Math.max(needed, this.times.length * 2);
      const grownTimes = new Float64Array(size);
      grownTimes.set(this.times);
      this.times = grownTimes;
      const grownKeys = new Uint8Array(size);
      grownKeys.set(this.keys);
      this.keys = grownKeys;
    }
  }

  /** Empties the sink for the next day. */
  reset(): void {
    this.length = 0;
    this.table = [];
  }

  row(category: string, project: ProfileProject | null): void {
    if (this.lastKey < 0 || this.lastCategory !== category || this.lastProject !== project) {
      this.lastKey = this.keyOf(category, project);
      this.lastCategory = category;
      this.lastProject = project;
    }
    const key = this.lastKey;
    this.times[this.length] = (this.runTimes[this.k] as number) / 1000;
    this.keys[this.length] = key;
    this.length++;
    this.k++;
  }

  private keyOf(category: string, project: ProfileProject | null): number {
    const setup = this.setup as Setup;
    const editor = category === 'browsing' ? setup.browserEditor : setup.editor;
    const name = project?.name ?? null;
    // A day has a handful of distinct keys: a scan beats hashing.
    const { table } = this;
    for (let key = 0; key < table.length; key++) {
      const t = table[key] as SentKeys;
      if (t.category === category && t.editor === editor && t.project === name && t.setup === setup) return key;
    }
    if (table.length > 255) throw new RangeError('a user-day has more than 256 distinct keys');
    table.push({ category, editor, project: name, setup });
    return table.length - 1;
  }
}

/**
 * Day i's keyed instants, ordered as generateDay orders the rows.
 * @example
 * const keys = keyedDay(plan, cal, specialsOf(plan, cal), i, fixtures, new KeySink());
 */
export function keyedDay(plan: UserPlan, cal: Calendar, specials: Specials, i: number, fixtures: WorldFixtures, sink: KeySink): DayKeys {
  sink.reset();
  drawDay(plan, cal, specials, i, fixtures, sink);
  const n = sink.length;
  const times = sink.times.slice(0, n);
  const keys = sink.keys.slice(0, n);
  const { table } = sink;
  let sorted = true;
  for (let r = 1; r < n && sorted; r++) if ((times[r] as number) < (times[r - 1] as number)) sorted = false;
  if (sorted) return { times, keys, table };
  // The live session or the test entry fell among the sessions: order as generateDay's stable sort.
  const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => (times[a] as number) - (times[b] as number) || a - b);
  return {
    times: Float64Array.from(order, (r) => times[r] as number),
    keys: Uint8Array.from(order, (r) => keys[r] as number),
    table,
  };
}

/** Bytes a cached day's keys hold, roughly. */
export function dayKeysBytes(day: DayKeys): number {
  return day.times.byteLength + day.keys.byteLength + 72 * day.table.length + 200;
}
