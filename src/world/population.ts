/**
 * @module
 * The people of the world and their credentials: the fixed accounts from
 * `fixtures/world/accounts.json`, seeded users from faker (with the roles tests rely on), API
 * keys, Admin keys, OAuth tokens and the trust-level audit log.
 */
import { type AccountFixture, perFixtures, type WorldFixtures } from './fixtures.js';
import type { Random } from './random.js';
import type { AdminKey, ApiKey, OAuthToken, RepoMapping, TrustLevel, TrustLevelChange, User } from './types.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Doorkeeper's access-token lifetime in this app. */
/** How long the seeded OAuth tokens live (the OAuth server reads their creation time back from it). */
export const OAUTH_TOKEN_LIFETIME = 16 * 365 * DAY;
const BASE36 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const USERNAME_MAX_LENGTH = 21;

/** Seeded roles in id order: the first seeded user (id 3) is `banned`, and so on. */
export const SEEDED_ROLES = ['banned', 'pendingDeletion', 'privateStats', 'yellow', 'noSlack', 'noGithub', 'shadowBanned'] as const;

export type SeededRole = (typeof SEEDED_ROLES)[number];

/** The fixed accounts take ids 1 and 2; seeded users start here. */
export const FIRST_SEEDED_ID = 3;

export interface Person {
  user: User;
  firstName: string;
  role: SeededRole | null;
}

/** A fixed account's user row; only its timestamps depend on `now`. */
export function fixedUser(account: AccountFixture, now: number, days: number, repoMappings: RepoMapping[]): User {
  const u = account.user;
  const createdAt = now - Math.max(account.createdDaysAgo, days + 1) * DAY;
  return {
    ...u,
    emails: u.emails.slice(),
    dailyGoal: u.dailyGoal ? { ...u.dailyGoal, projects: u.dailyGoal.projects.slice(), languages: u.dailyGoal.languages.slice() } : null,
    createdAt,
    updatedAt: Math.max(createdAt, now - account.updatedDaysAgo * DAY),
    repoMappings,
  };
}

function sanitiseUsername(raw: string): string {
  const cleaned = raw.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, USERNAME_MAX_LENGTH);
  // All-digit names would be read as user ids, and `my` means "the caller" in stats routes.
  return /[A-Za-z]/.test(cleaned) && cleaned !== 'my' ? cleaned : `user_${cleaned}`.slice(0, USERNAME_MAX_LENGTH);
}

/** GitHub logins: letters, digits and single inner hyphens. */
function githubLogin(firstName: string, lastName: string, rng: Random): string {
  const clean = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
  const first = clean(firstName) || 'coder';
  const login = rng.chance(0.5) ? `${first}-${clean(lastName) || 'dev'}` : `${first}${rng.int(1, 9999)}`;
  return login.slice(0, 39).replace(/-+$/, '');
}

const EXTENSION_TEXT_TYPES = [
  { value: 'simple_text' as const, weight: 8 },
  { value: 'clock_emoji' as const, weight: 1 },
  { value: 'compliment_text' as const, weight: 1 },
];

/** The fixtures' time zones as a weighted list. */
const weightedZones = perFixtures((fixtures) => fixtures.timeZones.map((z) => ({ value: z, weight: z.weight })));

/** The name lists a person is drawn from (faker's English ones). */
export interface PersonNames {
  first: readonly string[];
  last: readonly string[];
}

/**
 * A username the way faker's `internet.username` makes them (first and last name with `.` or `_`,
 * or a number), drawn straight from the user's own stream: a person is a pure function of (seed,
 * id), and a hundred thousand of them take well under a second.
 */
function internetUsername(first: string, last: string, rng: Random): string {
  switch (rng.int(0, 2)) {
    case 0:
      return `${first}${rng.int(0, 99)}`;
    case 1:
      return `${first}${rng.pick(['.', '_'])}${last}`;
    default:
      return `${first}${rng.pick(['.', '_'])}${last}${rng.int(0, 99)}`;
  }
}

function unique(candidate: string, taken: Set<string>, rng: Random): string {
  let name = candidate;
  while (taken.has(name)) name = `${candidate.slice(0, USERNAME_MAX_LENGTH - 3)}${rng.int(10, 999)}`;
  taken.add(name);
  return name;
}

/** A seeded user. Roles make exactly one user banned, one pending deletion, and so on. */
export function seededPerson(
  id: number,
  role: SeededRole | null,
  fixtures: WorldFixtures,
  names: PersonNames,
  rng: Random,
  context: { now: number; days: number; taken: Set<string> },
): Person {
  const firstName = rng.pick(names.first);
  const lastName = rng.pick(names.last);
  const username = unique(sanitiseUsername(internetUsername(firstName, lastName, rng)), context.taken, rng);
  const hasSlack = role !== 'noSlack';
  const hasGithub = role !== 'noGithub';
  const slackUid = hasSlack ? `U0${rng.chars(BASE36, 8)}` : null;
  const githubUsername = hasGithub ? unique(githubLogin(firstName, lastName, rng), context.taken, rng) : null;
  const zone = rng.weighted(weightedZones(fixtures));
  const trustLevel: TrustLevel = role === 'banned' ? 'red' : role === 'yellow' ? 'yellow' : rng.chance(0.45) ? 'green' : 'blue';
  const createdAt = context.now - (context.days + rng.int(5, 600)) * DAY - rng.int(0, DAY);
  const email = `${`${firstName}.${lastName}`.toLowerCase().replace(/[^a-z0-9.]/g, '')}${id}@example.com`;
  const emails = rng.chance(0.2) ? [email, `${username.toLowerCase()}@hackclub.test`] : [email];
  const extension = rng.weighted(EXTENSION_TEXT_TYPES);
  const user: User = {
    id,
    username,
    displayNameOverride: rng.chance(0.1) ? `${firstName} ${lastName[0] ?? ''}.` : null,
    slackUsername: hasSlack ? (rng.chance(0.6) ? `${firstName} ${lastName}` : firstName.toLowerCase()) : null,
    githubUsername,
    slackUid,
    hcaId: rng.chance(0.5) ? `hca_${rng.chars(BASE36.toLowerCase(), 10)}` : null,
    emails,
    timezone: zone.zone,
    countryCode: rng.chance(0.85) ? zone.country : null,
    slackAvatarUrl: hasSlack ? `https://avatars.slack-edge.com/2025-01-01/${rng.hex(12)}_192.png` : null,
    githubAvatarUrl: hasGithub ? `https://avatars.githubusercontent.com/u/${rng.int(100_000, 99_999_999)}?v=4` : null,
    trustLevel,
    allowPublicStats: role !== 'privateStats',
    pendingDeletion: role === 'pendingDeletion',
    adminLevel: 'default',
    createdAt,
    updatedAt: Math.min(context.now, createdAt + rng.int(0, 30) * DAY),
    extensionTextType: extension,
    showGoalsInStatusbar: rng.chance(0.9),
    dailyGoal: rng.chance(0.4) ? { targetSeconds: rng.pick([1800, 3600, 5400, 7200, 14400]), projects: [], languages: [] } : null,
    leaderboardShadowBanned: role === 'shadowBanned',
    repoMappings: [],
  };
  return { user, firstName, role };
}

export interface Credentials {
  apiKeys: ApiKey[];
  adminKeys: AdminKey[];
  oauthTokens: OAuthToken[];
}

/** The credentials a fixed account declares in its fixture (never seeded). */
export function fixedCredentials(account: AccountFixture, user: User): Credentials {
  return {
    apiKeys: account.apiKeys.map((token, i) => ({
      token,
      userId: user.id,
      name: i === 0 ? 'Hackatime key' : `Key ${i + 1}`,
      createdAt: user.createdAt,
    })),
    adminKeys: account.adminKeys.map((k) => ({ token: k.token, ownerId: user.id, active: k.active })),
    oauthTokens: account.oauthTokens.map((t) => ({
      token: t.token,
      userId: user.id,
      scopes: t.scopes.slice(),
      appVerified: false,
      appConfidential: false,
      revokedAt: null,
      expiresAt: user.createdAt + OAUTH_TOKEN_LIFETIME,
    })),
  };
}

/** A Doorkeeper-style opaque token (43 URL-safe characters). */
export function oauthTokenString(rng: Random): string {
  return rng.chars(TOKEN_ALPHABET, 43);
}

/** The token strings of a seeded user's credentials, drawn from its `keys:<id>` stream. */
export interface SeededTokens {
  apiKeys: string[];
  oauthToken: string;
}

/** A seeded user's tokens: one API key (UUID v4), a second one time in five, one OAuth token. */
export function seededTokens(rng: Random): SeededTokens {
  const apiKeys = [rng.uuidV4()];
  if (rng.chance(0.2)) apiKeys.push(rng.uuidV4());
  return { apiKeys, oauthToken: oauthTokenString(rng) };
}

/** Seeded API keys and one read-scoped OAuth token per seeded user, from its tokens. */
export function seededCredentials(user: User, tokens: SeededTokens): Credentials {
  const apiKeys: ApiKey[] = tokens.apiKeys.map((token, i) => ({
    token,
    userId: user.id,
    name: i === 0 ? 'Hackatime key' : `Key ${i + 1}`,
    createdAt: i === 0 ? user.createdAt : user.updatedAt,
  }));
  const oauthTokens: OAuthToken[] = [
    {
      token: tokens.oauthToken,
      userId: user.id,
      scopes: ['profile', 'read'],
      appVerified: false,
      appConfidential: false,
      revokedAt: null,
      expiresAt: user.createdAt + OAUTH_TOKEN_LIFETIME,
    },
  ];
  return { apiKeys, adminKeys: [], oauthTokens };
}

/**
 * The only shapes in which seeded users' names and credentials are made (above): a value of
 * another shape can belong to a fixed account only, so a lookup of it needs no seeded user made.
 */
export const SEEDED_SHAPES = {
  username: /^[A-Za-z0-9_-]{1,21}$/,
  slackUid: /^U0[0-9A-Z]{8}$/,
  hcaId: /^hca_[0-9a-z]{10}$/,
  email: /^[a-z0-9._-]+@(example\.com|hackclub\.test)$/,
  apiKey: /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  oauthToken: /^[A-Za-z0-9_-]{43}$/,
} as const;

/**
 * The trust-level audit log: the banned user went red within the last day, one user was red
 * for a day earlier this week and one earlier this month (both restored), the yellow user was
 * flagged, and a few users were marked green. So `banned_users/counts` answers day 1, week 2,
 * month 3.
 */
export function trustLevelChanges(people: readonly Person[], now: number, rng: Random): TrustLevelChange[] {
  const changes: TrustLevelChange[] = [];
  const byRole = (role: SeededRole): Person | undefined => people.find((p) => p.role === role);
  const banned = byRole('banned');
  if (banned) changes.push({ userId: banned.user.id, to: 'red', at: now - rng.int(1, 20) * HOUR });
  const restorable = people.filter((p) => p.role !== 'banned' && p.role !== 'yellow' && p.user.id >= FIRST_SEEDED_ID);
  const [weekly, monthly] = [restorable[restorable.length - 1], restorable[restorable.length - 2]];
  if (weekly) {
    const at = now - 3 * DAY - rng.int(0, 12) * HOUR;
    changes.push({ userId: weekly.user.id, to: 'red', at }, { userId: weekly.user.id, to: weekly.user.trustLevel, at: at + DAY });
  }
  if (monthly) {
    const at = now - 20 * DAY - rng.int(0, 12) * HOUR;
    changes.push({ userId: monthly.user.id, to: 'red', at }, { userId: monthly.user.id, to: monthly.user.trustLevel, at: at + DAY });
  }
  const yellow = byRole('yellow');
  if (yellow) changes.push({ userId: yellow.user.id, to: 'yellow', at: now - 10 * DAY });
  for (const person of people) {
    if (person.user.trustLevel === 'green' && person.user.id >= FIRST_SEEDED_ID && rng.chance(0.5)) {
      changes.push({ userId: person.user.id, to: 'green', at: Math.min(now - HOUR, person.user.createdAt + rng.int(1, 30) * DAY) });
    }
  }
  return changes.sort((a, b) => a.at - b.at || a.userId - b.userId);
}
