/**
 * @module
 * One user-day's heartbeats: the day's skeleton (skeleton.ts: sessions, instants every 20–150 s
 * with the odd longer pause, categories, mostly one project per session), then each row's details
 * (files, branches, line numbers, AI telemetry) from a stream forked by (user, day) only. The
 * user's special instants (the live session, the test entry) belong to the day they start in.
 * Nothing is ever placed after `now`.
 */
import type { ProfileProject, Setup } from './activity-profile.js';
import { DayBuilder, type DayColumns, NUMBER, STRING } from './day-columns.js';
import type { Calendar, UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import type { ProfileFile } from './profile-files.js';
import type { Random, Weighted } from './random.js';
import { drawDay, type RunKind, type SkeletonSink, type Specials } from './skeleton.js';
import type { SourceType } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

interface Emitter {
  out: DayBuilder;
  plan: UserPlan;
  fixtures: WorldFixtures;
  rng: Random;
}

/**
 * What a run's rows copy from its setup, read once per run: the setup's machine, address and
 * user agents are its profile's details, behind getters that a row would otherwise call each time.
 */
type SentBy = Pick<Setup, 'os' | 'ipAddress' | 'ja4Id' | 'editor' | 'machine' | 'userAgent' | 'browserEditor' | 'browserUserAgent'>;

function sentBy(setup: Setup): SentBy {
  return {
    os: setup.os,
    ipAddress: setup.ipAddress,
    ja4Id: setup.ja4Id,
    editor: setup.editor,
    machine: setup.machine,
    userAgent: setup.userAgent,
    browserEditor: setup.browserEditor,
    browserUserAgent: setup.browserUserAgent,
  };
}

/** What a project's rows copy from it, read once per run of rows in the project (its files and branches are details). */
interface InProject {
  name: string;
  files: ProfileFile[];
  tests: ProfileFile[];
  branches: Weighted<string>[];
  rootCount: number;
}

function inProject(project: ProfileProject): InProject {
  const { all, tests } = project.files;
  return { name: project.name, files: all, tests, branches: project.branches, rootCount: project.projectRootCount };
}

/** Starts a row with every optional field null; the caller fills what its kind of heartbeat has. */
function baseRow(e: Emitter, ms: number, setup: SentBy, source: SourceType): void {
  const imported = source === 'wakapi_import';
  const createdMs = imported ? (e.plan.profile.importedBefore as number) + 2 * HOUR : Math.min(ms + e.rng.int(200, 30_000), e.plan.now);
  const { out } = e;
  out.add(ms / 1000, Math.floor(createdMs));
  out.string(STRING.operating_system, setup.os);
  out.string(STRING.source_type, source);
  if (!imported) {
    out.string(STRING.ip_address, setup.ipAddress);
    out.number(NUMBER.ja4_id, setup.ja4Id);
  }
}

function fileHeartbeat(
  e: Emitter,
  ms: number,
  category: string,
  project: InProject,
  file: ProfileFile,
  branch: string,
  setup: SentBy,
  aiSession: string | null,
  source: SourceType,
): void {
  const { rng, out } = e;
  baseRow(e, ms, setup, source);
  out.string(STRING.entity, file.entity);
  out.string(STRING.type, 'file');
  out.string(STRING.category, category);
  out.string(STRING.project, project.name);
  out.string(STRING.branch, branch);
  out.string(STRING.language, file.language);
  out.string(STRING.editor, setup.editor);
  out.string(STRING.machine, setup.machine);
  out.string(STRING.user_agent, setup.userAgent);
  // The draws in this order: is_write, lineno, cursorpos, then the line counts of some writes.
  const isWrite = rng.chance(0.25);
  out.number(NUMBER.is_write, isWrite ? 1 : 0);
  out.number(NUMBER.lineno, rng.int(1, file.lines));
  out.number(NUMBER.lines, file.lines);
  out.number(NUMBER.cursorpos, rng.int(1, 80));
  if (isWrite && rng.chance(0.3)) {
    out.number(NUMBER.line_additions, rng.int(0, 12));
    out.number(NUMBER.line_deletions, rng.int(0, 6));
  }
  out.number(NUMBER.project_root_count, project.rootCount);
  out.dependencies(file.dependencies);
  if (category === 'ai coding') {
    out.string(STRING.ai_model, e.plan.aiModel);
    out.string(STRING.ai_session, aiSession);
    out.string(STRING.ai_subscription_plan, e.plan.aiPlan);
    out.number(NUMBER.ai_input_tokens, rng.int(800, 60_000));
    out.number(NUMBER.ai_output_tokens, rng.int(100, 8_000));
    out.number(NUMBER.ai_prompt_length, rng.int(20, 1_200));
    out.number(NUMBER.ai_line_changes, rng.int(0, 80));
    out.number(NUMBER.human_line_changes, rng.int(0, 20));
  }
}

/** What the browser extension sends: a domain, no project, no machine name. */
function browsingHeartbeat(e: Emitter, ms: number, setup: SentBy, source: SourceType): void {
  const { out } = e;
  baseRow(e, ms, setup, source);
  out.string(STRING.entity, e.rng.pick(e.fixtures.browsingDomains));
  out.string(STRING.type, 'domain');
  out.string(STRING.category, 'browsing');
  out.string(STRING.editor, setup.browserEditor);
  out.string(STRING.user_agent, setup.browserUserAgent);
}

/**
 * Makes each row as the skeleton draws it (skeleton.ts, `drawDay`): the details from the day's
 * `heartbeats:` stream, run by run and row by row in the skeleton's order. That stream is the
 * day's own, so taking its draws between the skeleton's changes none of them.
 */
class RowEmitter implements SkeletonSink {
  private setup: SentBy | null = null;
  private times: readonly number[] = [];
  private kind: RunKind = 'session';
  private aiSession: string | null = null;
  /** The row's index in its run. */
  private k = 0;
  /** The project of the last row and what its rows copy from it. */
  private project: ProfileProject | null = null;
  private inProject: InProject | null = null;
  private branch = '';
  private file: ProfileFile | null = null;

  constructor(private readonly e: Emitter) {}

  run(setup: Setup, times: readonly number[], _count: number, kind: RunKind): void {
    this.setup = sentBy(setup);
    this.times = times;
    this.kind = kind;
    this.k = 0;
    this.project = null;
    this.branch = '';
    this.file = null;
    this.aiSession = kind !== 'test' && this.e.plan.profile.usesAi ? this.e.rng.uuidV4() : null;
  }

  segment(category: string, _categoryIndex: number, project: ProfileProject | null, from: number, count: number): void {
    for (let r = from; r < from + count; r++) this.row(category, project, r === from);
  }

  private row(category: string, rowProject: ProfileProject | null, segmentStart: boolean): void {
    const { e } = this;
    const setup = this.setup as SentBy;
    const ms = this.times[this.k++] as number;
    if (this.kind === 'test') {
      const file: ProfileFile = { entity: 'test.txt', language: 'Text', lines: 1, dependencies: EMPTY };
      fileHeartbeat(e, ms, 'coding', inProject(rowProject as ProfileProject), file, 'main', setup, null, 'test_entry');
      return;
    }
    const importedBefore = e.plan.profile.importedBefore;
    const source: SourceType = importedBefore !== null && ms < importedBefore ? 'wakapi_import' : 'direct_entry';
    if (category === 'browsing') {
      browsingHeartbeat(e, ms, setup, source);
      return;
    }
    const { rng } = e;
    if (rowProject !== this.project) {
      this.project = rowProject;
      this.inProject = inProject(rowProject as ProfileProject);
      this.branch = rng.weighted(this.inProject.branches);
      this.file = null;
    }
    const project = this.inProject as InProject;
    const { files: all, tests } = project;
    let file = this.file;
    if (segmentStart || file === null) file = rng.pick(all);
    const pool = category === 'writing tests' && tests.length > 0 ? tests : all;
    if (rng.chance(0.3) || !pool.includes(file)) file = rng.pick(pool);
    this.file = file;
    fileHeartbeat(
      e,
      ms,
      category,
      project,
      file,
      rng.chance(0.97) ? this.branch : rng.weighted(project.branches),
      setup,
      this.aiSession,
      source,
    );
  }
}

/**
 * Day i's heartbeats as columns, ascending by time, from the streams of (user, day i) only.
 * @example
 * const rows = generateDay(plan, cal, specialsOf(plan, cal), cal.days - 1, fixtures);
 */
export function generateDay(
  plan: UserPlan,
  cal: Calendar,
  specials: Specials,
  i: number,
  fixtures: WorldFixtures,
  builder = new DayBuilder(),
): DayColumns {
  const rng = plan.root.forkDay('heartbeats:', plan.userId, cal.date(i));
  builder.reset();
  const e: Emitter = { out: builder, plan, fixtures, rng };
  drawDay(plan, cal, specials, i, fixtures, new RowEmitter(e));
  return e.out.build();
}
