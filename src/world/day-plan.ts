/**
 * @module
 * When a user codes, one local day at a time, as a pure function of (seed, user, day). Each day
 * draws its sessions from its own stream, so planning day D never needs day D-1's heartbeats.
 *
 * Why days never overlap: an ordinary session starts between 08:00 and 26:00 of its local day (the
 * profile's hour windows) and is cut at 06:00 of the next day, so the rows of day D all come before
 * those of day D+1. The special sessions of the last days (a leaderboard-visible role's recent
 * session, which may start at any hour) are pushed past the end of the previous day's last session,
 * which is itself a pure function of that day's plan. A session belongs to the day it starts in.
 */
import type { ActivityProfile } from './activity-profile.js';
import { Random } from './random.js';
import { dateOfEpochDay } from './time-zone.js';
import { type ZoneOffsets, zoneOffsetsOver } from './zone-offsets.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Ordinary sessions end by this long after the next local midnight. */
const SPILL_LIMIT = 6 * HOUR;

/** Everything about one user's history that does not depend on the day: cheap, made up front. */
export interface UserPlan {
  userId: number;
  zone: string;
  profile: ActivityProfile;
  /** The world's root stream; each day forks its own streams from it by label. */
  root: Random;
  now: number;
  days: number;
  /** Each of the last N local days (today included) gets a session of at least 40 minutes. */
  forcedDays: number;
  /** Adds a session starting within this many hours before `now` (leaderboard-visible users). */
  recentWithinHours: number | null;
  /** A session whose last heartbeat is exactly this instant, in `project`. */
  live: { lastHeartbeatAt: number; project: string | null } | null;
  /** Adds one `test.txt` heartbeat (source_type test_entry) at this instant. */
  testEntryAt: number | null;
  aiModel: string;
  aiPlan: string | null;
}

export interface Session {
  start: number;
  end: number;
  forced: boolean;
}

/**
 * A user's calendar: the last `days` local days up to `now`'s, in `zone`. Day i's start is what
 * `startOfLocalDay` gives, read off the zone's offsets found once over the span
 * (zone-offsets.ts, about a hundred time-zone look-ups for a year), and worked out when first
 * asked for: a read of a week asks for a few of a year's starts. Dates are the process's shared
 * strings (`dateOfEpochDay`).
 * @example
 * const cal = new Calendar(Date.parse('2026-08-22T18:30:00Z'), 365, 'Asia/Kolkata');
 * cal.date(364); // '2026-08-23', today there
 */
export class Calendar {
  readonly days: number;
  /** Day 0's date as days since 1970-01-01 (day i's is this plus i). */
  readonly firstEpochDay: number;
  private readonly offsets: ZoneOffsets;
  /** Day i's start once worked out (-Infinity before: never a start, and equal to itself, unlike NaN). */
  private readonly starts: Float64Array;

  constructor(now: number, days: number, zone: string) {
    // The starts reach a day and 26 hours either side of the days' UTC midnights.
    this.offsets = zoneOffsetsOver(zone, now - (days + 4) * DAY, now + 4 * DAY);
    this.days = days;
    this.firstEpochDay = this.offsets.localDay(now) / DAY - (days - 1);
    this.starts = new Float64Array(days + 1).fill(Number.NEGATIVE_INFINITY);
  }

  /** Day i's date; the last day (`days - 1`) is today. */
  date(i: number): string {
    return dateOfEpochDay(this.firstEpochDay + i);
  }

  /** When day i begins; `start(days)` is when tomorrow does. */
  start(i: number): number {
    let start = this.starts[i] as number;
    if (start === Number.NEGATIVE_INFINITY) {
      start = this.offsets.startOfDay((this.firstEpochDay + i) * DAY);
      this.starts[i] = start;
    }
    return start;
  }
}

/**
 * The calendar of the last `days` local days up to `now`'s, in `zone`.
 * @example
 * calendar(Date.parse('2026-08-22T18:30:00Z'), 30, 'America/New_York').start(29);
 */
export function calendar(now: number, days: number, zone: string): Calendar {
  return new Calendar(now, days, zone);
}

/** The day index holding `instant` (-1 before the first day, `days` from tomorrow on). */
export function dayIndexOf(cal: Calendar, instant: number): number {
  let lo = 0;
  let hi = cal.days + 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cal.start(mid) <= instant) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Sorts by start and pushes each session to start at least 5 minutes after the one before. */
function separate(sessions: Session[], previousEnd: number, rng: Random): void {
  // An insertion sort (stable, as Array#sort): a day has one to four sessions, and this allocates nothing.
  for (let k = 1; k < sessions.length; k++) {
    const session = sessions[k] as Session;
    let j = k - 1;
    while (j >= 0 && (sessions[j] as Session).start > session.start) {
      sessions[j + 1] = sessions[j] as Session;
      j--;
    }
    sessions[j + 1] = session;
  }
  let end = previousEnd;
  for (let k = 0; k < sessions.length; k++) {
    const session = sessions[k] as Session;
    if (session.start < end + 5 * MINUTE) {
      const length = session.end - session.start;
      session.start = end + rng.int(10, 40) * MINUTE;
      session.end = session.start + length;
    }
    end = session.end;
  }
}

/** A day without sessions (shared: nobody changes a day's list of sessions). */
const NO_SESSIONS: readonly Session[] = Object.freeze([]);
/** When a forced session may start. */
const FORCED_HOURS: readonly [number, number] = [8, 20];

/** The stream of the day whose sessions are being drawn (drawing sessions is never nested). */
const sessionsRng = new Random(0);

/** Day i's own sessions, from its own stream only. */
function ordinarySessions(plan: UserPlan, cal: Calendar, i: number): readonly Session[] {
  const rng = plan.root.reseedDay(sessionsRng, 'sessions:', plan.userId, cal.date(i));
  const { profile } = plan;
  const dayStart = cal.start(i);
  const forced = i >= plan.days - plan.forcedDays;
  const day = cal.firstEpochDay + i;
  // 1970-01-01 was a Thursday: day % 7 is 2 on Saturdays and 3 on Sundays.
  const weekend = day % 7 === 2 || day % 7 === 3;
  const chance = Math.min(0.97, profile.activeDayChance * (weekend ? profile.weekendFactor : 1));
  let onBreak = false;
  for (let k = 0; k < profile.breaks.length; k++) {
    const b = profile.breaks[k] as { from: number; to: number };
    if (day >= b.from && day < b.to) onBreak = true;
  }
  if (!forced && (onBreak || !rng.chance(chance))) return NO_SESSIONS;
  const sessions: Session[] = [];
  let count = 1;
  if (rng.chance(profile.extraSessionChance)) count++;
  if (rng.chance(profile.extraSessionChance / 3)) count++;
  for (let k = 0; k < count; k++) {
    const mustCount = forced && k === 0;
    // A forced session starts by 20:00 so that a late live session never swallows it.
    const hours = mustCount ? FORCED_HOURS : rng.weighted(profile.hours);
    const start = dayStart + Math.round(rng.float(hours[0], hours[1]) * HOUR);
    let minutes = rng.gaussian(profile.meanSessionMinutes, profile.meanSessionMinutes / 2, 12, 170);
    if (mustCount) minutes = Math.max(minutes, 40);
    sessions.push({ start, end: start + Math.round(minutes * MINUTE), forced: mustCount });
  }
  separate(sessions, Number.NEGATIVE_INFINITY, rng);
  // Sessions too close to the spill limit are dropped, the others cut at it (each object is this call's own).
  const limit = cal.start(i + 1) + SPILL_LIMIT;
  let kept = 0;
  for (let k = 0; k < sessions.length; k++) {
    const session = sessions[k] as Session;
    if (session.start >= limit - 12 * MINUTE) continue;
    session.end = Math.min(session.end, limit);
    sessions[kept++] = session;
  }
  sessions.length = kept;
  return sessions;
}

/** The start of the recent session a leaderboard-visible role gets, and its length. */
function recentSession(plan: UserPlan): Session | null {
  if (plan.recentWithinHours === null) return null;
  const rng = plan.root.fork(`recent:${plan.userId}`);
  const start = plan.now - Math.round(rng.float(1.5, plan.recentWithinHours) * HOUR);
  return { start, end: start + rng.int(30, 60) * MINUTE, forced: true };
}

function lastEnd(sessions: readonly Session[]): number {
  return sessions.reduce((end, s) => Math.max(end, s.end), Number.NEGATIVE_INFINITY);
}

/**
 * Day i's sessions, the special ones it owns included, ascending and apart from each other and
 * from the previous day's.
 */
export function sessionsOf(plan: UserPlan, cal: Calendar, i: number): readonly Session[] {
  const sessions = ordinarySessions(plan, cal, i);
  const recent = recentSession(plan);
  if (!recent || dayIndexOf(cal, recent.start) !== i) return sessions;
  // The previous day may have spilled past midnight: start after its last session.
  const previous = i > 0 ? lastEnd(ordinarySessions(plan, cal, i - 1)) : Number.NEGATIVE_INFINITY;
  separate([...sessions, recent], previous, plan.root.forkDay('separate:', plan.userId, cal.date(i)));
  return [...sessions, recent].sort((a, b) => a.start - b.start);
}

/** The end of day i's last session: how far its rows can reach into the next day. */
export function lastEndOf(plan: UserPlan, cal: Calendar, i: number): number {
  return i < 0 ? Number.NEGATIVE_INFINITY : lastEnd(sessionsOf(plan, cal, i));
}
