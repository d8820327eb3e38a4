/**
 * @module
 * A zone's UTC offsets over a span of time, found once: the offset is asked of Intl once a week
 * across the span, and where two answers differ the second it changed is searched for. Within
 * the span, a local day's start or an instant's local date is then arithmetic, with the very
 * answers of `startOfLocalDay` and `localDate` (time-zone.ts), which cost Intl look-ups each.
 * A year of a user's calendar so costs about a hundred look-ups instead of a few per day.
 *
 * The one assumption: a zone does not change its offset and change it back within a week (the
 * shortest-lived offsets of the IANA database, the Ramadan suspensions of DST in Morocco and
 * Palestine, last about a month). Instants outside the span are asked of Intl.
 */
import { offsetSeconds, parseDate } from './time-zone.js';

const SECOND = 1000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
/** How far apart the offsets are sampled. */
const STEP = 7 * DAY;

/**
 * The offsets of one zone between two instants.
 * @example
 * const offsets = new ZoneOffsets('America/New_York', Date.parse('2026-01-01'), Date.parse('2027-01-01'));
 * offsets.startOfDay(Date.UTC(2026, 2, 8)); // Date.parse('2026-03-08T05:00:00Z'), as startOfLocalDay says
 */
export class ZoneOffsets {
  private readonly from: number;
  private readonly to: number;
  /** Instants (whole seconds, ascending) at which the offset changes. */
  private readonly changes: number[] = [];
  /** `offsets[k]` (seconds) holds before `changes[k]` and from `changes[k - 1]` on. */
  private readonly offsets: number[];

  constructor(
    private readonly zone: string,
    from: number,
    to: number,
  ) {
    this.from = Math.floor(from / SECOND) * SECOND;
    let at = this.from;
    let offset = offsetSeconds(at, zone);
    this.offsets = [offset];
    while (at < to) {
      const next = Math.min(at + STEP, Math.ceil(to / SECOND) * SECOND);
      const nextOffset = offsetSeconds(next, zone);
      if (nextOffset !== offset) this.findChanges(at, offset, next, nextOffset);
      at = next;
      offset = nextOffset;
    }
    this.to = at;
  }

  /** Records every change between `a` (offset `offA`) and `b` (offset `offB`), whole seconds. */
  private findChanges(a: number, offA: number, b: number, offB: number): void {
    let lo = a;
    let hi = b;
    // The first second whose offset is no longer `offA`.
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
      if (offsetSeconds(mid, this.zone) === offA) lo = mid;
      else hi = mid;
    }
    const offset = offsetSeconds(hi, this.zone);
    this.changes.push(hi);
    this.offsets.push(offset);
    // Two changes between samples (never seen in a week, but cheap to honour).
    if (offset !== offB) this.findChanges(hi, offset, b, offB);
  }

  /** Whether the span holds every instant from `a` through `b`. */
  covers(a: number, b: number): boolean {
    return a >= this.from && b <= this.to;
  }

  /** The offset at an instant in seconds, as `offsetSeconds` gives it. */
  offsetAt(instant: number): number {
    if (instant < this.from || instant > this.to) return offsetSeconds(instant, this.zone);
    let k = 0;
    while (k < this.changes.length && instant >= (this.changes[k] as number)) k++;
    return this.offsets[k] as number;
  }

  /** Whether the offset is the same from `a` through `b`, as far as the span tells. */
  private unchanged(a: number, b: number): boolean {
    if (a < this.from || b > this.to) return false;
    for (const change of this.changes) if (change > a && change <= b) return false;
    return true;
  }

  /** The local wall time of an instant, to the second, as epoch ms of the same UTC wall time. */
  private local(instant: number): number {
    return Math.floor(instant / SECOND) * SECOND + this.offsetAt(instant) * SECOND;
  }

  /** The UTC midnight of the local date of `instant` (`localDate`, as a number). */
  localDay(instant: number): number {
    return Math.floor(this.local(instant) / DAY) * DAY;
  }

  /**
   * The first instant of the local day whose date is `utcMidnight`'s: `startOfLocalDay`'s answer,
   * by its steps (local midnight by the offsets a day either side and on the day, the earliest that
   * is one; else the first second of the day after a gap).
   */
  startOfDay(utcMidnight: number): number {
    // No change within a day either side and a whole-minute offset: every candidate is local midnight.
    const before = this.offsetAt(utcMidnight - DAY);
    if (before % 60 === 0 && this.unchanged(utcMidnight - DAY, utcMidnight + DAY)) return utcMidnight - before * SECOND;
    const minutes = (at: number) => Math.round(this.offsetAt(at) / 60) * 60_000;
    const candidates = [
      utcMidnight - minutes(utcMidnight - DAY),
      utcMidnight - minutes(utcMidnight + DAY),
      utcMidnight - minutes(utcMidnight),
    ].sort((a, b) => a - b);
    for (const candidate of candidates) if (this.local(candidate) === utcMidnight) return candidate;
    let lo = utcMidnight - 26 * HOUR;
    let hi = utcMidnight + 26 * HOUR;
    while (hi - lo > SECOND) {
      const mid = lo + Math.floor((hi - lo) / (2 * SECOND)) * SECOND;
      if (this.local(mid) < utcMidnight) lo = mid;
      else hi = mid;
    }
    return hi;
  }
}

/**
 * Tables made so far, one per zone and UTC year (padded by a few days each side): facts about
 * zones, the same for every world and mock, so kept for the process (a bounded number).
 */
const YEAR_TABLES = new Map<string, ZoneOffsets>();
const YEAR_TABLES_KEPT = 1024;
const PAD = 3 * DAY;

/**
 * Tables of the spans calendars asked for (day-plan.ts), by zone: a user's calendar finds its
 * zone's offsets over its whole history, and the reads of that history (local dates, day starts)
 * use that table rather than find the same offsets again for each UTC year.
 */
const SPAN_TABLES = new Map<string, ZoneOffsets[]>();
const SPAN_TABLES_KEPT = 1024;
let spanTableCount = 0;

/**
 * The offsets of `zone` from `from` to `to`, kept for the process like the year tables: what a
 * calendar of local days is made from.
 * @example
 * const offsets = zoneOffsetsOver('Asia/Kolkata', Date.parse('2025-08-18'), Date.parse('2026-08-26'));
 */
export function zoneOffsetsOver(zone: string, from: number, to: number): ZoneOffsets {
  // Another world's calendar (a reset, a second mock) may have found these offsets already.
  const known = SPAN_TABLES.get(zone)?.find((t) => t.covers(from, to));
  if (known) return known;
  const table = new ZoneOffsets(zone, from, to);
  if (spanTableCount >= SPAN_TABLES_KEPT) {
    SPAN_TABLES.clear();
    spanTableCount = 0;
  }
  const tables = SPAN_TABLES.get(zone);
  if (tables) tables.push(table);
  else SPAN_TABLES.set(zone, [table]);
  spanTableCount++;
  return table;
}

/** The table last handed out: reads walk one zone's days in order, and it holds the next day too. */
let lastTable: { zone: string; table: ZoneOffsets } | null = null;

function tableFor(zone: string, instant: number): ZoneOffsets {
  if (lastTable !== null && lastTable.zone === zone && lastTable.table.covers(instant - PAD, instant + PAD)) return lastTable.table;
  const table = findTable(zone, instant);
  lastTable = { zone, table };
  return table;
}

function findTable(zone: string, instant: number): ZoneOffsets {
  const year = new Date(instant).getUTCFullYear();
  const key = `${year} ${zone}`;
  let table = YEAR_TABLES.get(key);
  if (table) return table;
  // A calendar's table holding the instant with the same padding answers as the year's would.
  const span = SPAN_TABLES.get(zone)?.find((t) => t.covers(instant - PAD, instant + PAD));
  if (span) return span;
  if (YEAR_TABLES.size >= YEAR_TABLES_KEPT) YEAR_TABLES.clear();
  table = new ZoneOffsets(zone, Date.UTC(year, 0, 1) - PAD, Date.UTC(year + 1, 0, 1) + PAD);
  YEAR_TABLES.set(key, table);
  return table;
}

const startOfDay = (zone: string, utcMidnight: number) => tableFor(zone, utcMidnight).startOfDay(utcMidnight);

/**
 * `startOfLocalDay` (time-zone.ts) by the zone's offset tables: the same instant, without Intl
 * once the zone's year is known.
 * @example
 * localDayStart('2026-03-08', 'America/New_York') // Date.parse('2026-03-08T05:00:00Z')
 */
export function localDayStart(date: string, zone: string): number {
  const { year, month, day } = parseDate(date);
  return startOfDay(zone, Date.UTC(year, month - 1, day));
}

/**
 * `localDayStart` of the date whose UTC midnight is `utcMidnight` (epoch ms): for walking days
 * by number without writing and parsing each date.
 * @example
 * localDayStartAt(Date.UTC(2026, 2, 8), 'America/New_York') // Date.parse('2026-03-08T05:00:00Z')
 */
export function localDayStartAt(utcMidnight: number, zone: string): number {
  return startOfDay(zone, utcMidnight);
}

/** The first instant of the local day after `date` (`endOfLocalDay`), by the zone's offset tables. */
export function localDayEnd(date: string, zone: string): number {
  const { year, month, day } = parseDate(date);
  return startOfDay(zone, Date.UTC(year, month - 1, day) + DAY);
}

/**
 * A fast `instant → local date` function for one zone, for walking sorted heartbeats: it
 * remembers the current day's bounds and reads the zone's offset tables when an instant leaves
 * them (the answers of `localDate`, time-zone.ts).
 * @example
 * const dateOf = localDater('America/New_York');
 * dateOf(Date.parse('2026-08-22T03:30:00Z')) // '2026-08-21'
 */
export function localDater(zone: string): (instantMs: number) => string {
  let start = Number.POSITIVE_INFINITY;
  let end = Number.NEGATIVE_INFINITY;
  let current = '';
  return (instantMs: number): string => {
    if (instantMs >= start && instantMs < end) return current;
    const midnight = tableFor(zone, instantMs).localDay(instantMs);
    current = new Date(midnight).toISOString().slice(0, 10);
    start = startOfDay(zone, midnight);
    end = startOfDay(zone, midnight + DAY);
    return current;
  };
}
