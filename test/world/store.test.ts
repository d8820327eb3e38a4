import { describe, expect, it } from 'vitest';
import { fieldsHash } from '../../src/world/fields-hash.js';
import { fixedHistory } from '../../src/world/history.js';
import { createWorld, World } from '../../src/world/store.js';
import type { HeartbeatDraft, User, WorldData } from '../../src/world/types.js';
import { draft as completeDraft, row } from '../helpers/heartbeats.js';

function user(id: number, overrides: Partial<User> = {}): User {
  return {
    id,
    username: `user${id}`,
    displayNameOverride: null,
    slackUsername: null,
    githubUsername: null,
    slackUid: null,
    hcaId: null,
    emails: [`user${id}@example.com`],
    timezone: 'UTC',
    countryCode: null,
    slackAvatarUrl: null,
    githubAvatarUrl: null,
    trustLevel: 'blue',
    allowPublicStats: true,
    pendingDeletion: false,
    adminLevel: 'default',
    createdAt: 0,
    updatedAt: 0,
    extensionTextType: 'simple_text',
    showGoalsInStatusbar: true,
    dailyGoal: null,
    leaderboardShadowBanned: false,
    repoMappings: [],
    ...overrides,
  };
}

/** A hand-built world: no generation, fixed rows. */
function smallWorld(): World {
  const users = [
    user(1, { username: 'ada', slackUid: 'U0AAAAAAAA', hcaId: 'hca_ada' }),
    user(2, { username: '1', slackUid: 'U0BBBBBBBB' }),
    user(3, { username: 'U0AAAAAAAA', hcaId: 'ada' }),
    user(4, { username: 'hca_ada' }),
  ];
  const stamp = (r: ReturnType<typeof row>) => ({ ...r, fields_hash: fieldsHash(r) });
  const data: WorldData = {
    seed: 0,
    now: 2_000_000_000_000,
    days: 30,
    users,
    apiKeys: [{ token: '11111111-1111-4111-8111-111111111111', userId: 1, name: 'Hackatime key', createdAt: 0 }],
    adminKeys: [{ token: `hka_${'a'.repeat(64)}`, ownerId: 2, active: true }],
    oauthTokens: [],
    trustLevelChanges: [],
    history: fixedHistory(
      new Map([
        [1, [stamp(row({ id: 1, time: 1000 })), stamp(row({ id: 3, time: 2000 })), stamp(row({ id: 4, time: 3000 }))]],
        [2, [stamp(row({ id: 2, user_id: 2, time: 1500 }))]],
      ]),
    ),
    roles: {
      demo: 'ada',
      admin: '1',
      banned: '',
      pendingDeletion: '',
      privateStats: '',
      yellow: '',
      noSlack: '',
      noGithub: '',
      shadowBanned: '',
      currentlyHacking: [],
      noHeartbeats: '',
    },
    specialTokens: { readOnly: '', revoked: '', expired: '', verifiedConfidential: '', inactiveAdminKey: '' },
  };
  return new World(data);
}

const draft = (time: number, overrides: Partial<HeartbeatDraft> = {}) => completeDraft({ time, ...overrides });

describe('identifier resolution', () => {
  const world = smallWorld();

  it('lookup_by_identifier: digits → id first, then Slack UID, HCA id, username', () => {
    expect(world.lookupByIdentifier('1')?.id).toBe(1);
    expect(world.lookupByIdentifier('U0AAAAAAAA')?.id).toBe(1);
    expect(world.lookupByIdentifier('ada')?.id).toBe(3);
    expect(world.lookupByIdentifier('hca_ada')?.id).toBe(1);
    expect(world.lookupByIdentifier('user4')).toBeUndefined();
    expect(world.lookupByIdentifier('99')).toBeUndefined();
  });

  it('trust_factor: Slack UID, username or numeric id, the lowest id among matches', () => {
    expect(world.lookupForTrustFactor('U0AAAAAAAA')?.id).toBe(1);
    expect(world.lookupForTrustFactor('1')?.id).toBe(1);
    expect(world.lookupForTrustFactor('hca_ada')?.id).toBe(4);
  });

  it('badge: Slack UID, then username, then numeric id', () => {
    expect(world.lookupForBadge('U0AAAAAAAA')?.id).toBe(1);
    expect(world.lookupForBadge('1')?.id).toBe(2);
    expect(world.lookupForBadge('3')?.id).toBe(3);
  });

  it('finds users by exact username, email and credentials', () => {
    expect(world.userByUsername('ADA')).toBeUndefined();
    expect(world.userByEmail('user2@example.com')?.id).toBe(2);
    expect(world.userByEmail('USER2@example.com')).toBeUndefined();
    expect(world.userByApiKey('11111111-1111-4111-8111-111111111111')?.id).toBe(1);
    expect(world.adminKey(`hka_${'a'.repeat(64)}`)?.ownerId).toBe(2);
    expect(world.apiKeysOf(1).map((k) => k.token)).toEqual(['11111111-1111-4111-8111-111111111111']);
  });
});

describe('heartbeat queries', () => {
  const world = smallWorld();

  it('slices a user’s heartbeats by time, inclusive unless told otherwise', () => {
    expect(world.heartbeatsBetween(1, { from: 1000, to: 2000 }).map((r) => r.id)).toEqual([1, 3]);
    expect(world.heartbeatsBetween(1, { from: 1000, to: 2000, toExclusive: true }).map((r) => r.id)).toEqual([1]);
    expect(world.heartbeatsBetween(1, { from: 2500 }).map((r) => r.id)).toEqual([4]);
    expect(world.heartbeatsBetween(1, { to: 999 })).toEqual([]);
    expect(world.heartbeatsBetween(9, {})).toEqual([]);
  });

  it('merges every user into one timeline', () => {
    expect(world.allHeartbeats().map((r) => r.id)).toEqual([1, 2, 3, 4]);
    expect(world.allHeartbeats()).toBe(world.allHeartbeats());
    expect(world.allHeartbeats({ from: 1500, to: 3000, toExclusive: true }).map((r) => r.id)).toEqual([2, 3]);
  });
});

describe('addHeartbeat', () => {
  it('stores a new heartbeat with the next id, in time order, and bumps versions', () => {
    const world = smallWorld();
    const [global, mine, theirs] = [world.version, world.versionOf(1), world.versionOf(2)];
    const { row: stored, created } = world.addHeartbeat(1, draft(1500));
    expect(created).toBe(true);
    expect(stored.id).toBe(5);
    expect(stored.user_id).toBe(1);
    expect(stored.fields_hash).toBe(fieldsHash(stored));
    expect(world.heartbeatsOf(1).map((r) => r.id)).toEqual([1, 5, 3, 4]);
    expect(world.version).toBeGreaterThan(global);
    expect(world.versionOf(1)).toBeGreaterThan(mine);
    expect(world.versionOf(2)).toBe(theirs);
    expect(world.allHeartbeats().map((r) => r.id)).toEqual([1, 2, 5, 3, 4]);
  });

  it('takes a new row into the list of all rows it kept (a new array, in order), and keeps that list across markChanged', () => {
    const world = smallWorld();
    const before = world.allHeartbeats();
    world.markChanged();
    expect(world.allHeartbeats()).toBe(before);
    const { row: at2000 } = world.addHeartbeat(2, draft(2000));
    const { row: first } = world.addHeartbeat(1, draft(10));
    const after = world.allHeartbeats();
    expect(after).not.toBe(before);
    expect(before.map((r) => r.id)).toEqual([1, 2, 3, 4]);
    // Same (time, id) order as a fresh pass over every user (a window makes one).
    expect(after.map((r) => r.id)).toEqual(world.allHeartbeats({ from: 0 }).map((r) => r.id));
    expect(after.map((r) => r.id)).toEqual([first.id, 1, 2, 3, at2000.id, 4]);
    world.reset();
    expect(world.allHeartbeats().map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });

  it('shows a new row in a timeline that was read before it came', () => {
    const world = smallWorld();
    const before = world.heartbeatsOf(1);
    expect(before.map((r) => r.id)).toEqual([1, 3, 4]);
    const { row: stored } = world.addHeartbeat(1, draft(2500));
    expect(world.heartbeatsOf(1).map((r) => r.id)).toEqual([1, 3, stored.id, 4]);
    expect(world.heartbeatsBetween(1, { from: 2000, to: 3000 }).map((r) => r.id)).toEqual([3, stored.id, 4]);
    world.reset();
    expect(world.heartbeatsOf(1).map((r) => r.id)).toEqual([1, 3, 4]);
  });

  it('returns the stored row for a duplicate and changes nothing', () => {
    const world = smallWorld();
    const first = world.addHeartbeat(1, draft(5000, { created_at: '2026-08-22T14:00:00.000Z' }));
    const version = world.version;
    const again = world.addHeartbeat(1, draft(5000, { created_at: '2026-08-22T15:00:00.000Z', ip_address: '198.51.100.7' }));
    expect(again).toEqual({ row: first.row, created: false });
    expect(world.version).toBe(version);
    expect(world.heartbeatsOf(1)).toHaveLength(4);
  });

  it('deduplicates against generated rows and per user only', () => {
    const world = smallWorld();
    const generated = world.heartbeatsOf(1)[0]!;
    const { id: _id, user_id: _u, fields_hash: _h, ...copy } = generated;
    expect(world.addHeartbeat(1, copy)).toEqual({ row: generated, created: false });
    expect(world.addHeartbeat(2, copy).created).toBe(true);
  });

  it('puts a heartbeat at an existing time after the rows already there', () => {
    const world = smallWorld();
    const { row: stored } = world.addHeartbeat(1, draft(2000, { entity: 'other.rb' }));
    expect(world.heartbeatsOf(1).map((r) => r.id)).toEqual([1, 3, stored.id, 4]);
  });

  it('refuses an unknown user', () => {
    expect(() => smallWorld().addHeartbeat(42, draft(1))).toThrow(RangeError);
  });
});

describe('reset', () => {
  it('goes back to the generated history while versions keep increasing', () => {
    const world = createWorld({ seed: 1, now: Date.parse('2026-08-22T14:00:00Z') });
    const before = world.heartbeatsOf(1).length;
    const added = world.addHeartbeat(1, draft(Date.parse('2026-08-22T13:59:00Z') / 1000));
    const version = world.version;
    const userVersion = world.versionOf(1);
    world.reset();
    expect(world.heartbeatsOf(1)).toHaveLength(before);
    expect(world.version).toBeGreaterThan(version);
    expect(world.versionOf(1)).toBeGreaterThan(userVersion);
    expect(world.addHeartbeat(1, draft(Date.parse('2026-08-22T13:59:00Z') / 1000)).row.id).toBe(added.row.id);
  });
});
