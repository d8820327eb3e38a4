/**
 * @module
 * A user's coding habits, decided once before any heartbeat: which projects (and their files,
 * branches, repo mappings), which editors on which machines (and so which user agents), when in
 * the day they code and how much. Every string a heartbeat will carry is built here, once, so
 * the rows share them.
 */
import type { AccountFixture, WorldFixtures } from './fixtures.js';
import { ProjectFiles } from './profile-files.js';
import { holidayBreaks, type ProjectChoice, withLife } from './project-life.js';
import type { Random, Weighted } from './random.js';
import type { RepoMapping } from './types.js';

export interface ProfileProject {
  name: string;
  /** Drawn when row details first need them (the keyed instants never do). */
  files: ProjectFiles;
  branches: Weighted<string>[];
  projectRootCount: number;
  /** The project's life (epoch ms; null: open): sessions outside it pick other projects. */
  activeFrom: number | null;
  activeTo: number | null;
}

/** One editor on one machine: everything a heartbeat copies from where it was sent. */
export interface Setup {
  editor: string;
  os: string;
  machine: string;
  userAgent: string;
  browserUserAgent: string;
  browserEditor: string;
  ipAddress: string;
  ja4Id: number | null;
}

export interface ActivityProfile {
  projects: Weighted<ProfileProject>[];
  setups: Weighted<Setup>[];
  /** Local start-hour windows `[from, to)`; hours past 24 run into the next day. */
  hours: Weighted<[number, number]>[];
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

function fillPattern(pattern: string, first: string, rng: Random): string {
  return pattern
    .replaceAll('{first}', first.toLowerCase())
    .replaceAll('{First}', capitalise(first.toLowerCase()))
    .replaceAll('{FIRST}', first.toUpperCase())
    .replaceAll('{HEX7}', rng.hex(7).toUpperCase());
}

/** Words of feature-branch names (faker's hacker nouns and verbs, as its `git.branch` uses them). */
export interface BranchWords {
  nouns: readonly string[];
  verbs: readonly string[];
}

function buildBranches(fixtures: WorldFixtures, words: BranchWords, rng: Random): Weighted<string>[] {
  const branches: Weighted<string>[] = [{ value: rng.pick(fixtures.files.branches), weight: 7 }];
  for (let i = rng.int(0, 2); i > 0; i--) {
    const name = `${rng.pick(words.nouns).replace(' ', '-')}-${rng.pick(words.verbs).replace(' ', '-')}`;
    branches.push({ value: `${rng.pick(fixtures.files.branchPrefixes)}/${name}`, weight: 2 });
  }
  return branches;
}

interface MachineSpec {
  name: string;
  os: string;
  platform: string;
  ipAddress: string;
}

/** Editors, machines and the user agents they produce. */
function buildSetups(
  fixtures: WorldFixtures,
  editors: readonly string[],
  machines: readonly MachineSpec[],
  rng: Random,
): Weighted<Setup>[] {
  const setups: Weighted<Setup>[] = [];
  const cli = rng.weighted(fixtures.userAgents.cliVersions.map((v) => ({ value: v, weight: v.weight })));
  machines.forEach((machine, machineIndex) => {
    const os = fixtures.operatingSystems.find((o) => o.value === machine.os);
    if (!os) throw new Error(`unknown operating system ${machine.os}`);
    const browserUserAgent = fixtures.userAgents.browserTemplate
      .replace('{browserPlatform}', os.browserPlatform)
      .replace('{plugin}', fixtures.browser.plugin);
    const ja4Id = rng.chance(0.3) ? rng.int(1000, 99_999) : null;
    editors.forEach((value, editorIndex) => {
      const editor = fixtures.editors.find((e) => e.value === value);
      if (!editor) throw new Error(`unknown editor ${value}`);
      const userAgent = fixtures.userAgents.template
        .replace('{cli}', cli.cli)
        .replace('{platform}', machine.platform)
        .replace('{runtime}', cli.runtime)
        .replace('{product}', editor.product)
        .replace('{plugin}', editor.plugin);
      setups.push({
        value: {
          editor: editor.value,
          os: os.value,
          machine: machine.name,
          userAgent,
          browserUserAgent,
          browserEditor: fixtures.browser.value,
          ipAddress: machine.ipAddress,
          ja4Id,
        },
        weight: (editorIndex === 0 ? 8 : 2) * (machineIndex === 0 ? 3 : 1),
      });
    });
  });
  return setups;
}

function hourWindows(rng: Random): Weighted<[number, number]>[] {
  return [
    { value: [8, 12], weight: rng.int(1, 5) },
    { value: [13, 18], weight: rng.int(2, 6) },
    { value: [19, 23], weight: rng.int(2, 7) },
    { value: [23, 26], weight: rng.int(0, 2) },
  ];
}

function profileProject(
  fixtures: WorldFixtures,
  root: string,
  project: { name: string; languages: string[]; dependencies: string[] },
  words: BranchWords,
  rng: Random,
): ProfileProject {
  const projectRoot = `${root}/${project.name}`;
  const dependencies = Object.freeze(project.dependencies.slice()) as string[];
  return {
    name: project.name,
    files: ProjectFiles.skip({ fixtures, root: projectRoot, languages: project.languages, dependencies }, rng),
    branches: buildBranches(fixtures, words, rng),
    projectRootCount: projectRoot.split('/').filter((part) => part.length > 0).length,
    activeFrom: null,
    activeTo: null,
  };
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
  const machines: MachineSpec[] = [];
  for (let i = 0; i < machineCount; i++) {
    const os = rng.weighted(fixtures.operatingSystems.map((o) => ({ value: o, weight: o.weight })));
    const patterns = fixtures.machines.patterns[os.value] ?? ['machine'];
    machines.push({
      name: fillPattern(rng.pick(patterns), first, rng),
      os: os.value,
      platform: rng.pick(os.platforms),
      ipAddress: `${rng.pick(['198.51.100', '192.0.2'])}.${rng.int(2, 254)}`,
    });
  }
  const editorPool = fixtures.editors.map((e) => ({ value: e.value, weight: e.weight }));
  const firstEditor = rng.weighted(editorPool);
  const editors = [firstEditor];
  if (rng.chance(0.4)) editors.push(rng.weighted(editorPool.filter((e) => e.value !== firstEditor)));

  const primaryMachine = machines[0] as MachineSpec;
  const home = fillPattern(fixtures.machines.homeDirectories[primaryMachine.os] ?? '/home/{first}', first, rng);
  const root = `${home}/${rng.pick(fixtures.machines.codeDirectories)}`;
  return {
    projects: choice.projects.map(({ value, weight }, index) => ({
      value: withLife(profileProject(fixtures, root, value, words, rng), index, now, rng),
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
  const projects = activity.projects.map((project) => ({
    value: profileProject(fixtures, activity.home, project, words, rng),
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
