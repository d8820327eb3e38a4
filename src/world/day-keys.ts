/**
 * @module
 * A user's keyed instants: each heartbeat's time with its category, editor, project and the setup
 * it was sent from, and nothing else, taken day by day as the days' skeletons are drawn
 * (skeleton.ts) without keeping the skeletons or making rows. What a filter over those keys keeps
 * sums to what the same filter over the rows would: same instants, same order.
 *
 * A user's drawn days share two growing columns and one table of the distinct keys, so a day adds
 * no objects of its own, and a filter is asked once per distinct key of the user, not per day.
 */
import type { ProfileProject, Setup } from './activity-profile.js';
import type { Calendar, UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import { drawDay, type SkeletonSink, type Specials } from './skeleton.js';
import type { HeartbeatKeys } from './types.js';

/** A row's keys and the setup it was sent from (where the admin analytics read its address). */
export interface SentKeys extends HeartbeatKeys {
  setup: Setup;
}

/** A day's count is below this (ROWS_PER_DAY, history.ts, is lower still). */
const DAY_SLOT = 2 ** 13;

/** Room for `size` instants and their keys, in one buffer (one allocation, not two). */
function columnsOf(size: number): [Float64Array, Uint16Array] {
  const buffer = new ArrayBuffer(10 * size);
  return [new Float64Array(buffer, 0, size), new Uint16Array(buffer, 8 * size, size)];
}

/** A user's first room, in instants: most weeks of a user fit (a board reads eight days of each). */
const FIRST_ROOM = 256;
/**
 * First rooms left behind when a user outgrew them, for the next users to start in: an ArrayBuffer
 * costs more to make than a day of a user to draw, and a third of a board's users outgrow theirs.
 */
const spareRooms: [Float64Array, Uint16Array][] = [];
const SPARE_ROOMS_KEPT = 512;

/** What a user's keys are filtered by (a leaderboard's eligibility, or every row). */
export type KeyFilter = (keys: HeartbeatKeys) => boolean;

/**
 * The keyed instants of the days of one user drawn so far. Day i's instants are
 * `times[dayFrom(i)..dayTo(i))` (Unix seconds, ascending, ties in the rows' order), each with
 * `keys[r]`, an index into `table`.
 * @example
 * const keyed = new UserKeys(plan, fixtures);
 * keyed.draw(cal, specialsOf(plan, cal), plan.days - 1);
 * keyed.times.subarray(keyed.dayFrom(plan.days - 1), keyed.dayTo(plan.days - 1));
 */
export class UserKeys implements SkeletonSink {
  /** Both in one buffer, grown by doubling; a week of a user is a few hundred instants. */
  times: Float64Array;
  keys: Uint16Array;
  length = 0;
  /** The user's distinct (category, editor, project, setup), in the order first drawn. */
  readonly table: SentKeys[] = [];
  /** Each drawn day's first instant and count, as `from * 2^13 + count`: a read draws a few of a year's days. */
  private readonly ranges = new Map<number, number>();
  /**
   * Each key's (setup, category, project) as one number, in the table's order: a user has a dozen
   * keys or so, found faster by a scan than by a Map of its own.
   */
  private readonly slots: number[] = [];
  private readonly categoryCount: number;
  /** The filter asked last and its flags (a user is read by one filter, the board's, far more often than by two). */
  private lastKeep: KeyFilter | null = null;
  private lastKept: number[] = [];
  private keptBy: Map<KeyFilter, number[]> | null = null;
  /** The run being drawn: its setup and its instants. */
  private setup: Setup | null = null;
  private runTimes: readonly number[] = [];

  constructor(
    private readonly plan: UserPlan,
    private readonly fixtures: WorldFixtures,
  ) {
    this.categoryCount = fixtures.categories.length;
    [this.times, this.keys] = spareRooms.pop() ?? columnsOf(FIRST_ROOM);
  }

  /** Whether day i has been drawn. */
  has(i: number): boolean {
    return this.ranges.has(i);
  }

  /** Where day i's instants start (day i drawn). */
  dayFrom(i: number): number {
    return Math.floor((this.ranges.get(i) as number) / DAY_SLOT);
  }

  /** Where day i's instants end (day i drawn). */
  dayTo(i: number): number {
    const range = this.ranges.get(i) as number;
    return Math.floor(range / DAY_SLOT) + (range % DAY_SLOT);
  }

  /** Draws day i's keyed instants (once: a drawn day is kept), ordered as generateDay orders the rows. */
  draw(cal: Calendar, specials: Specials, i: number): void {
    if (this.has(i)) return;
    const from = this.length;
    drawDay(this.plan, cal, specials, i, this.fixtures, this);
    const to = this.length;
    if (to - from >= DAY_SLOT) throw new RangeError(`user ${this.plan.userId} has more than ${DAY_SLOT - 1} heartbeats on one day`);
    this.ranges.set(i, from * DAY_SLOT + (to - from));
    const { times } = this;
    for (let r = from + 1; r < to; r++) {
      if ((times[r] as number) < (times[r - 1] as number)) {
        this.sortDay(from, to);
        return;
      }
    }
  }

  /** Which of the table's keys `keep` keeps (1) or not (0), asked once per key. */
  kept(keep: KeyFilter): readonly number[] {
    if (keep !== this.lastKeep) {
      if (this.lastKeep !== null) {
        this.keptBy ??= new Map();
        this.keptBy.set(this.lastKeep, this.lastKept);
      }
      this.lastKept = this.keptBy?.get(keep) ?? [];
      this.lastKeep = keep;
    }
    const flags = this.lastKept;
    // Keys drawn since the last read are asked now.
    for (let key = flags.length; key < this.table.length; key++) flags.push(keep(this.table[key] as SentKeys) ? 1 : 0);
    return flags;
  }

  /** Bytes the kept instants and keys hold, roughly. */
  get bytes(): number {
    return this.times.byteLength + this.keys.byteLength + 40 * this.ranges.size + 80 * this.table.length + 400;
  }

  run(setup: Setup, times: readonly number[], count: number): void {
    this.setup = setup;
    this.runTimes = times;
    const needed = this.length + count;
    if (needed > this.times.length) {
      const [grownTimes, grownKeys] = columnsOf(Math.max(needed, this.times.length * 2));
      grownTimes.set(this.times);
      grownKeys.set(this.keys);
      // Nothing else holds the old room: every read takes the columns after drawing.
      if (this.times.length === FIRST_ROOM && spareRooms.length < SPARE_ROOMS_KEPT) spareRooms.push([this.times, this.keys]);
      this.times = grownTimes;
      this.keys = grownKeys;
    }
  }

  segment(category: string, categoryIndex: number, project: ProfileProject | null, from: number, count: number): void {
    const key = this.keyOf(category, categoryIndex, project);
    const { times, keys, runTimes } = this;
    let at = this.length;
    for (let r = from; r < from + count; r++, at++) {
      times[at] = (runTimes[r] as number) / 1000;
      keys[at] = key;
    }
    this.length = at;
  }

  /** The key of (the run's setup, a category, a project), found by their indices, made on first sight. */
  private keyOf(category: string, categoryIndex: number, project: ProfileProject | null): number {
    const setup = this.setup as Setup;
    const projects = this.plan.profile.projects.length;
    const slot = (setup.index * this.categoryCount + categoryIndex) * (projects + 1) + (project === null ? projects : project.index);
    const known = this.slots.indexOf(slot);
    if (known !== -1) return known;
    const editor = category === 'browsing' ? setup.browserEditor : setup.editor;
    this.table.push({ category, editor, project: project?.name ?? null, setup });
    this.slots.push(slot);
    return this.table.length - 1;
  }

  /** Orders a day's instants by time, ties in the order drawn (generateDay's stable sort). */
  private sortDay(from: number, to: number): void {
    // The live session or the test entry fell among the sessions.
    const order = Array.from({ length: to - from }, (_, r) => from + r).sort(
      (a, b) => (this.times[a] as number) - (this.times[b] as number) || a - b,
    );
    const times = Float64Array.from(order, (r) => this.times[r] as number);
    const keys = Uint16Array.from(order, (r) => this.keys[r] as number);
    this.times.set(times, from);
    this.keys.set(keys, from);
  }
}
