/**
 * `freshness: 'real'` ages answers as the real server does, against the mock's clock (hackclub/hackatime
 * at 62542c2d): `/api/summary` kept a minute (lib/wakatime_service.rb:66-69), the streak an hour
 * (app/models/concerns/heartbeatable.rb:175), leaderboards from the cron builds of LeaderboardUpdateJob
 * (config/initializers/good_job.rb:30-41) with the 503 until the day's first (leaderboard_controller.rb:8-10).
 * The clock here is moved by hand: no sleeping.
 */
import { describe, expect, it } from 'vitest';
import { latestBuild } from '../../src/mock/answers/leaderboard-builds.js';
import { buildApp } from '../../src/mock/app.js';
import { type Freshness, FreshnessStore } from '../../src/mock/freshness.js';
import { MockState } from '../../src/mock/state.js';
import { createWorld } from '../../src/world/store.js';
import { bearer, DEMO_KEY, READ_TOKEN, SEED } from '../helpers/mock.js';

/** A mock whose clock the test sets. */
function mockAt(start: string, freshness: Freshness) {
  let now = Date.parse(start);
  const world = createWorld({ seed: SEED, now, users: 9, days: 3 });
  const app = buildApp({ state: new MockState(world, {}, freshness), clock: { now: () => now } });
  return {
    world,
    at: (iso: string) => {
      now = Date.parse(iso);
    },
    get: async (path: string, headers: Record<string, string> = {}) => {
      const res = await app.request(path, { headers });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    },
    post: (path: string, body: unknown) =>
      app.request(path, {
        method: 'POST',
        headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

describe('the kept values (Rails.cache fetch with expires_in)', () => {
  it('serves a value for its time to live from when it was computed, then computes it again', () => {
    const store = new FreshnessStore('real');
    let computed = 0;
    const fetch = (now: number) => store.fetch('k', now, 60_000, () => ++computed);
    expect([fetch(0), fetch(59_999), fetch(60_000), fetch(119_999), fetch(120_000)]).toEqual([1, 1, 2, 2, 3]);
    const immediate = new FreshnessStore();
    expect([immediate.fetch('k', 0, 60_000, () => 'a'), immediate.fetch('k', 1, 60_000, () => 'b')]).toEqual(['a', 'b']);
  });

  it('finds the newest finished build of today: daily every minute, weekly every seventh minute', () => {
    const iso = (b: ReturnType<typeof latestBuild>) => b && new Date(b.finishedAt).toISOString();
    expect(latestBuild('daily', Date.parse('2026-08-22T00:00:09Z'))).toBeUndefined();
    expect(iso(latestBuild('daily', Date.parse('2026-08-22T00:00:10Z')))).toBe('2026-08-22T00:00:10.000Z');
    expect(iso(latestBuild('daily', Date.parse('2026-08-22T18:30:05Z')))).toBe('2026-08-22T18:29:10.000Z');
    expect(iso(latestBuild('last_7_days', Date.parse('2026-08-22T18:55:00Z')))).toBe('2026-08-22T18:49:10.000Z');
    expect(iso(latestBuild('last_7_days', Date.parse('2026-08-22T19:03:00Z')))).toBe('2026-08-22T19:00:10.000Z');
  });
});

describe("freshness: 'real'", () => {
  it('answers 503 "being generated" until the day\'s first build, then the build with its finish as generated_at', async () => {
    const mock = mockAt('2026-08-22T00:00:05Z', 'real');
    for (const path of ['/api/v1/leaderboard', '/api/v1/leaderboard/daily', '/api/v1/leaderboard/weekly'])
      expect(await mock.get(path)).toEqual({ status: 503, body: { error: 'Leaderboard is being generated' } });
    mock.at('2026-08-22T00:00:42Z');
    const daily = await mock.get('/api/v1/leaderboard/daily');
    expect([daily.status, daily.body['generated_at']]).toEqual([200, '2026-08-22T00:00:10Z']);
    mock.at('2026-08-22T00:06:59Z');
    expect((await mock.get('/api/v1/leaderboard/weekly')).body['generated_at']).toBe('2026-08-22T00:00:10Z');
    expect((await mock.get('/api/v1/leaderboard/daily')).body['generated_at']).toBe('2026-08-22T00:06:10Z');
  });

  it('keeps /api/summary a minute: a new heartbeat shows once the kept answer expires', async () => {
    const mock = mockAt('2026-08-22T18:30:00Z', 'real');
    const summary = () => mock.get('/api/summary?user=demo');
    const first = await summary();
    expect(first.status).toBe(200);
    const t = Date.parse('2026-08-22T18:30:00Z') / 1000;
    const posted = await mock.post('/api/hackatime/v1/users/current/heartbeats', [
      { entity: 'a.ts', time: t - 90, project: 'fresh-project' },
      { entity: 'a.ts', time: t - 30, project: 'fresh-project' },
    ]);
    expect(posted.status).toBe(202);
    mock.at('2026-08-22T18:30:59Z');
    expect((await summary()).body).toEqual(first.body);
    mock.at('2026-08-22T18:31:00Z');
    expect(JSON.stringify((await summary()).body)).toContain('fresh-project');
  });

  it('keeps a streak an hour, the same on users/{u}/stats and authenticated/streak', async () => {
    const streakNow = async (mock: ReturnType<typeof mockAt>) =>
      (await mock.get('/api/v1/authenticated/streak', bearer(READ_TOKEN))).body['streak_days'];
    // An instant whose streak changes within the next 50 minutes (as an immediate mock computes it).
    const immediate = mockAt('2026-08-22T18:00:00Z', 'immediate');
    let found: { at: string; before: unknown; after: unknown } | undefined;
    for (let h = Date.parse('2026-08-21T00:00:00Z'); found === undefined && h <= Date.parse('2026-08-22T17:00:00Z'); h += 3_600_000) {
      const at = new Date(h).toISOString();
      immediate.at(at);
      const before = await streakNow(immediate);
      immediate.at(new Date(h + 50 * 60_000).toISOString());
      const after = await streakNow(immediate);
      if (before !== after) found = { at, before, after };
    }
    expect(found).toBeDefined();
    if (!found) return;
    const real = mockAt('2026-08-22T18:00:00Z', 'real');
    real.at(found.at);
    const stats = async () => ((await real.get('/api/v1/users/demo/stats', bearer(DEMO_KEY))).body['data'] as { streak: unknown }).streak;
    expect(await stats()).toBe(found.before);
    real.at(new Date(Date.parse(found.at) + 50 * 60_000).toISOString());
    expect([await streakNow(real), await stats()]).toEqual([found.before, found.before]);
    real.at(new Date(Date.parse(found.at) + 60 * 60_000).toISOString());
    expect(await streakNow(real)).not.toBe(found.before);
  });
});

describe("freshness: 'immediate' (the default)", () => {
  it('builds every board at the request, generated now, never 503', async () => {
    const mock = mockAt('2026-08-22T00:00:05Z', 'immediate');
    const daily = await mock.get('/api/v1/leaderboard/daily');
    expect([daily.status, daily.body['generated_at']]).toEqual([200, '2026-08-22T00:00:05Z']);
  });
});
