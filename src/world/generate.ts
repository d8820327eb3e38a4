/**
 * @module
 * Builds a whole world from a seed and an instant: users, credentials, trust-level events and
 * a heartbeat history relative to `now`. Same seed, `now` and options → the same world, byte for
 * byte; nothing here reads the clock or `Math.random`.
 */

import { accountProfile } from './activity-profile.js';
import type { UserPlan } from './day-plan.js';
import { branchWords, personNames } from './faker.js';
import { type WorldFixtures, worldFixtures } from './fixtures.js';
import { DEFAULT_CACHE_BYTES, GeneratedHistory } from './history.js';
import { type PlanContext, planFor, SeededPlans } from './plans.js';
import {
  type Credentials,
  FIRST_SEEDED_ID,
  fixedCredentials,
  fixedUser,
  oauthTokenString,
  type Person,
  SEEDED_ROLES,
  type SeededRole,
  seededCredentials,
  seededPerson,
  trustLevelChanges,
} from './population.js';
import { type ProjectChoice, projectChoice } from './project-life.js';
import { Random } from './random.js';
import { localDate, startOfLocalDay } from './time-zone.js';
import type { OAuthToken, SpecialTokens, User, WorldData, WorldRoles } from './types.js';

const DEFAULT_SEED = 42;
const DEFAULT_USERS = 12;
const DEFAULT_DAYS = 365;
/**
 * The largest world the mock holds: the people and their credentials are made at start (about
 * 4 KB each), a user's habits and plan when its history is first read (plans.ts).
 */
export const MAX_USERS = 100_000;
/** A year, and the leap day of a leap year. */
export const MAX_DAYS = 366;
/** Two fixed accounts plus one user per seeded role. */
export const MIN_USERS = FIRST_SEEDED_ID - 1 + SEEDED_ROLES.length;

const DAY = 86_400_000;

export interface GenerateOptions {
  seed?: number;
  /** Epoch ms the history is built up to; read from the real clock once when absent. */
  now?: number;
  /** Total users, the fixed demo and admin accounts included (ids 1..users). */
  users?: number;
  /** Days of history, today included. */
  days?: number;
  fixtures?: WorldFixtures;
  /** Bytes of generated user-days kept between reads (least recently used out first). */
  cacheBytes?: number;
}

function checkOptions(seed: number, now: number, users: number, days: number): void {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!Number.isFinite(now)) throw new RangeError(`now must be epoch milliseconds, got ${now}`);
  if (!Number.isInteger(users) || users < MIN_USERS || users > MAX_USERS) {
    throw new RangeError(`users must be an integer from ${MIN_USERS} to ${MAX_USERS}, got ${users}`);
  }
  if (!Number.isInteger(days) || days < 2 || days > MAX_DAYS) throw new RangeError(`days must be 2..${MAX_DAYS}, got ${days}`);
}

/**
 * Generates a world.
 * @example
 * const world = generateWorld({ seed: 42, now: Date.parse('2026-08-22T14:00:00Z') });
 * world.roles.banned; // the username of the one red user
 */
export function generateWorld(options: GenerateOptions = {}): WorldData {
  const seed = options.seed ?? DEFAULT_SEED;
  const now = options.now ?? Date.now();
  const userCount = options.users ?? DEFAULT_USERS;
  const days = options.days ?? DEFAULT_DAYS;
  checkOptions(seed, now, userCount, days);
  const fixtures = options.fixtures ?? worldFixtures();
  const root = new Random(seed);
  const words = branchWords();
  const { demo, admin } = fixtures.accounts;

  const demoProfile = accountProfile(fixtures, demo, words, root.fork(`profile:${demo.user.id}`));
  const people: Person[] = [
    { user: fixedUser(demo, now, days, demoProfile?.repoMappings ?? []), firstName: 'Orpheus', role: null },
    { user: fixedUser(admin, now, days, []), firstName: 'Heidi', role: null },
  ];
  const taken = new Set(people.map((p) => p.user.username ?? ''));
  for (const p of people) if (p.user.githubUsername) taken.add(p.user.githubUsername);
  const names = personNames();
  for (let id = FIRST_SEEDED_ID; id <= userCount; id++) {
    const role = SEEDED_ROLES[id - FIRST_SEEDED_ID] ?? null;
    people.push(seededPerson(id, role, fixtures, names, root.fork(`user:${id}`), { now, days, taken }));
  }

  const choices = new Map<number, ProjectChoice>();
  for (const person of people.slice(2)) {
    const rng = root.fork(`projects:${person.user.id}`);
    const choice = projectChoice(fixtures, person.user.githubUsername, rng);
    person.user.repoMappings = choice.repoMappings;
    const primary = choice.projects[0]?.value.name;
    if (person.user.dailyGoal && primary && rng.chance(0.25)) person.user.dailyGoal.projects = [primary];
    choices.set(person.user.id, choice);
  }

  // Who is "currently hacking": demo plus two ordinary users (role users when there are none).
  const ordinary = people.filter((p) => p.role === null && p.user.id >= FIRST_SEEDED_ID);
  const fallback = people.filter((p) => p.role === 'noSlack' || p.role === 'noGithub');
  const hackers = [...ordinary, ...fallback].slice(0, 2);
  const liveRng = root.fork('live');
  const live = new Map<number, number>();
  const demoTodayStart = startOfLocalDay(localDate(now, demo.user.timezone), demo.user.timezone);
  // However early in demo's local day `now` is, its last heartbeat still falls on that day.
  live.set(demo.user.id, now - Math.min(liveRng.int(20, 110) * 1000, Math.floor((now - demoTodayStart) / 2)));
  for (const hacker of hackers) live.set(hacker.user.id, now - liveRng.int(10, 200) * 1000);

  const testEntryUser = (ordinary[0] ?? fallback[0] ?? (people[0] as Person)).user.id;
  const context: PlanContext = { root, words, fixtures, now, days, live, testEntryUser };
  const fixedPlans = new Map<number, UserPlan>();
  if (demoProfile) {
    const plan = planFor(people[0] as Person, demoProfile, context);
    if (demo.activity) {
      plan.forcedDays = demo.activity.dailyStreakDays;
      if (plan.live) plan.live.project = demo.activity.liveProject;
    }
    fixedPlans.set(demo.user.id, plan);
  }
  const plans = new SeededPlans(people, choices, context, fixedPlans);

  const credentials: Credentials[] = [
    fixedCredentials(demo, (people[0] as Person).user),
    fixedCredentials(admin, (people[1] as Person).user),
  ];
  for (const person of people.slice(2)) credentials.push(seededCredentials(person.user, root.fork(`keys:${person.user.id}`)));
  const apiKeys: Credentials['apiKeys'] = [];
  const adminKeys: Credentials['adminKeys'] = [];
  const oauthTokens: Credentials['oauthTokens'] = [];
  // Loops, not flatMap: a hundred thousand users' keys without an array each.
  for (const c of credentials) {
    for (const key of c.apiKeys) apiKeys.push(key);
    for (const key of c.adminKeys) adminKeys.push(key);
    for (const token of c.oauthTokens) oauthTokens.push(token);
  }

  const byRole = (role: SeededRole): User => {
    const person = people.find((p) => p.role === role);
    if (!person) throw new Error(`no user holds role ${role}`);
    return person.user;
  };
  const tokenRng = root.fork('special-tokens');
  const tokenHolder = (ordinary[0] ?? fallback[0] ?? (people[0] as Person)).user;
  const special = (userId: number, extra: Partial<OAuthToken>): OAuthToken => ({
    token: oauthTokenString(tokenRng),
    userId,
    scopes: ['profile', 'read'],
    appVerified: false,
    appConfidential: false,
    revokedAt: null,
    expiresAt: now + 16 * 365 * DAY,
    ...extra,
  });
  const readOnly = special(tokenHolder.id, { scopes: ['read'] });
  const revoked = special(tokenHolder.id, { revokedAt: now - 2 * DAY });
  const expired = special(tokenHolder.id, { expiresAt: now - DAY });
  const verified = special(byRole('yellow').id, { appVerified: true, appConfidential: true });
  oauthTokens.push(readOnly, revoked, expired, verified);
  const inactiveAdminKey = adminKeys.find((k) => !k.active);
  if (!inactiveAdminKey) throw new Error('fixtures/world/accounts.json: admin needs an inactive admin key');

  const roles: WorldRoles = {
    demo: demo.user.username,
    admin: admin.user.username,
    banned: byRole('banned').username ?? '',
    pendingDeletion: byRole('pendingDeletion').username ?? '',
    privateStats: byRole('privateStats').username ?? '',
    yellow: byRole('yellow').username ?? '',
    noSlack: byRole('noSlack').username ?? '',
    noGithub: byRole('noGithub').username ?? '',
    shadowBanned: byRole('shadowBanned').username ?? '',
    currentlyHacking: [demo.user.username, ...hackers.map((h) => h.user.username ?? '')],
    noHeartbeats: admin.user.username,
  };
  const specialTokens: SpecialTokens = {
    readOnly: readOnly.token,
    revoked: revoked.token,
    expired: expired.token,
    verifiedConfidential: verified.token,
    inactiveAdminKey: inactiveAdminKey.token,
  };
  return {
    seed,
    now,
    days,
    users: people.map((p) => p.user),
    apiKeys,
    adminKeys,
    oauthTokens,
    trustLevelChanges: trustLevelChanges(people, now, root.fork('trust')),
    history: new GeneratedHistory(plans, { now, maxUserId: userCount }, fixtures, options.cacheBytes ?? DEFAULT_CACHE_BYTES),
    roles,
    specialTokens,
  };
}
