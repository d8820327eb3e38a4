/**
 * @module
 * A user's coding habits, decided once before any heartbeat: which projects (and their files,
 * branches, repo mappings), which editors on which machines (and so which user agents), when in
 * the day they code and how much. Every string a heartbeat will carry is made here, once, so the
 * rows share them; those only rows carry (user agents, branch names) are made when a row first
 * needs them, from what was drawn, so a read of keyed instants over a thousand users builds none.
 */
import { type AccountFixture, perFixtures, type WorldFixtures } from './fixtures.js';
import { ProjectFiles } from './profile-files.js';
import { holidayBreaks, type ProjectChoice, withLife } from './project-life.js';
import type { Random, Weighted } from './random.js';
import type { RepoMapping } from './types.js';

export interface ProfileProject {
  name: string;
  /** Where the project sits among its profile's projects. */
  readonly index: number;
  /** Drawn when row details first need them (the keyed instants never do). */
  files: ProjectFiles;
  /** Named when row details first need them. */
  readonly branches: Weighted<string>[];
  projectRootCount: number;
  /** The project's life (epoch ms; null: open): sessions outside it pick other projects. */
  activeFrom: number | null;
  activeTo: number | null;
}

/** One editor on one machine: everything a heartbeat copies from where it was sent. */
export interface Setup {
  /** Where the setup sits among its profile's setups. */
  readonly index: number;
  editor: string;
  os: string;
  machine: string;
  readonly userAgent: string;
  readonly browserUserAgent: string;
  browserEditor: string;
  ipAddress: string;
  ja4Id: number | null;
}

export interface ActivityProfile {
  projects: Weighted<ProfileProject>[];
  setups: Weighted<Setup>[];
  /** Local start-hour windows `[from, to)`; hours past 24 run into the next day. */
  hours: Weighted<readonly [number, number]>[];
  activeDayChance: number;
  /** Weekends' share of a weekday's chance to code (above 1: a weekend coder). */
  weekendFactor: number;
  /** Holidays: local days (days since 1970-01-01) `from` up to `to` without ordinary sessions. */
  breaks: { from: number; to: number }[];
  extraSessionChance: number;
  meanSessionMinutes: number;
  usesAi: boolean;
  /** Sessions before this instant were imported from WakAPI rather than sent live. */
  importedBefore: number | null;
  repoMappings: RepoMapping[];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A pattern split at its placeholders: text at even indices, a placeholder's name at odd ones. */
const patternParts = new Map<string, string[]>();
function partsOf(pattern: string): string[] {
  let parts = patternParts.get(pattern);
  if (!parts) {
    parts = pattern.split(/\{(first|First|FIRST|HEX7)\}/);
    patternParts.set(pattern, parts);
  }
  return parts;
}

/** A machine or home pattern with the user's first name; the hex is drawn whether or not it shows. */
function fillPattern(pattern: string, first: string, rng: Random): string {
  const parts = partsOf(pattern);
  // `hex(7)` is one draw: a pattern without it moves the stream by that draw alone.
  let hex = '';
  if (parts.includes('HEX7')) hex = rng.hex(7).toUpperCase();
  else rng.nextUint32();
  if (parts.length === 1) return pattern;
  const lower = first.toLowerCase();
  let out = parts[0] as string;
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k];
    out += name === 'first' ? lower : name === 'First' ? capitalise(lower) : name === 'FIRST' ? first.toUpperCase() : hex;
    out += parts[k + 1] as string;
  }
  return out;
}

/** Words of feature-branch names (faker's hacker nouns and verbs, as its `git.branch` uses them). */
export interface BranchWords {
  nouns: readonly string[];
  verbs: readonly string[];
}

/**
 * A project's branches: the main one and up to two feature branches, drawn now (as indices into
 * the word lists) and named when first read.
 */
class DrawnBranches {
  private named: Weighted<string>[] | null = null;
  private readonly main: number;
  /** Each feature branch's noun, verb and prefix. */
  private readonly features: number[] = [];

  constructor(
    private readonly fixtures: WorldFixtures,
    private readonly words: BranchWords,
    rng: Random,
  ) {
    this.main = rng.index(fixtures.files.branches.length);
    for (let i = rng.int(0, 2); i > 0; i--) {
      this.features.push(rng.index(words.nouns.length), rng.index(words.verbs.length), rng.index(fixtures.files.branchPrefixes.length));
    }
  }

  get list(): Weighted<string>[] {
    if (this.named) return this.named;
    const { fixtures, words, features } = this;
    const named: Weighted<string>[] = [{ value: fixtures.files.branches[this.main] as string, weight: 7 }];
    for (let k = 0; k < features.length; k += 3) {
      const noun = (words.nouns[features[k] as number] as string).replace(' ', '-');
      const verb = (words.verbs[features[k + 1] as number] as string).replace(' ', '-');
      named.push({ value: `${fixtures.files.branchPrefixes[features[k + 2] as number]}/${noun}-${verb}`, weight: 2 });
    }
    this.named = named;
    return named;
  }
}

interface MachineSpec {
  name: string;
  os: string;
  platform: string;
  ipAddress: string;
}

/** The parts of a user agent: the CLI's version and runtime, the machine's platform, the editor's product and plugin. */
interface AgentParts {
  cli: { cli: string; runtime: string };
  platform: string;
  product: string;
  plugin: string;
}

/** An editor on a machine, whose user agents are written when a row first carries them. */
class MachineSetup implements Setup {
  private agent: string | null = null;
  private browserAgent: string | null = null;

  constructor(
    readonly index: number,
    readonly editor: string,
    readonly os: string,
    readonly machine: string,
    readonly browserEditor: string,
    readonly ipAddress: string,
    readonly ja4Id: number | null,
    private readonly fixtures: WorldFixtures,
    private readonly agentParts: AgentParts,
    private readonly browserPlatform: string,
  ) {}

  get userAgent(): string {
    if (this.agent === null) {
      const { cli, platform, product, plugin } = this.agentParts;
      this.agent = this.fixtures.userAgents.template
        .replace('{cli}', cli.cli)
        .replace('{platform}', platform)
        .replace('{runtime}', cli.runtime)
        .replace('{product}', product)
        .replace('{plugin}', plugin);
    }
    return this.agent;
  }

  get browserUserAgent(): string {
    this.browserAgent ??= this.fixtures.userAgents.browserTemplate
      .replace('{browserPlatform}', this.browserPlatform)
      .replace('{plugin}', this.fixtures.browser.plugin);
    return this.browserAgent;
  }
}

/** Lists of the fixtures as weights. */
interface FixtureWeights {
  cliVersions: Weighted<WorldFixtures['userAgents']['cliVersions'][number]>[];
  operatingSystems: Weighted<WorldFixtures['operatingSystems'][number]>[];
  editors: Weighted<string>[];
}
const weightsOf = perFixtures(
  (fixtures): FixtureWeights => ({
    cliVersions: fixtures.userAgents.cliVersions.map((v) => ({ value: v, weight: v.weight })),
    operatingSystems: fixtures.operatingSystems.map((o) => ({ value: o, weight: o.weight })),
    editors: fixtures.editors.map((e) => ({ value: e.value, weight: e.weight })),
  }),
);

/** Editors, machines and the user agents they produce. */
function buildSetups(
  fixtures: WorldFixtures,
  editors: readonly string[],
  machines: readonly MachineSpec[],
  rng: Random,
): Weighted<Setup>[] {
  const setups: Weighted<Setup>[] = [];
  const cli = rng.weighted(weightsOf(fixtures).cliVersions);
  machines.forEach((machine, machineIndex) => {
    const os = fixtures.operatingSystems.find((o) => o.value === machine.os);
    if (!os) throw new Error(`unknown operating system ${machine.os}`);
    const ja4Id = rng.chance(0.3) ? rng.int(1000, 99_999) : null;
    editors.forEach((value, editorIndex) => {
      const editor = fixtures.editors.find((e) => e.value === value);
      if (!editor) throw new Error(`unknown editor ${value}`);
      const parts = { cli, platform: machine.platform, product: editor.product, plugin: editor.plugin };
      setups.push({
        value: new MachineSetup(
          setups.length,
          editor.value,
          os.value,
          machine.name,
          fixtures.browser.value,
          machine.ipAddress,
          ja4Id,
          fixtures,
          parts,
          os.browserPlatform,
        ),
        weight: (editorIndex === 0 ? 8 : 2) * (machineIndex === 0 ? 3 : 1),
      });
    });
  });
  return setups;
}

/** The hour windows every seeded user weighs (shared, never changed). */
const MORNING: readonly [number, number] = [8, 12];
const AFTERNOON: readonly [number, number] = [13, 18];
const EVENING: readonly [number, number] = [19, 23];
const NIGHT: readonly [number, number] = [23, 26];

function hourWindows(rng: Random): Weighted<readonly [number, number]>[] {
  return [
    { value: MORNING, weight: rng.int(1, 5) },
    { value: AFTERNOON, weight: rng.int(2, 6) },
    { value: EVENING, weight: rng.int(2, 7) },
    { value: NIGHT, weight: rng.int(0, 2) },
  ];
}

/** Non-empty parts of a path (`/home/ada/code` has three). */
function pathPartCount(path: string): number {
  let count = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) !== 47 && (i === 0 || path.charCodeAt(i - 1) === 47)) count++;
  return count;
}

/** Each fixture project's dependencies, frozen once (a memo: every user of the project shares them). */
const frozenDependencies = new WeakMap<object, string[]>();
function dependenciesOf(project: { dependencies: string[] }): string[] {
  let dependencies = frozenDependencies.get(project);
  if (!dependencies) {
    dependencies = Object.freeze(project.dependencies.slice()) as string[];
    frozenDependencies.set(project, dependencies);
  }
  return dependencies;
}

function profileProject(
  fixtures: WorldFixtures,
  root: string,
  rootParts: number,
  project: { name: string; languages: string[]; dependencies: string[] },
  index: number,
  words: BranchWords,
  rng: Random,
): ProfileProject {
  const dependencies = dependenciesOf(project);
  const files = ProjectFiles.skip({ fixtures, root: `${root}/${project.name}`, languages: project.languages, dependencies }, rng);
  return new DrawnProject(project.name, index, files, new DrawnBranches(fixtures, words, rng), rootParts + pathPartCount(project.name));
}

/** A project as a profile draws it (a class: its branches are named on first read). */
class DrawnProject implements ProfileProject {
  activeFrom: number | null = null;
  activeTo: number | null = null;

  constructor(
    readonly name: string,
    readonly index: number,
    readonly files: ProjectFiles,
    private readonly drawnBranches: DrawnBranches,
    readonly projectRootCount: number,
  ) {}

  get branches(): Weighted<string>[] {
    return this.drawnBranches.list;
  }
}

/** The habits of a seeded user, made when its history is first read, from the user's own stream. */
export function seededProfile(
  fixtures: WorldFixtures,
  firstName: string,
  choice: ProjectChoice,
  words: BranchWords,
  rng: Random,
  now: number,
): ActivityProfile {
  // A few heavy users, many light ones.
  const heavy = rng.chance(0.06);
  const light = !heavy && rng.chance(0.3);
  // Names such as "D'angelo" or "Zoë" would make odd paths and host names.
  const first = firstName.replace(/[^A-Za-z]/g, '') || 'dev';
  const machineCount = rng.chance(0.35) ? 2 : 1;
  const weights = weightsOf(fixtures);
  const machines: MachineSpec[] = [];
  for (let i = 0; i < machineCount; i++) {
    const os = rng.weighted(weights.operatingSystems);
    const patterns = fixtures.machines.patterns[os.value] ?? ['machine'];
    machines.push({
      name: fillPattern(rng.pick(patterns), first, rng),
      os: os.value,
      platform: rng.pick(os.platforms),
      ipAddress: `${rng.pick(['198.51.100', '192.0.2'])}.${rng.int(2, 254)}`,
    });
  }
  const editorPool = weights.editors;
  const firstEditor = rng.weighted(editorPool);
  const editors = [firstEditor];
  if (rng.chance(0.4)) editors.push(rng.weighted(editorPool.filter((e) => e.value !== firstEditor)));

  const primaryMachine = machines[0] as MachineSpec;
  const home = fillPattern(fixtures.machines.homeDirectories[primaryMachine.os] ?? '/home/{first}', first, rng);
  const root = `${home}/${rng.pick(fixtures.machines.codeDirectories)}`;
  const rootParts = pathPartCount(root);
  return {
    projects: choice.projects.map(({ value, weight }, index) => ({
      value: withLife(profileProject(fixtures, root, rootParts, value, index, words, rng), index, now, rng),
      weight,
    })),
    setups: buildSetups(fixtures, editors, machines, rng),
    hours: hourWindows(rng),
    activeDayChance: heavy ? rng.float(0.8, 0.95) : light ? rng.float(0.35, 0.5) : rng.float(0.5, 0.85),
    weekendFactor: rng.float(0.5, 1.3),
    breaks: holidayBreaks(now, rng),
    extraSessionChance: heavy ? rng.float(0.5, 0.7) : rng.float(0.15, 0.45),
    meanSessionMinutes: heavy ? rng.int(90, 140) : light ? rng.int(25, 45) : rng.int(40, 85),
    usesAi: rng.chance(0.5),
    importedBefore: null,
    repoMappings: choice.repoMappings,
  };
}

/** The habits of a fixed account (demo), from its fixture. */
export function accountProfile(fixtures: WorldFixtures, account: AccountFixture, words: BranchWords, rng: Random): ActivityProfile | null {
  const activity = account.activity;
  if (!activity) return null;
  const rootParts = pathPartCount(activity.home);
  const projects = activity.projects.map((project, index) => ({
    value: profileProject(fixtures, activity.home, rootParts, project, index, words, rng),
    weight: project.weight,
  }));
  const repoMappings = activity.projects
    .filter((p) => p.repoUrl !== null || p.archived)
    .map((p) => ({ project: p.name, repoUrl: p.repoUrl, archived: p.archived }));
  return {
    projects,
    setups: buildSetups(fixtures, activity.editors, activity.machines, rng),
    hours: [
      { value: [9, 12], weight: 3 },
      { value: [13, 18], weight: 4 },
      { value: [19, 23], weight: 3 },
    ],
    activeDayChance: 0.85,
    weekendFactor: 0.7,
    breaks: [],
    extraSessionChance: 0.35,
    meanSessionMinutes: 60,
    usesAi: true,
    importedBefore: null,
    repoMappings,
  };
}
