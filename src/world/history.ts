/**
 * @module
 * The generated heartbeat history, made lazily: a user-day is generated the first time a read
 * needs it, kept as columns in a cache bounded by bytes (least recently used out first), and
 * generated again, identically, when it is needed after eviction. Nothing here depends on the
 * order of reads.
 *
 * Ids: the heartbeat at index k (0-based, ascending by time) of a user's local day D gets
 * `((dayNumber(D) * 2^20) + userId) * 2^12 + k`, where dayNumber is days since 1970-01-01. So a
 * user's ids increase with time, across days too, without a pass over the world; 2^20 users and
 * 2^12 rows a day are more than generation makes (under 2,100: three 170-minute sessions, the
 * recent and the live one, a heartbeat every 20 s at the most), and the largest id of
 * this millennium stays under 2^53. Posted heartbeats are numbered from the history's `idCeiling`.
 */

import { generateDay } from './activity.js';
import { DayBuilder, type DayColumns, dayBytes, dayLowerBound, dayUpperBound, materialise } from './day-columns.js';
import { type KeyFilter, type SentKeys, UserKeys } from './day-keys.js';
import { type Calendar, calendar, dayIndexOf, lastEndOf, type UserPlan } from './day-plan.js';
import { totalSecondsOfTimes } from './durations.js';
import type { WorldFixtures } from './fixtures.js';
import { ByteLru } from './lru.js';
import { type DaySlice, Interner, type SentFrom } from './row-view.js';
import { QUIET_BEFORE_NOW_MS, type Specials, specialsOf } from './skeleton.js';
import { sliceWindow, type TimeWindow } from './sorted.js';
import type { Heartbeat, History } from './types.js';

const ROWS_PER_DAY = 2 ** 12;
const MAX_USER_ID = 2 ** 20 - 1;
const DAY_MS = 86_400_000;

/**
 * Plans kept made (about 18 KB each): a read over every user of a large world makes each plan
 * again rather than holding them all; a plan made again is the same plan.
 */
const PLANS_KEPT = 2048;

/** A cache of about 64 MB: a default world's whole year of columns with room to spare. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;

/** What a user's keyed instants cost the cache (one function: equal worlds hold equal caches). */
const userKeysBytes = (keyed: UserKeys): number => keyed.bytes;

/** What a user without a history sent: no rows. */
function nothingSent(): SentFrom {
  const none = () => ({ ids: new Uint32Array(0), values: [] });
  return { times: new Float64Array(0), ids: new Float64Array(0), ip: none(), machine: none(), userAgent: none() };
}

/** The id of row 0 of a user's local day, the day given as days since 1970-01-01. */
function firstIdOf(dayNumber: number, userId: number): number {
  return (dayNumber * (MAX_USER_ID + 1) + userId) * ROWS_PER_DAY;
}

interface UserDays {
  plan: UserPlan;
  cal: Calendar;
  specials: Specials;
}

/** A history whose rows are generated days' columns, which a row view can read without rows. */
export interface ColumnHistory extends History {
  /** The rows of {@link History.between} as ranges of day columns. */
  daySlices(userId: number, window: Partial<TimeWindow>): DaySlice[];
  /**
   * A user's generated rows as the admin analytics read them, from the keyed instants and the
   * setups they were sent from (no row details drawn).
   */
  sentFrom(userId: number): SentFrom;
}

/** Whether a history can hand out its days' columns (a generated one can; fixed rows cannot). */
export const hasDaySlices = (history: History): history is ColumnHistory => 'daySlices' in history;

/**
 * The generated history of a world: per-user plans in, rows out.
 * @example
 * const history = new GeneratedHistory(plans, { now, maxUserId: 12, live: new Map() }, fixtures);
 * history.between(1, { from: now / 1000 - 3600 });
 */
export class GeneratedHistory implements ColumnHistory {
  readonly idCeiling: number;
  private readonly users = new Map<number, UserDays>();
  /** Users share time zones, and a calendar costs a few hundred time-zone look-ups. */
  private readonly calendars = new Map<string, Calendar>();
  private readonly cache: ByteLru<DayColumns>;
  /**
   * Users' keyed instants, of the days drawn so far. A day's are a tenth of its columns: a quarter
   * of the budget holds many more days.
   */
  private readonly keyCache: ByteLru<UserKeys>;
  /** Where a read's kept instants are gathered (its buffer only grows). */
  private keptScratch = new Float64Array(4096);
  /** Where each day's rows are written before they are laid out as the cached columns. */
  private readonly dayBuilder = new DayBuilder();

  /**
   * @param plans a user's plan, made when its history is first read (undefined: no history)
   * @param world the instant histories end at and the largest user id
   */
  constructor(
    private readonly plans: { of(userId: number): UserPlan | undefined },
    world: {
      now: number;
      maxUserId: number;
      /** The last heartbeat instant of each user hacking now; every other user's rows end 10 minutes before now. */
      live: ReadonlyMap<number, number>;
    },
    private readonly fixtures: WorldFixtures,
    cacheBytes = DEFAULT_CACHE_BYTES,
  ) {
    this.cache = new ByteLru(cacheBytes, dayBytes);
    this.keyCache = new ByteLru(cacheBytes / 4, userKeysBytes);
    if (world.maxUserId > MAX_USER_ID) throw new RangeError(`user ids stop at ${MAX_USER_ID}`);
    // A local date is at most one day ahead of the UTC date.
    this.idCeiling = (Math.floor(world.now / DAY_MS) + 2) * (MAX_USER_ID + 1) * ROWS_PER_DAY;
    this.quietFrom = world.now - QUIET_BEFORE_NOW_MS;
    this.live = world.live;
    this.maxUserId = world.maxUserId;
  }

  private readonly quietFrom: number;
  private readonly live: ReadonlyMap<number, number>;
  private readonly maxUserId: number;

  /**
   * No ordinary session, recent session or test entry runs past {@link QUIET_BEFORE_NOW_MS} before
   * now (skeleton.ts, `specialsOf`): after that only the live sessions have rows, each ending at
   * its last heartbeat.
   */
  usersAfter(instant: number): number[] {
    if (instant * 1000 < this.quietFrom) return Array.from({ length: this.maxUserId }, (_, i) => i + 1);
    return [...this.live]
      .filter(([, last]) => last > instant * 1000)
      .map(([userId]) => userId)
      .sort((a, b) => a - b);
  }

  between(userId: number, window: Partial<TimeWindow>): Heartbeat[] {
    const out: Heartbeat[] = [];
    for (const { day, from, to, firstId } of this.daySlices(userId, window)) materialise(day, userId, firstId, from, to, out);
    return out;
  }

  /** The rows of each generated day inside a window, as ranges of its columns. */
  daySlices(userId: number, window: Partial<TimeWindow>): DaySlice[] {
    const days = this.userDays(userId);
    const out: DaySlice[] = [];
    if (!days) return out;
    const { cal, plan } = days;
    // Day D's rows lie in [start of D, start of D + 2): a window can only reach into those days.
    const first = window.from === undefined ? 0 : Math.max(0, dayIndexOf(cal, window.from * 1000) - 1);
    const last = window.to === undefined ? plan.days - 1 : Math.min(plan.days - 1, dayIndexOf(cal, window.to * 1000));
    for (let i = first; i <= last; i++) {
      const day = this.day(days, i);
      const from = window.from === undefined ? 0 : dayLowerBound(day, window.from);
      let to = day.length;
      if (window.to !== undefined) to = window.toExclusive ? dayLowerBound(day, window.to) : dayUpperBound(day, window.to);
      if (from < to) out.push({ day, from, to, firstId: firstIdOf(cal.firstEpochDay + i, userId) });
    }
    return out;
  }

  private userDays(userId: number): UserDays | undefined {
    let days = this.users.get(userId);
    if (days) {
      // Map order is the recency order: a hit moves to the back.
      this.users.delete(userId);
      this.users.set(userId, days);
    } else {
      const plan = this.plans.of(userId);
      if (!plan) return undefined;
      let cal = this.calendars.get(plan.zone);
      if (!cal) {
        cal = calendar(plan.now, plan.days, plan.zone);
        this.calendars.set(plan.zone, cal);
      }
      days = { plan, cal, specials: specialsOf(plan, cal) };
      this.users.set(userId, days);
      if (this.users.size > PLANS_KEPT) this.users.delete(this.users.keys().next().value as number);
    }
    return days;
  }

  private day(days: UserDays, i: number): DayColumns {
    const key = days.plan.userId * 4096 + i;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const day = generateDay(days.plan, days.cal, days.specials, i, this.fixtures, this.dayBuilder);
    if (day.length > ROWS_PER_DAY) throw new RangeError(`user ${days.plan.userId} has more than ${ROWS_PER_DAY} heartbeats on one day`);
    return this.cache.set(key, day);
  }

  /** The user's keyed instants, of the days drawn so far (none yet when the cache let them go). */
  private keyedOf(days: UserDays): UserKeys {
    return this.keyCache.get(days.plan.userId) ?? new UserKeys(days.plan, this.fixtures);
  }

  /**
   * Draws day i's keyed instants unless drawn; does not (false) when the read wants only those
   * from `needFrom` on and the day's sessions all end before it.
   */
  private drawKeyed(days: UserDays, keyed: UserKeys, i: number, needFrom: number | null): boolean {
    if (keyed.has(i)) return true;
    if (needFrom !== null && this.endsBefore(days, i, needFrom)) return false;
    keyed.draw(days.cal, days.specials, i);
    return true;
  }

  /** Whether every row of day i comes before `instant`, found from its sessions without its rows. */
  private endsBefore(days: UserDays, i: number, instant: number): boolean {
    const { plan, cal, specials } = days;
    return specials.testEntryDay !== i && specials.liveDay !== i && lastEndOf(plan, cal, i) < instant;
  }

  /**
   * Every generated row of a user with where it was sent from, read off the keyed instants: a row's
   * address is its setup's unless the row was imported from WakAPI (before `importedBefore`; the
   * test entry, a day or two old, never is), its machine the setup's unless it is a browsing row,
   * its user agent the setup's editor or browser one (activity.ts, `baseRow` and the two kinds).
   */
  sentFrom(userId: number): SentFrom {
    const days = this.userDays(userId);
    if (!days) return nothingSent();
    const keyed = this.keyedOf(days);
    let n = 0;
    for (let i = 0; i < days.plan.days; i++) {
      this.drawKeyed(days, keyed, i, null);
      n += keyed.dayTo(i) - keyed.dayFrom(i);
    }
    this.keyCache.set(userId, keyed);
    const { importedBefore } = days.plan.profile;
    const times = new Float64Array(n);
    const ids = new Float64Array(n);
    const columns = { ip: new Interner(), machine: new Interner(), userAgent: new Interner() };
    const ipIds = new Uint32Array(n);
    const machineIds = new Uint32Array(n);
    const agentIds = new Uint32Array(n);
    let r = 0;
    for (let i = 0; i < days.plan.days; i++) {
      const end = keyed.dayTo(i);
      for (let k = keyed.dayFrom(i), id = firstIdOf(days.cal.firstEpochDay + i, userId); k < end; k++, r++, id++) {
        const time = keyed.times[k] as number;
        times[r] = time;
        ids[r] = id;
        const { setup, category } = keyed.table[keyed.keys[k] as number] as SentKeys;
        const browsing = category === 'browsing';
        // The instant in whole milliseconds, as generation compared it.
        const imported = importedBefore !== null && Math.round(time * 1000) < importedBefore;
        ipIds[r] = columns.ip.id(imported ? null : setup.ipAddress);
        machineIds[r] = columns.machine.id(browsing ? null : setup.machine);
        agentIds[r] = columns.userAgent.id(browsing ? setup.browserUserAgent : setup.userAgent);
      }
    }
    return {
      times,
      ids,
      ip: { ids: ipIds, values: columns.ip.values },
      machine: { ids: machineIds, values: columns.machine.values },
      userAgent: { ids: agentIds, values: columns.userAgent.values },
    };
  }

  keyedTimes(userId: number, window: TimeWindow, keep: KeyFilter): number[] {
    // Gathered first: gathering may replace the buffer.
    const count = this.gatherKept(userId, window, keep);
    return Array.from(this.keptScratch.subarray(0, count));
  }

  keyedSeconds(userId: number, window: TimeWindow, keep: KeyFilter): number {
    const count = this.gatherKept(userId, window, keep);
    return totalSecondsOfTimes(this.keptScratch, count);
  }

  /** Gathers into `keptScratch` the instants inside `window` whose keys `keep` keeps; returns how many. */
  private gatherKept(userId: number, window: TimeWindow, keep: KeyFilter): number {
    const days = this.userDays(userId);
    if (!days) return 0;
    const { cal, plan } = days;
    const keyed = this.keyedOf(days);
    const first = Math.max(0, dayIndexOf(cal, window.from * 1000) - 1);
    const last = Math.min(plan.days - 1, dayIndexOf(cal, window.to * 1000));
    const from = window.from * 1000;
    let n = 0;
    for (let i = first; i <= last; i++) {
      // The day before the window's first reaches into it only if a session runs past its midnight.
      if (this.drawKeyed(days, keyed, i, i === first && cal.start(i + 1) <= from ? from : null)) {
        n += keyed.dayTo(i) - keyed.dayFrom(i);
      }
    }
    if (n > this.keptScratch.length) this.keptScratch = new Float64Array(Math.max(n, 2 * this.keptScratch.length));
    this.keyCache.set(userId, keyed);
    const { times, keys } = keyed;
    const kept = keyed.kept(keep);
    const out = this.keptScratch;
    const exclusive = window.toExclusive === true;
    let count = 0;
    for (let i = first; i <= last; i++) {
      if (!keyed.has(i)) continue;
      const end = keyed.dayTo(i);
      for (let r = keyed.dayFrom(i); r < end; r++) {
        const time = times[r] as number;
        if (time < window.from || time > window.to || (exclusive && time === window.to)) continue;
        if (kept[keys[r] as number] === 1) out[count++] = time;
      }
    }
    return count;
  }
}

/**
 * A history of fixed rows (hand-built worlds in tests and tools).
 * @example
 * const history = fixedHistory(new Map([[1, [row]]]));
 */
export function fixedHistory(rows: ReadonlyMap<number, readonly Heartbeat[]>): History {
  let maxId = 0;
  for (const list of rows.values()) for (const row of list) maxId = Math.max(maxId, row.id);
  return {
    idCeiling: maxId + 1,
    between: (userId, window) => sliceWindow(rows.get(userId) ?? [], window),
  };
}
