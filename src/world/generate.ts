/**
 * @module
 * Builds a whole world from a seed and an instant: users, credentials, trust-level events and
 * a heartbeat history relative to `now`. Same seed, `now` and options → the same world, byte for
 * byte; nothing here reads the clock or `Math.random`.
 */

import { accountProfile } from './activity-profile.js';
import type { UserPlan } from './day-plan.js';
import { type WorldFixtures, worldFixtures } from './fixtures.js';
import { DEFAULT_CACHE_BYTES, GeneratedHistory } from './history.js';
import { People } from './people.js';
import { type PlanContext, planFor, SeededPlans } from './plans.js';
import {
  FIRST_SEEDED_ID,
  fixedCredentials,
  fixedUser,
  oauthTokenString,
  type Person,
  SEEDED_ROLES,
  type SeededRole,
  trustLevelChanges,
} from './population.js';
import { Random } from './random.js';
import { localDate, startOfLocalDay } from './time-zone.js';
import type { OAuthToken, SpecialTokens, TrustLevelChange, WorldData, WorldRoles } from './types.js';

const DEFAULT_SEED = 42;
const DEFAULT_USERS = 12;
const DEFAULT_DAYS = 365;
/**
 * The largest world the mock holds: a user, its credentials (about 4 KB), its habits and plan are
 * made when first read (people.ts, plans.ts).
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
  const { words } = fixtures;
  const { demo, admin } = fixtures.accounts;

  const demoProfile = accountProfile(fixtures, demo, words, root.fork(`profile:${demo.user.id}`));
  const demoPerson: Person = { user: fixedUser(demo, now, days, demoProfile?.repoMappings ?? []), firstName: 'Orpheus', role: null };
  const adminPerson: Person = { user: fixedUser(admin, now, days, []), firstName: 'Heidi', role: null };

  // Roles go to ids 3.. in order, so who holds what is known before any seeded user is made.
  const roleId = (role: SeededRole): number => FIRST_SEEDED_ID + SEEDED_ROLES.indexOf(role);
  const firstOrdinary = FIRST_SEEDED_ID + SEEDED_ROLES.length;
  // Who is "currently hacking": demo plus two ordinary users (role users when there are none).
  const ordinary = [firstOrdinary, firstOrdinary + 1].filter((id) => id <= userCount);
  const fallback = [roleId('noSlack'), roleId('noGithub')];
  const hackers = [...ordinary, ...fallback].slice(0, 2);
  const liveRng = root.fork('live');
  const live = new Map<number, number>();
  const demoTodayStart = startOfLocalDay(localDate(now, demo.user.timezone), demo.user.timezone);
  // However early in demo's local day `now` is, its last heartbeat still falls on that day.
  live.set(demo.user.id, now - Math.min(liveRng.int(20, 110) * 1000, Math.floor((now - demoTodayStart) / 2)));
  for (const hacker of hackers) live.set(hacker, now - liveRng.int(10, 200) * 1000);

  const tokenRng = root.fork('special-tokens');
  const tokenHolder = ordinary[0] ?? fallback[0] ?? demo.user.id;
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
  const readOnly = special(tokenHolder, { scopes: ['read'] });
  const revoked = special(tokenHolder, { revokedAt: now - 2 * DAY });
  const expired = special(tokenHolder, { expiresAt: now - DAY });
  const verified = special(roleId('yellow'), { appVerified: true, appConfidential: true });

  const people = new People({
    root,
    fixtures,
    names: words,
    now,
    days,
    count: userCount,
    fixed: [
      { person: demoPerson, credentials: fixedCredentials(demo, demoPerson.user) },
      { person: adminPerson, credentials: fixedCredentials(admin, adminPerson.user) },
    ],
    specialTokens: [readOnly, revoked, expired, verified],
  });

  const context: PlanContext = { root, words, fixtures, now, days, live, testEntryUser: tokenHolder };
  const fixedPlans = new Map<number, UserPlan>();
  if (demoProfile) {
    const plan = planFor(demoPerson, demoProfile, context);
    if (demo.activity) {
      plan.forcedDays = demo.activity.dailyStreakDays;
      if (plan.live) plan.live.project = demo.activity.liveProject;
    }
    fixedPlans.set(demo.user.id, plan);
  }
  const plans = new SeededPlans(people, context, fixedPlans);

  const inactiveAdminKey = people.adminKeys.find((k) => !k.active);
  if (!inactiveAdminKey) throw new Error('fixtures/world/accounts.json: admin needs an inactive admin key');
  const nameOf = (id: number): string => people.user(id)?.username ?? '';

  const roles: WorldRoles = {
    demo: demo.user.username,
    admin: admin.user.username,
    banned: nameOf(roleId('banned')),
    pendingDeletion: nameOf(roleId('pendingDeletion')),
    privateStats: nameOf(roleId('privateStats')),
    yellow: nameOf(roleId('yellow')),
    noSlack: nameOf(roleId('noSlack')),
    noGithub: nameOf(roleId('noGithub')),
    shadowBanned: nameOf(roleId('shadowBanned')),
    currentlyHacking: [demo.user.username, ...hackers.map(nameOf)],
    noHeartbeats: admin.user.username,
  };
  const specialTokens: SpecialTokens = {
    readOnly: readOnly.token,
    revoked: revoked.token,
    expired: expired.token,
    verifiedConfidential: verified.token,
    inactiveAdminKey: inactiveAdminKey.token,
  };
  let trust: TrustLevelChange[] | null = null;
  return {
    seed,
    now,
    days,
    // Every user at once only for a read of them all: the lookups ask `people`.
    get users() {
      return people.users();
    },
    get apiKeys() {
      return people.apiKeys();
    },
    adminKeys: people.adminKeys.slice(),
    get oauthTokens() {
      return people.oauthTokens();
    },
    get trustLevelChanges() {
      trust ??= trustLevelChanges(people.all(), now, root.fork('trust'));
      return trust;
    },
    people,
    history: new GeneratedHistory(plans, { now, maxUserId: userCount, live }, fixtures, options.cacheBytes ?? DEFAULT_CACHE_BYTES),
    roles,
    specialTokens,
  };
}
