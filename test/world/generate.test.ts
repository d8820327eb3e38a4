import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ensureFieldsHash, fieldsHash } from '../../src/world/fields-hash.js';
import { generateWorld } from '../../src/world/generate.js';
import { createWorld } from '../../src/world/store.js';
import { addDays, localDate } from '../../src/world/time-zone.js';
import type { Heartbeat, WorldData } from '../../src/world/types.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const DEMO_KEY = '11111111-1111-4111-8111-111111111111';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const HEARTBEAT_KEYS = [
  'id',
  'user_id',
  'time',
  'entity',
  'type',
  'category',
  'project',
  'branch',
  'language',
  'editor',
  'operating_system',
  'machine',
  'user_agent',
  'is_write',
  'lineno',
  'lines',
  'cursorpos',
  'line_additions',
  'line_deletions',
  'project_root_count',
  'dependencies',
  'ai_model',
  'ai_session',
  'ai_subscription_plan',
  'ai_input_tokens',
  'ai_output_tokens',
  'ai_prompt_length',
  'ai_line_changes',
  'human_line_changes',
  'source_type',
  'ip_address',
  'ja4_id',
  'fields_hash',
  'created_at',
  'updated_at',
  'deleted_at',
];

function rowsByUser(world: WorldData): Heartbeat[][] {
  return world.users.map((u) => world.history.between(u.id, {}));
}

/**
 * The world's bytes as JSON, digested user by user: a year of heartbeats is too large for one
 * string, and equal digests mean equal bytes.
 */
function serialise(world: WorldData): string {
  const digest = createHash('sha256').update(JSON.stringify({ ...world, history: null }));
  for (const user of world.users) digest.update(JSON.stringify(world.history.between(user.id, {})));
  return digest.digest('hex');
}

function allRows(world: WorldData): Heartbeat[] {
  return rowsByUser(world).flat();
}

describe('generateWorld determinism', () => {
  it('builds the same world, byte for byte, from the same seed and now', () => {
    const a = generateWorld({ seed: 42, now: NOW });
    const b = generateWorld({ seed: 42, now: NOW });
    expect(a).toEqual(b);
    expect(serialise(a)).toBe(serialise(b));
  });

  it('builds another world from another seed', () => {
    expect(serialise(generateWorld({ seed: 43, now: NOW }))).not.toBe(serialise(generateWorld({ seed: 42, now: NOW })));
  });

  it('refuses too few users', () => {
    expect(() => generateWorld({ now: NOW, users: 5 })).toThrow(RangeError);
  });
});

describe('the generated world', () => {
  const world = generateWorld({ seed: 42, now: NOW });
  const rows = allRows(world);

  it('has unique ids, increasing with time for each user and below the ceiling posted ids start at', () => {
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const list of rowsByUser(world)) for (let i = 1; i < list.length; i++) expect(list[i]!.id).toBeGreaterThan(list[i - 1]!.id);
    expect(rows.every((r) => Number.isSafeInteger(r.id) && r.id > 0 && r.id < world.history.idCeiling)).toBe(true);
  });

  it('keeps each user’s rows sorted by time and id', () => {
    for (const list of rowsByUser(world)) {
      for (let i = 1; i < list.length; i++) {
        const [p, c] = [list[i - 1]!, list[i]!];
        expect(c.time > p.time || (c.time === p.time && c.id > p.id)).toBe(true);
      }
    }
  });

  it('stores rows with exactly the 36 keys of the real heartbeat, in order', () => {
    for (const row of rows.slice(0, 50)) expect(Object.keys(row)).toEqual(HEARTBEAT_KEYS);
    expect(rows.every((r) => r.deleted_at === null && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(r.created_at))).toBe(true);
  });

  it('hashes every row with fields_hash and never twice for one user', () => {
    // What leaves the process is JSON, and serialising a row fills its hash.
    for (const row of rows.filter((_, i) => i % 97 === 0))
      expect((JSON.parse(JSON.stringify(row)) as { fields_hash: string }).fields_hash).toBe(fieldsHash(row));
    for (const list of rowsByUser(world)) expect(new Set(list.map((r) => ensureFieldsHash(r))).size).toBe(list.length);
  });

  it('puts nothing after now, neither heartbeat time nor creation', () => {
    expect(rows.every((r) => r.time * 1000 <= NOW && Date.parse(r.created_at) <= NOW)).toBe(true);
  });

  it('covers the last year (the default days) and no more', () => {
    expect(world.days).toBe(365);
    let earliest = Number.POSITIVE_INFINITY;
    for (const row of rows) earliest = Math.min(earliest, row.time * 1000);
    expect(NOW - earliest).toBeLessThan(366 * 86_400_000);
    expect(NOW - earliest).toBeGreaterThan(355 * 86_400_000);
  });

  it('mixes categories, sources, editors and AI telemetry', () => {
    const categories = new Set(rows.map((r) => r.category));
    for (const c of ['coding', 'debugging', 'writing tests', 'code reviewing', 'browsing', 'ai coding']) expect(categories).toContain(c);
    expect(rows.filter((r) => r.category === 'browsing').every((r) => r.type === 'domain' && r.project === null)).toBe(true);
    expect(rows.some((r) => r.category === 'ai coding' && r.ai_model !== null && r.ai_input_tokens !== null)).toBe(true);
    expect(new Set(rows.map((r) => r.source_type))).toEqual(new Set(['direct_entry', 'wakapi_import', 'test_entry']));
    expect(new Set(rows.map((r) => r.editor)).size).toBeGreaterThan(2);
    expect(rows.find((r) => r.source_type === 'test_entry')?.entity).toBe('test.txt');
  });

  it('gives every user a UUID v4 API key, unique across the world', () => {
    expect(world.apiKeys.every((k) => UUID_V4.test(k.token))).toBe(true);
    expect(new Set(world.apiKeys.map((k) => k.token)).size).toBe(world.apiKeys.length);
    for (const user of world.users) expect(world.apiKeys.some((k) => k.userId === user.id)).toBe(true);
  });

  it('has some archived projects and repo mappings', () => {
    const mappings = world.users.flatMap((u) => u.repoMappings);
    expect(mappings.some((m) => m.archived)).toBe(true);
    expect(mappings.some((m) => m.repoUrl !== null)).toBe(true);
  });

  it('records red trust-level changes: 1 in the last day, 2 in the week, 3 in the month', () => {
    const reds = (days: number) =>
      new Set(world.trustLevelChanges.filter((c) => c.to === 'red' && c.at >= NOW - days * 86_400_000).map((c) => c.userId)).size;
    expect([reds(1), reds(7), reds(30)]).toEqual([1, 2, 3]);
    expect(world.trustLevelChanges.every((c) => c.at <= NOW)).toBe(true);
  });
});

describe('roles', () => {
  const world = createWorld({ seed: 42, now: NOW });
  const user = (name: string) => {
    const u = world.userByUsername(name);
    if (!u) throw new Error(`no user ${name}`);
    return u;
  };
  const seeded = world.users.filter((u) => u.id >= 3);

  it('names the fixed accounts', () => {
    expect(world.roles.demo).toBe('demo');
    expect(user('demo').id).toBe(1);
    expect(world.userByApiKey(DEMO_KEY)?.username).toBe('demo');
    expect(world.adminKey(`hka_${'a'.repeat(64)}`)).toEqual({ token: `hka_${'a'.repeat(64)}`, ownerId: user('admin').id, active: true });
    expect(user('admin').adminLevel).toBe('admin');
    expect(world.oauthToken('demo-oauth-profile')?.scopes).toEqual(['profile']);
    expect(world.oauthToken('demo-oauth-read')?.scopes).toEqual(['profile', 'read']);
    expect(world.oauthToken('demo-oauth-read')!.expiresAt).toBeGreaterThan(NOW + 10 * 365 * 86_400_000);
  });

  it('gives each seeded role to exactly one user', () => {
    expect(seeded.filter((u) => u.trustLevel === 'red').map((u) => u.username)).toEqual([world.roles.banned]);
    expect(seeded.filter((u) => u.pendingDeletion).map((u) => u.username)).toEqual([world.roles.pendingDeletion]);
    expect(world.users.filter((u) => !u.allowPublicStats).map((u) => u.username)).toEqual([world.roles.privateStats]);
    expect(world.users.filter((u) => u.trustLevel === 'yellow').map((u) => u.username)).toEqual([world.roles.yellow]);
    expect(world.users.filter((u) => u.slackUid === null).map((u) => u.username)).toEqual([world.roles.noSlack]);
    expect(world.users.filter((u) => u.githubUsername === null).map((u) => u.username)).toEqual([world.roles.noGithub]);
    expect(world.users.filter((u) => u.leaderboardShadowBanned).map((u) => u.username)).toEqual([world.roles.shadowBanned]);
    expect(world.heartbeatsOf(user(world.roles.noHeartbeats).id)).toHaveLength(0);
  });

  it('keeps banned, private, shadow-banned and GitHub-less users active in the last day', () => {
    for (const name of [world.roles.banned, world.roles.privateStats, world.roles.shadowBanned, world.roles.noGithub]) {
      const rows = world.heartbeatsBetween(user(name).id, { from: NOW / 1000 - 86_400 });
      expect(rows.filter((r) => r.category === 'coding').length).toBeGreaterThan(5);
    }
  });

  it('has exactly the currently-hacking users active in the last 5 minutes', () => {
    const active = world.users
      .filter((u) =>
        world.heartbeatsBetween(u.id, { from: NOW / 1000 - 300 }).some((r) => r.category === 'coding' && r.source_type === 'direct_entry'),
      )
      .map((u) => u.username);
    expect(active.sort()).toEqual([...world.roles.currentlyHacking].sort());
    expect(world.roles.currentlyHacking).toContain('demo');
    expect(world.roles.currentlyHacking.length).toBeGreaterThanOrEqual(3);
  });

  it('hands out OAuth tokens in special states', () => {
    const t = world.specialTokens;
    expect(world.oauthToken(t.readOnly)?.scopes).toEqual(['read']);
    expect(world.oauthToken(t.revoked)?.revokedAt).not.toBeNull();
    expect(world.oauthToken(t.expired)!.expiresAt).toBeLessThan(NOW);
    const verified = world.oauthToken(t.verifiedConfidential)!;
    expect([verified.appVerified, verified.appConfidential, world.userById(verified.userId)?.username]).toEqual([
      true,
      true,
      world.roles.yellow,
    ]);
    expect(world.adminKey(t.inactiveAdminKey)?.active).toBe(false);
  });
});

describe('the demo account', () => {
  const zone = 'America/New_York';
  // Local times in New York; several are chosen at the edges of the local day and around DST.
  const instants = [
    ['00:03 local', '2026-08-22T04:03:00Z'],
    ['23:58 local', '2026-08-23T03:58:00Z'],
    ['midnight exactly', '2026-08-22T04:00:00Z'],
    ['noon', '2026-08-22T16:00:00Z'],
    ['00:03 on the spring-forward day', '2026-03-08T05:03:00Z'],
    ['01:30 in the repeated autumn hour', '2026-11-01T05:30:00Z'],
  ] as const;

  for (const [label, iso] of instants) {
    it(`is active today and yesterday, ending within 5 minutes before now (${label})`, () => {
      const now = Date.parse(iso);
      const world = createWorld({ seed: 7, now });
      const demo = world.userByApiKey(DEMO_KEY)!;
      expect(demo.username).toBe('demo');
      const rows = world.heartbeatsOf(demo.id);
      const today = localDate(now, zone);
      const dates = new Set(rows.map((r) => localDate(r.time * 1000, zone)));
      expect(dates).toContain(today);
      expect(dates).toContain(addDays(today, -1));
      const last = rows[rows.length - 1]!;
      expect(last.time * 1000).toBeLessThanOrEqual(now);
      expect(now - last.time * 1000).toBeLessThanOrEqual(5 * 60_000);
      expect([last.category, last.source_type, last.project]).toEqual(['coding', 'direct_entry', 'hackatime']);
      expect(rows.every((r) => r.time * 1000 <= now && Date.parse(r.created_at) <= now)).toBe(true);
    });
  }

  it('keeps its fixture data whatever the seed', () => {
    const a = createWorld({ seed: 1, now: NOW }).userById(1)!;
    const b = createWorld({ seed: 2, now: NOW }).userById(1)!;
    expect(a).toEqual(b);
    expect(a).toMatchObject({
      username: 'demo',
      emails: ['demo@hackatime.test'],
      slackUid: 'U0DEMO0001',
      githubUsername: 'demo-orpheus',
      timezone: zone,
      trustLevel: 'green',
      allowPublicStats: true,
      dailyGoal: { targetSeconds: 7200, projects: [], languages: [] },
    });
    expect(a.repoMappings.length).toBeGreaterThanOrEqual(3);
    expect(a.repoMappings.every((m) => !m.archived && m.repoUrl !== null)).toBe(true);
  });
});
