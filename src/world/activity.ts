/**
 * @module
 * One user-day's heartbeats: the day's skeleton (skeleton.ts: sessions, instants every 20–150 s
 * with the odd longer pause, categories, mostly one project per session), then each row's details
 * (files, branches, line numbers, AI telemetry) from a stream forked by (user, day) only. The
 * user's special instants (the live session, the test entry) belong to the day they start in.
 * Nothing is ever placed after `now`.
 */
import type { ProfileProject, Setup } from './activity-profile.js';
import type { DraftRow } from './day-columns.js';
import type { Calendar, UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import type { ProfileFile } from './profile-files.js';
import type { Random } from './random.js';
import { daySkeleton, type SkeletonRun, type Specials } from './skeleton.js';
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

/** A run's rows, its details drawn from the day's `heartbeats:` stream. */
function emitRun(e: Emitter, run: SkeletonRun): void {
  const { rng } = e;
  const { setup } = run;
  if (run.kind === 'test') {
    const project = run.projects[0] as ProfileProject;
    const file: ProfileFile = { entity: 'test.txt', language: 'Text', lines: 1, dependencies: EMPTY };
    fileHeartbeat(e, run.times[0] as number, 'coding', project, file, 'main', setup, null, 'test_entry');
    return;
  }
  const aiSession = e.plan.profile.usesAi ? rng.uuidV4() : null;
  const importedBefore = e.plan.profile.importedBefore;
  let project: ProfileProject | null = null;
  let branch = '';
  let file: ProfileFile | null = null;
  for (let r = 0; r < run.times.length; r++) {
    const ms = run.times[r] as number;
    const category = run.categories[r] as string;
    const source: SourceType = importedBefore !== null && ms < importedBefore ? 'wakapi_import' : 'direct_entry';
    if (category === 'browsing') {
      browsingHeartbeat(e, ms, setup, source);
      continue;
    }
    const rowProject = run.projects[r] as ProfileProject;
    if (rowProject !== project) {
      project = rowProject;
      branch = rng.weighted(project.branches);
      file = null;
    }
    const { all, tests } = project.files;
    if (run.segmentStarts[r] || file === null) file = rng.pick(all);
    const pool = category === 'writing tests' && tests.length > 0 ? tests : all;
    if (rng.chance(0.3) || !pool.includes(file)) file = rng.pick(pool);
    fileHeartbeat(e, ms, category, project, file, rng.chance(0.97) ? branch : rng.weighted(project.branches), setup, aiSession, source);
  }
}

/**
 * Day i's heartbeats, ascending by time, from the streams of (user, day i) only.
 * @example
 * const rows = generateDay(plan, cal, specialsOf(plan, cal), cal.dates.length - 1, fixtures);
 */
export function generateDay(plan: UserPlan, cal: Calendar, specials: Specials, i: number, fixtures: WorldFixtures): DraftRow[] {
  const rng = plan.root.fork(`heartbeats:${plan.userId}:${cal.dates[i]}`);
  const e: Emitter = { rows: [], plan, fixtures, rng };
  for (const run of daySkeleton(plan, cal, specials, i, fixtures)) emitRun(e, run);
  e.rows.sort((a, b) => a.time - b.time);
  return e.rows;
}
