/**
 * @module
 * Reads `fixtures/world/*.json` (the seed data of the world) once per process and checks the
 * cross-references generation relies on, so a typo in a fixture fails at load, not as an odd
 * world.
 */
import { readWorldFixture } from './platform.js';
import { isValidTimeZone } from './time-zone.js';
import type { OAuthScope, User } from './types.js';

export interface LanguageFixture {
  name: string;
  color: string | null;
  extensions: string[];
  aliases: string[];
  filenames: string[];
}

export interface ProjectFixture {
  name: string;
  languages: string[];
  /** A URL, null, or `{github}` for the user's own repository. */
  repo: string | null;
  dependencies: string[];
}

interface EditorFixture {
  value: string;
  displayName: string;
  weight: number;
  product: string;
  plugin: string;
}

interface OperatingSystemFixture {
  value: string;
  displayName: string;
  weight: number;
  platforms: string[];
  browserPlatform: string;
}

interface CategoryFixture {
  name: string;
  weight: number;
  type?: string;
}

interface TimeZoneFixture {
  zone: string;
  country: string | null;
  weight: number;
}

interface AccountProject {
  name: string;
  languages: string[];
  repoUrl: string | null;
  archived: boolean;
  weight: number;
  dependencies: string[];
}

interface AccountMachine {
  name: string;
  os: string;
  platform: string;
  ipAddress: string;
}

export interface AccountFixture {
  /** The fixed account; times and repo mappings are derived at generation. */
  user: Omit<User, 'username' | 'createdAt' | 'updatedAt' | 'repoMappings'> & { username: string };
  createdDaysAgo: number;
  updatedDaysAgo: number;
  apiKeys: string[];
  oauthTokens: { token: string; scopes: OAuthScope[] }[];
  adminKeys: { token: string; active: boolean }[];
  activity: {
    home: string;
    projects: AccountProject[];
    liveProject: string;
    editors: string[];
    machines: AccountMachine[];
    /** Every one of the last N local days gets at least one session. */
    dailyStreakDays: number;
  } | null;
}

export interface WorldFixtures {
  languages: LanguageFixture[];
  defaultColor: string;
  projects: ProjectFixture[];
  editors: EditorFixture[];
  browser: { value: string; displayName: string; plugin: string };
  operatingSystems: OperatingSystemFixture[];
  categories: CategoryFixture[];
  browsingDomains: string[];
  aiModels: string[];
  aiSubscriptionPlans: (string | null)[];
  userAgents: {
    template: string;
    browserTemplate: string;
    cliVersions: { cli: string; runtime: string; weight: number }[];
  };
  machines: {
    patterns: Record<string, string[]>;
    homeDirectories: Record<string, string>;
    codeDirectories: string[];
  };
  timeZones: TimeZoneFixture[];
  files: {
    directories: string[];
    testDirectories: string[];
    baseNames: string[];
    testSuffix: string;
    specialFiles: Record<string, string[]>;
    branches: string[];
    branchPrefixes: string[];
  };
  accounts: { demo: AccountFixture; admin: AccountFixture };
  /** Faker's English names and hacker words (`faker-words.json`, written by `tools/faker-words.ts`). */
  words: { first: string[]; last: string[]; nouns: string[]; verbs: string[] };
}

function readJson(name: string): Record<string, unknown> {
  const parsed = readWorldFixture(name);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`fixtures/world/${name}: expected a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function field<T>(file: Record<string, unknown>, key: string, name: string): T {
  if (!(key in file)) throw new Error(`fixtures/world/${name}: missing "${key}"`);
  return file[key] as T;
}

function check(fixtures: WorldFixtures): void {
  const languages = new Set(fixtures.languages.map((l) => l.name));
  const editors = new Set(fixtures.editors.map((e) => e.value));
  const systems = new Set(fixtures.operatingSystems.map((o) => o.value));
  const problems: string[] = [];
  for (const [list, words] of Object.entries(fixtures.words)) {
    if (!Array.isArray(words) || words.length === 0 || words.some((w) => typeof w !== 'string' || w === '')) {
      problems.push(`faker-words.json: ${list} must be a list of words`);
    }
  }
  const allProjects = [
    ...fixtures.projects,
    ...(fixtures.accounts.demo.activity?.projects ?? []),
    ...(fixtures.accounts.admin.activity?.projects ?? []),
  ];
  for (const project of allProjects) {
    for (const language of project.languages) {
      if (!languages.has(language)) problems.push(`project ${project.name}: unknown language ${language}`);
    }
  }
  for (const language of Object.keys(fixtures.files.specialFiles)) {
    if (!languages.has(language)) problems.push(`files.specialFiles: unknown language ${language}`);
  }
  for (const account of [fixtures.accounts.demo, fixtures.accounts.admin]) {
    if (!isValidTimeZone(account.user.timezone)) problems.push(`${account.user.username}: bad zone`);
    for (const editor of account.activity?.editors ?? []) {
      if (!editors.has(editor)) problems.push(`${account.user.username}: unknown editor ${editor}`);
    }
    for (const machine of account.activity?.machines ?? []) {
      if (!systems.has(machine.os)) problems.push(`${account.user.username}: unknown os ${machine.os}`);
    }
  }
  for (const { zone } of fixtures.timeZones) {
    if (!isValidTimeZone(zone)) problems.push(`time-zones: invalid zone ${zone}`);
  }
  for (const os of systems) {
    if (!fixtures.machines.patterns[os] || !fixtures.machines.homeDirectories[os]) {
      problems.push(`machines: no patterns or home directory for ${os}`);
    }
  }
  if (problems.length > 0) throw new Error(`fixtures/world is inconsistent:\n- ${problems.join('\n- ')}`);
}

/** Loads and checks the project's `fixtures/world/` (from disk, or from the browser bundle). */
function loadWorldFixtures(): WorldFixtures {
  const languages = readJson('languages.json');
  const editors = readJson('editors.json');
  const categories = readJson('categories.json');
  const userAgents = readJson('user-agents.json');
  const accounts = readJson('accounts.json');
  const fixtures: WorldFixtures = {
    languages: field(languages, 'languages', 'languages.json'),
    defaultColor: field(languages, 'defaultColor', 'languages.json'),
    projects: field(readJson('projects.json'), 'projects', 'projects.json'),
    editors: field(editors, 'editors', 'editors.json'),
    browser: field(editors, 'browser', 'editors.json'),
    operatingSystems: field(readJson('operating-systems.json'), 'operatingSystems', 'operating-systems.json'),
    categories: field(categories, 'categories', 'categories.json'),
    browsingDomains: field(categories, 'browsingDomains', 'categories.json'),
    aiModels: field(categories, 'aiModels', 'categories.json'),
    aiSubscriptionPlans: field(categories, 'aiSubscriptionPlans', 'categories.json'),
    userAgents: {
      template: field(userAgents, 'template', 'user-agents.json'),
      browserTemplate: field(userAgents, 'browserTemplate', 'user-agents.json'),
      cliVersions: field(userAgents, 'cliVersions', 'user-agents.json'),
    },
    machines: readJson('machines.json') as unknown as WorldFixtures['machines'],
    timeZones: field(readJson('time-zones.json'), 'timeZones', 'time-zones.json'),
    files: readJson('files.json') as unknown as WorldFixtures['files'],
    accounts: {
      demo: field(accounts, 'demo', 'accounts.json'),
      admin: field(accounts, 'admin', 'accounts.json'),
    },
    words: readJson('faker-words.json') as unknown as WorldFixtures['words'],
  };
  check(fixtures);
  return fixtures;
}

let cached: WorldFixtures | undefined;

/**
 * A value worked out once per fixtures, the same for every world made from them (a memo; the last
 * fixtures' value is kept at hand, since a process rarely holds more than one set).
 * @example
 * const weightedZones = perFixtures((f) => f.timeZones.map((z) => ({ value: z, weight: z.weight })));
 * weightedZones(worldFixtures());
 */
export function perFixtures<T>(make: (fixtures: WorldFixtures) => T): (fixtures: WorldFixtures) => T {
  const made = new WeakMap<WorldFixtures, T>();
  let lastFixtures: WorldFixtures | null = null;
  let lastValue: T | undefined;
  return (fixtures) => {
    if (fixtures !== lastFixtures) {
      let value = made.get(fixtures);
      if (value === undefined) {
        value = make(fixtures);
        made.set(fixtures, value);
      }
      lastFixtures = fixtures;
      lastValue = value;
    }
    return lastValue as T;
  };
}

/** The project's world fixtures, loaded on first use. */
export function worldFixtures(): WorldFixtures {
  cached ??= loadWorldFixtures();
  return cached;
}
