/**
 * @module
 * One user-day's heartbeats: the day's sessions (day-plan.ts), then heartbeats every 20–150 s with
 * the odd longer pause, in mostly one project per session, from a stream forked by (user, day)
 * only. The user's special instants (the live session, the test entry) belong to the day they
 * start in. Nothing is ever placed after `now`.
 */
import type { ProfileFile, ProfileProject, Setup } from './activity-profile.js';
import type { DraftRow } from './day-columns.js';
import { type Calendar, dayIndexOf, lastEndOf, sessionsOf, type UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import type { Random } from './random.js';
import type { SourceType } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

interface Emitter {
  rows: DraftRow[];
  plan: UserPlan;
  fixtures: WorldFixtures;
  rng: Random;
}

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

/** Heartbeat instants from `start` while not past `end`. */
function sessionTimes(start: number, end: number, rng: Random, allowPauses: boolean): number[] {
  const times: number[] = [];
  let t = start + rng.int(0, 999);
  while (t <= end) {
    times.push(t);
    const pause = allowPauses && rng.chance(0.05);
    t += (pause ? rng.int(150, 900) : rng.int(20, 150)) * 1000 + rng.int(0, 999);
  }
  return times;
}

/** A row with every optional field null; the caller fills what its kind of heartbeat has. */
function baseRow(e: Emitter, ms: number, setup: Setup, source: SourceType): DraftRow {
  const imported = source === 'wakapi_import';
  const createdMs = imported ? (e.plan.profile.importedBefore as number) + 2 * HOUR : Math.min(ms + e.rng.int(200, 30_000), e.plan.now);
  return {
    time: ms / 1000,
    entity: null,
    type: null,
    category: null,
    project: null,
    branch: null,
    language: null,
    editor: null,
    operating_system: setup.os,
    machine: null,
    user_agent: null,
    is_write: null,
    lineno: null,
    lines: null,
    cursorpos: null,
    line_additions: null,
    line_deletions: null,
    project_root_count: null,
    dependencies: EMPTY,
    ai_model: null,
    ai_session: null,
    ai_subscription_plan: null,
    ai_input_tokens: null,
    ai_output_tokens: null,
    ai_prompt_length: null,
    ai_line_changes: null,
    human_line_changes: null,
    source_type: source,
    ip_address: imported ? null : setup.ipAddress,
    ja4_id: imported ? null : setup.ja4Id,
    createdMs: Math.floor(createdMs),
  };
}

function finish(e: Emitter, row: DraftRow): void {
  e.rows.push(row);
}

function fileHeartbeat(
  e: Emitter,
  ms: number,
  category: string,
  project: ProfileProject,
  file: ProfileFile,
  branch: string,
  setup: Setup,
  aiSession: string | null,
  source: SourceType,
): void {
  const rng = e.rng;
  const row = baseRow(e, ms, setup, source);
  row.entity = file.entity;
  row.type = 'file';
  row.category = category;
  row.project = project.name;
  row.branch = branch;
  row.language = file.language;
  row.editor = setup.editor;
  row.machine = setup.machine;
  row.user_agent = setup.userAgent;
  row.is_write = rng.chance(0.25);
  row.lineno = rng.int(1, file.lines);
  row.lines = file.lines;
  row.cursorpos = rng.int(1, 80);
  if (row.is_write && rng.chance(0.3)) {
    row.line_additions = rng.int(0, 12);
    row.line_deletions = rng.int(0, 6);
  }
  row.project_root_count = project.projectRootCount;
  row.dependencies = file.dependencies;
  if (category === 'ai coding') {
    row.ai_model = e.plan.aiModel;
    row.ai_session = aiSession;
    row.ai_subscription_plan = e.plan.aiPlan;
    row.ai_input_tokens = rng.int(800, 60_000);
    row.ai_output_tokens = rng.int(100, 8_000);
    row.ai_prompt_length = rng.int(20, 1_200);
    row.ai_line_changes = rng.int(0, 80);
    row.human_line_changes = rng.int(0, 20);
  }
  finish(e, row);
}

/** What the browser extension sends: a domain, no project, no machine name. */
function browsingHeartbeat(e: Emitter, ms: number, setup: Setup, source: SourceType): void {
  const row = baseRow(e, ms, setup, source);
  row.entity = e.rng.pick(e.fixtures.browsingDomains);
  row.type = 'domain';
  row.category = 'browsing';
  row.editor = setup.browserEditor;
  row.user_agent = setup.browserUserAgent;
  finish(e, row);
}

function emitSession(e: Emitter, times: readonly number[], fixedProject: ProfileProject | null, codingOnly: boolean): void {
  const { rng } = e;
  const profile = e.plan.profile;
  let project = fixedProject ?? rng.weighted(profile.projects);
  let branch = rng.weighted(project.branches);
  let file = rng.pick(project.files);
  const setup = rng.weighted(profile.setups);
  const aiSession = profile.usesAi ? rng.uuidV4() : null;
  const categories = e.fixtures.categories
    .filter((c) => profile.usesAi || c.name !== 'ai coding')
    .map((c) => ({ value: c.name, weight: c.weight }));
  let category = 'coding';
  let segmentLeft = 0;
  for (const ms of times) {
    const source: SourceType = profile.importedBefore !== null && ms < profile.importedBefore ? 'wakapi_import' : 'direct_entry';
    if (segmentLeft <= 0) {
      category = codingOnly ? 'coding' : rng.weighted(categories);
      segmentLeft = category === 'browsing' ? rng.int(2, 5) : rng.int(3, 14);
      if (!fixedProject && rng.chance(0.05)) {
        project = rng.weighted(profile.projects);
        branch = rng.weighted(project.branches);
      }
      file = rng.pick(project.files);
    }
    segmentLeft--;
    if (category === 'browsing') {
      browsingHeartbeat(e, ms, setup, source);
      continue;
    }
    const pool = category === 'writing tests' && project.testFiles.length > 0 ? project.testFiles : project.files;
    if (rng.chance(0.3) || !pool.includes(file)) file = rng.pick(pool);
    fileHeartbeat(e, ms, category, project, file, rng.chance(0.97) ? branch : rng.weighted(project.branches), setup, aiSession, source);
  }
}

/**
 * The live session and the cut-off it imposes, and which days own the special rows.
 * @example
 * const specials = specialsOf(plan, calendar(plan.now, plan.days, plan.zone));
 */
export function specialsOf(plan: UserPlan, cal: Calendar): Specials {
  let liveTimes: number[] = [];
  let cutoff = plan.now - 10 * MINUTE;
  if (plan.live) {
    const rng = plan.root.fork(`live:${plan.userId}`);
    const last = plan.live.lastHeartbeatAt;
    const times = sessionTimes(last - rng.int(25, 90) * MINUTE, last, rng, false);
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
 * Day i's heartbeats, ascending by time, from the streams of (user, day i) only.
 * @example
 * const rows = generateDay(plan, cal, specialsOf(plan, cal), cal.dates.length - 1, fixtures);
 */
export function generateDay(plan: UserPlan, cal: Calendar, specials: Specials, i: number, fixtures: WorldFixtures): DraftRow[] {
  const { profile } = plan;
  const rng = plan.root.fork(`heartbeats:${plan.userId}:${cal.dates[i]}`);
  const e: Emitter = { rows: [], plan, fixtures, rng };
  for (const session of sessionsOf(plan, cal, i)) {
    if (session.start > specials.cutoff) continue;
    const times = sessionTimes(session.start, Math.min(session.end, specials.cutoff), rng, !session.forced);
    emitSession(e, times, null, false);
  }
  if (specials.testEntryDay === i && plan.testEntryAt !== null) {
    const setup = rng.weighted(profile.setups);
    const project = rng.weighted(profile.projects);
    const file: ProfileFile = { entity: 'test.txt', language: 'Text', lines: 1, dependencies: EMPTY };
    fileHeartbeat(e, plan.testEntryAt, 'coding', project, file, 'main', setup, null, 'test_entry');
  }
  if (specials.liveDay === i && plan.live) {
    const liveName = plan.live.project;
    const project = profile.projects.find((p) => p.value.name === liveName)?.value ?? rng.weighted(profile.projects);
    emitSession(e, specials.liveTimes, project, true);
  }
  e.rows.sort((a, b) => a.time - b.time);
  return e.rows;
}
