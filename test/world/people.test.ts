/**
 * A generated world makes its users when first read (src/world/people.ts): whatever is read first,
 * each user, key and token is the one a world that made every user at once holds, and the lookups
 * give the answers an index over every user gives (the first user by id wins).
 */
import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../src/world/generate.js';
import { People } from '../../src/world/people.js';
import { FIRST_SEEDED_ID, SEEDED_SHAPES } from '../../src/world/population.js';
import { createWorld, World } from '../../src/world/store.js';
import type { User } from '../../src/world/types.js';

const NOW = Date.parse('2026-08-22T18:30:00Z');
const USERS = 400;

const world = (users = USERS) => createWorld({ seed: 42, now: NOW, users });

function peopleOf(users: number): { world: World; people: People } {
  const data = generateWorld({ seed: 42, now: NOW, users });
  if (!(data.people instanceof People)) throw new Error('a generated world has its people');
  return { world: new World(data), people: data.people };
}

/** Everything a world says about its users, made in whatever order the reads before asked. */
const everything = (w: World) =>
  JSON.stringify({ users: w.users, apiKeys: w.apiKeys, oauthTokens: w.oauthTokens, trust: w.trustLevelChanges, roles: w.roles });

describe('a world whose users are made when first read', () => {
  const eager = world();
  const reference = everything(eager);
  /** The same users and credentials as plain lists: its lookups index them all. */
  const data = generateWorld({ seed: 42, now: NOW, users: USERS });
  const listed = new World({
    seed: data.seed,
    now: data.now,
    days: data.days,
    users: data.users,
    apiKeys: data.apiKeys,
    adminKeys: data.adminKeys,
    oauthTokens: data.oauthTokens,
    trustLevelChanges: data.trustLevelChanges,
    history: data.history,
    roles: data.roles,
    specialTokens: data.specialTokens,
  });

  it('makes the same users, keys, tokens and audit log whichever user is read first', () => {
    const last = world();
    expect(last.userById(USERS)?.id).toBe(USERS);
    expect(last.apiKeysOf(USERS - 1)).toEqual(eager.apiKeysOf(USERS - 1));
    expect(everything(last)).toBe(reference);

    const tokensFirst = world();
    const key = eager.apiKeysOf(USERS)[0]?.token ?? '';
    expect(tokensFirst.userByApiKey(key)?.id).toBe(USERS);
    expect(everything(tokensFirst)).toBe(reference);

    const logFirst = world();
    expect(logFirst.trustLevelChanges.length).toBeGreaterThan(0);
    expect(everything(logFirst)).toBe(reference);
  });

  it('gives one user the same object on every read, made early or late', () => {
    const w = world();
    const late = w.userById(USERS);
    expect(w.users[USERS - 1]).toBe(late);
    expect(w.userByUsername(late?.username ?? '')).toBe(late);
  });

  it('answers every lookup as an index over every user does, on a world that made nobody yet', () => {
    const lookups: [string, (w: World, value: string) => { id?: number; userId?: number } | undefined][] = [
      ['username', (w, v) => w.userByUsername(v)],
      ['slack uid', (w, v) => w.userBySlackUid(v)],
      ['email', (w, v) => w.userByEmail(v)],
      ['identifier', (w, v) => w.lookupByIdentifier(v)],
      ['trust factor', (w, v) => w.lookupForTrustFactor(v)],
      ['badge', (w, v) => w.lookupForBadge(v)],
      ['api key', (w, v) => w.apiKey(v)],
      ['oauth token', (w, v) => w.oauthToken(v)],
    ];
    const values = [1, 2, FIRST_SEEDED_ID, 57, USERS - 1, USERS].flatMap((id) => {
      const user = listed.userById(id) as User;
      return [
        String(id),
        user.username,
        user.slackUid,
        user.hcaId,
        ...user.emails,
        ...listed.apiKeysOf(id).map((k) => k.token),
        ...listed.oauthTokensOf(id).map((t) => t.token),
      ].filter((v): v is string => v !== null);
    });
    const missing = [
      'nobody_here',
      'U0ZZZZZZZZ',
      'hca_zzzzzzzzzz',
      'x1@example.com',
      '00000000-0000-4000-8000-000000000000',
      'x'.repeat(43),
    ];
    for (const value of [...values, ...Object.values(listed.specialTokens), ...missing]) {
      const fresh = world();
      for (const [name, lookup] of lookups) expect(lookup(fresh, value), `${name} ${value}`).toEqual(lookup(listed, value));
    }
  });

  it('lists a user’s keys and OAuth tokens, the special ones it holds included, as the lists of every one do', () => {
    // Last user first: each is made before the ones it comes after.
    const fresh = world();
    for (let id = USERS; id >= 1; id--) {
      expect(fresh.oauthTokensOf(id)).toEqual(listed.oauthTokensOf(id));
      expect(fresh.apiKeysOf(id)).toEqual(listed.apiKeysOf(id));
    }
  });

  it('makes seeded names and credentials only in the shapes lookups skip the others by', () => {
    for (const user of eager.users.slice(FIRST_SEEDED_ID - 1)) {
      expect(user.username ?? '').toMatch(SEEDED_SHAPES.username);
      if (user.slackUid !== null) expect(user.slackUid).toMatch(SEEDED_SHAPES.slackUid);
      if (user.hcaId !== null) expect(user.hcaId).toMatch(SEEDED_SHAPES.hcaId);
      for (const email of user.emails) expect(email).toMatch(SEEDED_SHAPES.email);
      for (const key of eager.apiKeysOf(user.id)) expect(key.token).toMatch(SEEDED_SHAPES.apiKey);
      for (const token of eager.oauthTokensOf(user.id)) expect(token.token).toMatch(SEEDED_SHAPES.oauthToken);
    }
  });
});

describe('what a read of a big world makes', () => {
  it('makes at start only the users the roles name, and no more for the fixed accounts’ lookups', () => {
    const { world: w, people } = peopleOf(100_000);
    const atStart = people.made;
    expect(atStart).toBeLessThanOrEqual(FIRST_SEEDED_ID + 8);
    expect(w.userCount).toBe(100_000);
    w.userByUsername('demo');
    w.lookupForTrustFactor('demo');
    w.userByApiKey('11111111-1111-4111-8111-111111111111');
    w.oauthToken('not-a-seeded-token');
    expect(people.made).toBe(atStart);
  });

  it('makes users in id order only as far as the one read', () => {
    const { world: w, people } = peopleOf(100_000);
    expect(w.userById(500)?.id).toBe(500);
    expect(people.made).toBe(500);
    expect(w.userByUsername(w.userById(420)?.username ?? '')?.id).toBe(420);
    expect(people.made).toBe(500);
  });
});
