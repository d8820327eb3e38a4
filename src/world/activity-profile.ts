/**
 * @module
 * A user's coding habits, decided once before any heartbeat: which projects and when each lives,
 * which editors on which machines, when in the day they code and how much. That is all a day's
 * skeleton (skeleton.ts), and so every read of keyed instants, needs. What only rows carry (each
 * project's files and branches, each machine's name, address and platform, the user agents) is the
 * profile's details, drawn from a stream of their own (the profile stream's `details` fork) when a
 * row first needs one: a leaderboard over a thousand users draws none. Every string a heartbeat
 * carries is made once, so the rows share them.
 */
import { type AccountFixture, perFixtures, type WorldFixtures } from './fixtures.js';
import { drawFiles, type ProjectFiles } from './profile-files.js';
import { holidayBreaks, type ProjectChoice, withLife } from './project-life.js';
import type { Random, Weighted } from './random.js';
import type { RepoMapping } from './types.js';

export interface ProfileProject {
  name: string;
  /** Where the project sits among its profile's projects. */
  readonly index: number;
  /** These three are the profile's details (the keyed instants never need them). */
  readonly files: ProjectFiles;
  readonly branches: Weighted<string>[];
  readonly projectRootCount: number;
  /** The project's life (epoch ms; null: open): sessions outside it pick other projects. */
  activeFrom: number | null;
  activeTo: number | null;
}

/** One editor on one machine: everything a heartbeat copies from where it was sent. */
export interface Setup {
  /** Where the setup sits among its profile's setups. */
  readonly index: number;
  readonly editor: string;
  readonly os: string;
  readonly browserEditor: string;
  /** These five are the profile's details (the keyed instants never need them). */
  readonly machine: string;
  readonly userAgent: string;
  readonly browserUserAgent: string;
  readonly ipAddress: string;
  readonly ja4Id: number | null;
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

/** A project's branches: the main one and up to two feature branches. */
function drawBranches(fixtures: WorldFixtures, words: BranchWords, rng: Random): Weighted<string>[] {
  const { branches, branchPrefixes } = fixtures.files;
  const drawn: Weighted<string>[] = [{ value: branches[rng.index(branches.length)] as string, weight: 7 }];
  for (let i = rng.int(0, 2); i > 0; i--) {
    const noun = (words.nouns[rng.index(words.nouns.length)] as string).replace(' ', '-');
    const verb = (words.verbs[rng.index(words.verbs.length)] as string).replace(' ', '-');
    drawn.push({ value: `${branchPrefixes[rng.index(branchPrefixes.length)]}/${noun}-${verb}`, weight: 2 });
  }
  return drawn;
}

type OperatingSystem = WorldFixtures['operatingSystems'][number];
type CliVersion = WorldFixtures['userAgents']['cliVersions'][number];

/** A machine as rows show it. */
interface MachineDetails {
  name: string;
  platform: string;
  ipAddress: string;
  ja4Id: number | null;
}

/** What rows show of a project besides its name. */
interface ProjectDetails {
  files: ProjectFiles;
  branches: Weighted<string>[];
  /** Non-empty parts of the project's root path. */
  rootCount: number;
}

/** What only rows carry: a profile's details. */
interface Details {
  cli: CliVersion;
  machines: MachineDetails[];
  /** In the order of the profile's projects. */
  projects: ProjectDetails[];
}

/** Where a profile's details come from: a seeded user's draws, or a fixed account's fixture. */
type DetailsSource =
  | { kind: 'seeded'; firstName: string; choice: ProjectChoice; machineSystems: readonly OperatingSystem[] }
  | { kind: 'account'; activity: NonNullable<AccountFixture['activity']> };

/**
 * A profile's details, drawn when first asked for; its setups and projects share one. It holds
 * data, not a closure, so two worlds from one seed compare equal.
 */
class LazyDetails {
  private drawn: Details | null = null;

  constructor(
    private readonly fixtures: WorldFixtures,
    private readonly words: BranchWords,
    private readonly source: DetailsSource,
    /** The profile's stream: the details draw from its `details` fork. */
    private readonly profileRng: Random,
  ) {}

  get value(): Details {
    this.drawn ??= drawDetails(this.fixtures, this.words, this.source, this.profileRng.fork('details'));
    return this.drawn;
  }
}

/** An editor on a machine: its editor and OS are habits, its machine's name and address details. */
class MachineSetup implements Setup {
  private agent: string | null = null;
  private browserAgent: string | null = null;

  constructor(
    readonly index: number,
    readonly editor: string,
    readonly os: string,
    readonly browserEditor: string,
    private readonly machineIndex: number,
    private readonly editorParts: { product: string; plugin: string },
    private readonly browserPlatform: string,
    private readonly fixtures: WorldFixtures,
    private readonly details: LazyDetails,
  ) {}

  private get onMachine(): MachineDetails {
    return this.details.value.machines[this.machineIndex] as MachineDetails;
  }

  get machine(): string {
    return this.onMachine.name;
  }

  get ipAddress(): string {
    return this.onMachine.ipAddress;
  }

  get ja4Id(): number | null {
    return this.onMachine.ja4Id;
  }

  get userAgent(): string {
    if (this.agent === null) {
      const { cli } = this.details.value;
      this.agent = this.fixtures.userAgents.template
        .replace('{cli}', cli.cli)
        .replace('{platform}', this.onMachine.platform)
        .replace('{runtime}', cli.runtime)
        .replace('{product}', this.editorParts.product)
        .replace('{plugin}', this.editorParts.plugin);
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
  cliVersions: Weighted<CliVersion>[];
  operatingSystems: Weighted<OperatingSystem>[];
  editors: Weighted<string>[];
}
const weightsOf = perFixtures(
  (fixtures): FixtureWeights => ({
    cliVersions: fixtures.userAgents.cliVersions.map((v) => ({ value: v, weight: v.weight })),
    operatingSystems: fixtures.operatingSystems.map((o) => ({ value: o, weight: o.weight })),
    editors: fixtures.editors.map((e) => ({ value: e.value, weight: e.weight })),
  }),
);

function operatingSystem(fixtures: WorldFixtures, value: string): OperatingSystem {
  const os = fixtures.operatingSystems.find((o) => o.value === value);
  if (!os) throw new Error(`unknown operating system ${value}`);
  return os;
}

/** Each editor on each machine, the first editor and the first machine the most used. */
function buildSetups(
  fixtures: WorldFixtures,
  editors: readonly string[],
  machineSystems: readonly OperatingSystem[],
  details: LazyDetails,
): Weighted<Setup>[] {
  const setups: Weighted<Setup>[] = [];
  machineSystems.forEach((os, machineIndex) => {
    editors.forEach((value, editorIndex) => {
      const editor = fixtures.editors.find((e) => e.value === value);
      if (!editor) throw new Error(`unknown editor ${value}`);
      setups.push({
        value: new MachineSetup(
          setups.length,
          editor.value,
          os.value,
          fixtures.browser.value,
          machineIndex,
          editor,
          os.browserPlatform,
          fixtures,
          details,
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

/** Each project's files and branches under `root`, drawn project by project. */
function projectDetails(
  fixtures: WorldFixtures,
  root: string,
  projects: readonly { name: string; languages: string[]; dependencies: string[] }[],
  words: BranchWords,
  rng: Random,
): ProjectDetails[] {
  const rootParts = pathPartCount(root);
  return projects.map((project) => {
    const spec = { fixtures, root: `${root}/${project.name}`, languages: project.languages, dependencies: dependenciesOf(project) };
    const files = drawFiles(spec, rng);
    return { files, branches: drawBranches(fixtures, words, rng), rootCount: rootParts + pathPartCount(project.name) };
  });
}

/** A project of a profile: its name, place and life are habits, the rest its profile's details. */
class DrawnProject implements ProfileProject {
  activeFrom: number | null = null;
  activeTo: number | null = null;

  constructor(
    readonly name: string,
    readonly index: number,
    private readonly details: LazyDetails,
  ) {}

  private get drawn(): ProjectDetails {
    return this.details.value.projects[this.index] as ProjectDetails;
  }

  get files(): ProjectFiles {
    return this.drawn.files;
  }

  get branches(): Weighted<string>[] {
    return this.drawn.branches;
  }

  get projectRootCount(): number {
    return this.drawn.rootCount;
  }
}

/**
 * A profile's details: the CLI, each machine's name, platform and address (a fixed account's are
 * its fixture's), each project's files and branches.
 */
function drawDetails(fixtures: WorldFixtures, words: BranchWords, source: DetailsSource, rng: Random): Details {
  const cli = rng.weighted(weightsOf(fixtures).cliVersions);
  if (source.kind === 'account') {
    const { activity } = source;
    const machines = activity.machines.map(({ name, platform, ipAddress }) => ({
      name,
      platform,
      ipAddress,
      ja4Id: rng.chance(0.3) ? rng.int(1000, 99_999) : null,
    }));
    return { cli, machines, projects: projectDetails(fixtures, activity.home, activity.projects, words, rng) };
  }
  const { machineSystems } = source;
  // Names such as "D'angelo" or "Zoë" would make odd paths and host names.
  const first = source.firstName.replace(/[^A-Za-z]/g, '') || 'dev';
  const machines = machineSystems.map((os) => ({
    name: fillPattern(rng.pick(fixtures.machines.patterns[os.value] ?? ['machine']), first, rng),
    platform: rng.pick(os.platforms),
    ipAddress: `${rng.pick(['198.51.100', '192.0.2'])}.${rng.int(2, 254)}`,
    ja4Id: rng.chance(0.3) ? rng.int(1000, 99_999) : null,
  }));
  const primary = machineSystems[0] as OperatingSystem;
  const home = fillPattern(fixtures.machines.homeDirectories[primary.value] ?? '/home/{first}', first, rng);
  const root = `${home}/${rng.pick(fixtures.machines.codeDirectories)}`;
  const projects = source.choice.projects.map((p) => p.value);
  return { cli, machines, projects: projectDetails(fixtures, root, projects, words, rng) };
}

/**
 * The habits of a seeded user, made when its history is first read, from the user's own stream;
 * its details come from that stream's `details` fork when a row first needs them.
 */
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
  const weights = weightsOf(fixtures);
  const machineSystems: OperatingSystem[] = [];
  for (let i = rng.chance(0.35) ? 2 : 1; i > 0; i--) machineSystems.push(rng.weighted(weights.operatingSystems));
  const editorPool = weights.editors;
  const firstEditor = rng.weighted(editorPool);
  const editors = [firstEditor];
  if (rng.chance(0.4)) editors.push(rng.weighted(editorPool.filter((e) => e.value !== firstEditor)));
  const details = new LazyDetails(fixtures, words, { kind: 'seeded', firstName, choice, machineSystems }, rng);
  const projects = choice.projects.map(({ value, weight }, index) => ({
    value: withLife(new DrawnProject(value.name, index, details), index, now, rng),
    weight,
  }));
  return {
    projects,
    setups: buildSetups(fixtures, editors, machineSystems, details),
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

/** The habits of a fixed account (demo), from its fixture; its details from `rng`'s `details` fork. */
export function accountProfile(fixtures: WorldFixtures, account: AccountFixture, words: BranchWords, rng: Random): ActivityProfile | null {
  const activity = account.activity;
  if (!activity) return null;
  const machineSystems = activity.machines.map((machine) => operatingSystem(fixtures, machine.os));
  const details = new LazyDetails(fixtures, words, { kind: 'account', activity }, rng);
  const repoMappings = activity.projects
    .filter((p) => p.repoUrl !== null || p.archived)
    .map((p) => ({ project: p.name, repoUrl: p.repoUrl, archived: p.archived }));
  return {
    projects: activity.projects.map((project, index) => ({
      value: new DrawnProject(project.name, index, details),
      weight: project.weight,
    })),
    setups: buildSetups(fixtures, activity.editors, machineSystems, details),
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
