/**
 * @module
 * Turns an activity profile into one user's heartbeat history: sessions planned per local day,
 * then heartbeats every 20–150 s with the odd longer pause, in mostly one project per session.
 * Nothing is ever placed after `now`.
 */
import type { ActivityProfile, ProfileFile, ProfileProject, Setup } from './activity-profile.js';
import { LAZY_HASH_ROW } from './fields-hash.js';
import type { WorldFixtures } from './fixtures.js';
import type { Random } from './random.js';
import { addDays, localDate, startOfLocalDay } from './time-zone.js';
import type { Heartbeat, SourceType } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

export interface ActivityPlan {
  userId: number;
  zone: string;
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
}

interface Session {
  start: number;
  end: number;
  forced: boolean;
}

interface Emitter {
  rows: Heartbeat[];
  plan: ActivityPlan;
  profile: ActivityProfile;
  fixtures: WorldFixtures;
  rng: Random;
  aiModel: string;
  aiPlan: string | null;
}

function planSessions(profile: ActivityProfile, plan: ActivityPlan, rng: Random): Session[] {
  const today = localDate(plan.now, plan.zone);
  const sessions: Session[] = [];
  for (let back = plan.days - 1; back >= 0; back--) {
    const dayStart = startOfLocalDay(addDays(today, -back), plan.zone);
    const forced = back < plan.forcedDays;
    if (!forced && !rng.chance(profile.activeDayChance)) continue;
    let count = 1;
    if (rng.chance(profile.extraSessionChance)) count++;
    if (rng.chance(profile.extraSessionChance / 3)) count++;
    for (let i = 0; i < count; i++) {
      const mustCount = forced && i === 0;
      // A forced session starts by 20:00 so that a late live session never swallows it.
      const [from, to] = mustCount ? [8, 20] : rng.weighted(profile.hours);
      const start = dayStart + Math.round(rng.float(from, to) * HOUR);
      let minutes = rng.gaussian(profile.meanSessionMinutes, profile.meanSessionMinutes / 2, 12, 170);
      if (mustCount) minutes = Math.max(minutes, 40);
      sessions.push({ start, end: start + Math.round(minutes * MINUTE), forced: mustCount });
    }
  }
  if (plan.recentWithinHours !== null) {
    const start = plan.now - Math.round(rng.float(1.5, plan.recentWithinHours) * HOUR);
    sessions.push({ start, end: start + rng.int(30, 60) * MINUTE, forced: true });
  }
  sessions.sort((a, b) => a.start - b.start);
  let previousEnd = Number.NEGATIVE_INFINITY;
  for (const session of sessions) {
    if (session.start < previousEnd + 5 * MINUTE) {
      const length = session.end - session.start;
      session.start = previousEnd + rng.int(10, 40) * MINUTE;
      session.end = session.start + length;
    }
    previousEnd = session.end;
  }
  return sessions;
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

const DAY = 24 * HOUR;
let isoDay = Number.NaN;
let isoPrefix = '';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `Date#toISOString` for generation's hot loop: the date part is reused within a UTC day. */
function iso(instant: number): string {
  const ms = Math.floor(instant);
  const day = Math.floor(ms / DAY);
  if (day !== isoDay) {
    isoDay = day;
    isoPrefix = new Date(day * DAY).toISOString().slice(0, 11);
  }
  let rest = ms - day * DAY;
  const h = Math.floor(rest / HOUR);
  rest -= h * HOUR;
  const m = Math.floor(rest / MINUTE);
  rest -= m * MINUTE;
  const sec = Math.floor(rest / 1000);
  return `${isoPrefix}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(rest - sec * 1000, 3)}Z`;
}

/** A row with every optional field null; the caller fills what its kind of heartbeat has. */
function baseRow(e: Emitter, ms: number, setup: Setup, source: SourceType): Heartbeat {
  const imported = source === 'wakapi_import';
  const createdAt = imported
    ? iso((e.profile.importedBefore as number) + 2 * HOUR)
    : iso(Math.min(ms + e.rng.int(200, 30_000), e.plan.now));
  // Built with its prototype in place (setting one afterwards makes V8 slow the object down).
  const row = {
    __proto__: LAZY_HASH_ROW,
    id: 0,
    user_id: e.plan.userId,
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
    fields_hash: '',
    created_at: createdAt,
    updated_at: createdAt,
    deleted_at: null,
  };
  return row as Heartbeat;
}

function finish(e: Emitter, row: Heartbeat): void {
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
    row.ai_model = e.aiModel;
    row.ai_session = aiSession;
    row.ai_subscription_plan = e.aiPlan;
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
  const { rng, profile } = e;
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
 * One user's heartbeats, ascending by time, with `id` 0 (ids are assigned across users later).
 */
export function generateActivity(profile: ActivityProfile, plan: ActivityPlan, fixtures: WorldFixtures, rng: Random): Heartbeat[] {
  const e: Emitter = {
    rows: [],
    plan,
    profile,
    fixtures,
    rng,
    aiModel: rng.pick(fixtures.aiModels),
    aiPlan: rng.pick(fixtures.aiSubscriptionPlans),
  };
  let liveTimes: number[] = [];
  let cutoff = plan.now - 10 * MINUTE;
  if (plan.live) {
    const last = plan.live.lastHeartbeatAt;
    const times = sessionTimes(last - rng.int(25, 90) * MINUTE, last, rng, false);
    // Shift the run so that its final heartbeat lands exactly on the requested instant.
    const shift = last - (times[times.length - 1] ?? last);
    liveTimes = times.length > 0 ? times.map((t) => t + shift) : [last];
    cutoff = (liveTimes[0] as number) - 10 * MINUTE;
  }
  for (const session of planSessions(profile, plan, rng)) {
    if (session.start > cutoff) continue;
    const times = sessionTimes(session.start, Math.min(session.end, cutoff), rng, !session.forced);
    emitSession(e, times, null, false);
  }
  if (plan.testEntryAt !== null && plan.testEntryAt <= cutoff) {
    const setup = rng.weighted(profile.setups);
    const project = rng.weighted(profile.projects);
    const file: ProfileFile = { entity: 'test.txt', language: 'Text', lines: 1, dependencies: EMPTY };
    fileHeartbeat(e, plan.testEntryAt, 'coding', project, file, 'main', setup, null, 'test_entry');
  }
  if (liveTimes.length > 0 && plan.live) {
    const liveName = plan.live.project;
    const project = profile.projects.find((p) => p.value.name === liveName)?.value ?? rng.weighted(profile.projects);
    emitSession(e, liveTimes, project, true);
  }
  e.rows.sort((a, b) => a.time - b.time);
  return e.rows;
}
