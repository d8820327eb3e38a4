/**
 * @module
 * The skeleton of a user-day: each heartbeat's instant, category, project and setup (editor,
 * machine, OS), drawn from streams of their own — `times:` and `segments:` forked by (user, day)
 * — apart from the row details (files, branches, line numbers, AI telemetry) that activity.ts
 * draws from the `heartbeats:` stream afterwards. So a read that needs only the instants and
 * those keys (the leaderboards) gets them without making the rows, and the figures it gets are
 * exactly those of the rows.
 */
import type { ProfileProject, Setup } from './activity-profile.js';
import { type Calendar, dayIndexOf, lastEndOf, type Session, sessionsOf, type UserPlan } from './day-plan.js';
import { perFixtures, type WorldFixtures } from './fixtures.js';
import { Random, type Weighted } from './random.js';

const MINUTE = 60_000;

/** No row but a live session's lies within this long before now. */
export const QUIET_BEFORE_NOW_MS = 10 * MINUTE;

/** What a user's days need to know of its special instants; computed once per user. */
export interface Specials {
  /** The live session's heartbeat instants (empty when the user is not live). */
  liveTimes: number[];
  /** No ordinary session runs past this instant. */
  cutoff: number;
  /** The day the live session starts in (-1 when none). */
  liveDay: number;
  /** The day whose rows hold the test entry (-1 when none). */
  testEntryDay: number;
}

/** What sent a run of heartbeats from one setup: a session, the live session or the test entry. */
export type RunKind = 'session' | 'test' | 'live';

/**
 * Heartbeat instants from `start` while not past `end`, written into `times` from its start (what
 * lies past them is left as it was); returns how many.
 */
function sessionTimes(start: number, end: number, rng: Random, allowPauses: boolean, times: number[]): number {
  let n = 0;
  let t = start + rng.int(0, 999);
  while (t <= end) {
    times[n++] = t;
    const pause = allowPauses && rng.chance(0.05);
    t += (pause ? rng.int(150, 900) : rng.int(20, 150)) * 1000 + rng.int(0, 999);
  }
  return n;
}

/**
 * The live session and the cut-off it imposes, and which days own the special rows.
 * @example
 * const specials = specialsOf(plan, calendar(plan.now, plan.days, plan.zone));
 */
export function specialsOf(plan: UserPlan, cal: Calendar): Specials {
  let liveTimes: number[] = [];
  let cutoff = plan.now - QUIET_BEFORE_NOW_MS;
  if (plan.live) {
    const rng = plan.root.fork(`live:${plan.userId}`);
    const last = plan.live.lastHeartbeatAt;
    const times: number[] = [];
    sessionTimes(last - rng.int(25, 90) * MINUTE, last, rng, false, times);
    // Shift the run so that its final heartbeat lands exactly on the requested instant.
    const shift = last - (times[times.length - 1] ?? last);
    liveTimes = times.length > 0 ? times.map((t) => t + shift) : [last];
    cutoff = (liveTimes[0] as number) - 10 * MINUTE;
  }
  let testEntryDay = -1;
  if (plan.testEntryAt !== null && plan.testEntryAt <= cutoff) {
    const day = dayIndexOf(cal, plan.testEntryAt);
    // Inside the previous day's spill past midnight, the row belongs to that day's rows.
    testEntryDay = day > 0 && plan.testEntryAt < lastEndOf(plan, cal, day - 1) ? day - 1 : day;
    if (testEntryDay >= plan.days) testEntryDay = -1;
  }
  const liveDay = liveTimes.length > 0 ? Math.max(0, dayIndexOf(cal, liveTimes[0] as number)) : -1;
  return { liveTimes, cutoff, liveDay, testEntryDay };
}

/**
 * Where a day's skeleton goes as it is drawn: `run` once per run (its setup drawn, its instants
 * known), then `segment` once per segment of that run, in order, the segments covering the run's
 * instants. The rows (activity.ts) and the keyed instants (day-keys.ts) take the same draws this
 * way, each as they are drawn.
 */
export interface SkeletonSink {
  /**
   * The run's instants are `times[0..count)`; they hold only during the run (a day's sessions
   * reuse one array).
   */
  run(setup: Setup, times: readonly number[], count: number, kind: RunKind): void;
  /**
   * The run's instants `from..from+count` are one segment: one category (with its index among
   * the fixtures' categories) and one project (null: browsing). A row starting a segment picks
   * its file afresh.
   */
  segment(category: string, categoryIndex: number, project: ProfileProject | null, from: number, count: number): void;
}

/** A category of the fixtures and where it sits among them. */
interface Category {
  name: string;
  index: number;
}

/** The fixtures' categories as weights, with or without AI coding, and coding's. */
const categoriesOf = perFixtures((fixtures) => {
  const all = fixtures.categories.map((c, index) => ({ value: { name: c.name, index } as Category, weight: c.weight }));
  const coding = all.find((c) => c.value.name === 'coding')?.value;
  if (!coding) throw new Error('the fixtures have no coding category');
  return { withAi: all, withoutAi: all.filter((c) => c.value.name !== 'ai coding'), coding };
});

function livesAt(project: ProfileProject, start: number): boolean {
  return (project.activeFrom === null || project.activeFrom <= start) && (project.activeTo === null || start < project.activeTo);
}

/** Each profile's lists of the projects alive together, by which are (bit k: project k). */
const alivePools = new WeakMap<readonly Weighted<ProfileProject>[], (readonly Weighted<ProfileProject>[] | undefined)[]>();

/** The projects alive at `start` (all of them when none is): the list itself when every one is. */
function aliveAt(projects: readonly Weighted<ProfileProject>[], start: number): readonly Weighted<ProfileProject>[] {
  if (projects.length > 30) {
    const alive = projects.filter((p) => livesAt(p.value, start));
    return alive.length === 0 ? projects : alive;
  }
  let mask = 0;
  for (let k = 0; k < projects.length; k++) if (livesAt((projects[k] as Weighted<ProfileProject>).value, start)) mask |= 1 << k;
  if (mask === 0 || mask === (1 << projects.length) - 1) return projects;
  // Sessions start among the same few sets of lives: each set is listed once, not per session.
  let pools = alivePools.get(projects);
  if (!pools) {
    pools = [];
    alivePools.set(projects, pools);
  }
  let pool = pools[mask];
  if (!pool) {
    pool = projects.filter((_, k) => (mask & (1 << k)) !== 0);
    pools[mask] = pool;
  }
  return pool;
}

function segments(
  plan: UserPlan,
  fixtures: WorldFixtures,
  rng: Random,
  times: readonly number[],
  count: number,
  fixedProject: ProfileProject | null,
  kind: RunKind,
  sink: SkeletonSink,
): void {
  const profile = plan.profile;
  // Sessions pick among the projects alive when they start (all of them when none is).
  const start = count > 0 ? (times[0] as number) : 0;
  const pool = aliveAt(profile.projects, start);
  let project = fixedProject ?? rng.weighted(pool);
  sink.run(rng.weighted(profile.setups), times, count, kind);
  const codingOnly = kind === 'live';
  const lists = categoriesOf(fixtures);
  const categories = profile.usesAi ? lists.withAi : lists.withoutAi;
  // Segment by segment: each draws its category, its length and perhaps a new project, and the
  // run's last one ends with the run.
  for (let r = 0; r < count; ) {
    const category = codingOnly ? lists.coding : rng.weighted(categories);
    const length = category.name === 'browsing' ? rng.int(2, 5) : rng.int(3, 14);
    if (!fixedProject && rng.chance(0.05)) project = rng.weighted(pool);
    const rows = Math.min(length, count - r);
    sink.segment(category.name, category.index, category.name === 'browsing' ? null : project, r, rows);
    r += rows;
  }
}

/** The instants of the session being drawn: one array for every session (drawing is never nested). */
const sessionScratch: number[] = [];
/** The streams of the day being drawn, likewise. */
const dayTimesRng = new Random(0);
const daySegmentsRng = new Random(0);

/**
 * Draws day i's runs into `sink` in the order their rows are made (sessions, then the test entry,
 * then the live session); the rows of a day are these runs' heartbeats sorted by time, ties in
 * this order.
 * @example
 * drawDay(plan, cal, specialsOf(plan, cal), i, fixtures, sink);
 */
export function drawDay(plan: UserPlan, cal: Calendar, specials: Specials, i: number, fixtures: WorldFixtures, sink: SkeletonSink): void {
  const date = cal.date(i);
  const timeRng = plan.root.reseedDay(dayTimesRng, 'times:', plan.userId, date);
  const segmentRng = plan.root.reseedDay(daySegmentsRng, 'segments:', plan.userId, date);
  const sessions = sessionsOf(plan, cal, i);
  for (let k = 0; k < sessions.length; k++) {
    const session = sessions[k] as Session;
    if (session.start > specials.cutoff) continue;
    const count = sessionTimes(session.start, Math.min(session.end, specials.cutoff), timeRng, !session.forced, sessionScratch);
    segments(plan, fixtures, segmentRng, sessionScratch, count, null, 'session', sink);
  }
  if (specials.testEntryDay === i && plan.testEntryAt !== null) {
    const setup = segmentRng.weighted(plan.profile.setups);
    const project = segmentRng.weighted(plan.profile.projects);
    sink.run(setup, [plan.testEntryAt], 1, 'test');
    const { coding } = categoriesOf(fixtures);
    sink.segment(coding.name, coding.index, project, 0, 1);
  }
  if (specials.liveDay === i && plan.live) {
    const liveName = plan.live.project;
    const project = plan.profile.projects.find((p) => p.value.name === liveName)?.value ?? segmentRng.weighted(plan.profile.projects);
    segments(plan, fixtures, segmentRng, specials.liveTimes, specials.liveTimes.length, project, 'live', sink);
  }
}
