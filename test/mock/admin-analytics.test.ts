/**
 * The admin API's figures over heartbeats agree with the public endpoints' (same heartbeats, same
 * 2-minute rule), and its analytics follow `app/controllers/api/admin/v1/admin_controller.rb` and
 * `heartbeats_controller.rb` at 62542c2d.
 */
import { describe, expect, it } from 'vitest';
import { displayName } from '../../src/mock/rails/present/display-names.js';
import { createMock } from '../../src/server/server.js';
import type { Heartbeat, User } from '../../src/world/index.js';
import { adminCall } from '../helpers/admin-api.js';
import { draftOf } from '../helpers/heartbeats.js';
import { bearer, type MockTarget, NOW, SEED } from '../helpers/mock.js';

const DAY = 86_400;
const today = Math.floor(NOW / 1000 / DAY) * DAY;
const isoDay = (epoch: number) => new Date(epoch * 1000).toISOString().slice(0, 10);

function fresh() {
  const mock = createMock({ seed: SEED, now: NOW });
  const target: MockTarget = { transport: 'in-process', world: mock.world, fetch: async (path, init) => mock.app.request(path, init) };
  const request = async (path: string, headers: Record<string, string>) => {
    const res = await mock.app.request(path, { headers });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const get = (operationId: string, path: string, status = 200) => adminCall(target, operationId, path, status);
  return { mock, world: mock.world, request, get };
}

describe('admin user/stats equals the public stats over the same heartbeats', () => {
  const { world, request, get } = fresh();

  it("an admin's total_duration of a UTC day is the user's public total_seconds of that day, for every user and the last 5 days", async () => {
    let compared = 0;
    for (const user of world.users) {
      const key = world.apiKeysOf(user.id)[0]?.token;
      if (key === undefined) continue;
      for (let d = 1; d <= 5; d++) {
        const from = today - d * DAY;
        // The admin window ends at 23:59:59 (integer bound), the public one before midnight: a row in that
        // last second would be counted by one only.
        if (
          world
            .heartbeatsBetween(user.id, { from: from + DAY - 1, to: from + DAY, toExclusive: true })
            .some((hb) => hb.time > from + DAY - 1)
        )
          continue;
        const admin = await get('getAdminUserStats', `/api/admin/v1/user/stats?user_id=${user.id}&date=${isoDay(from)}`);
        const publicStats = await request(
          `/api/v1/users/${user.id}/stats?start_date=${isoDay(from)}&end_date=${isoDay(from + DAY)}&total_seconds=true`,
          bearer(key),
        );
        expect(publicStats.status).toBe(200);
        expect(admin.total_duration, `user ${user.id} ${isoDay(from)}`).toBe(publicStats.body.total_seconds);
        expect(admin.total_heartbeats).toBe((admin.heartbeats as unknown[]).length);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('answers the display name as username, ISO second times, and the 422s in order (user_utilities.rb:121-174)', async () => {
    const body = await get('getAdminUserStats', `/api/admin/v1/user/stats?user_id=1&date=${isoDay(today - DAY)}`);
    expect(body).toMatchObject({
      user_id: 1,
      username: displayName(world.userById(1) as User),
      start_date: isoDay(today - DAY),
      end_date: isoDay(today - DAY),
    });
    expect((body.heartbeats as { time: string }[])[0]?.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await get('getAdminUserStats', '/api/admin/v1/user/stats?user_id=1&date=nope', 422)).toEqual({ error: 'Invalid date.' });
    // With either bound the `date` parameter is not read at all.
    expect((await get('getAdminUserStats', '/api/admin/v1/user/stats?user_id=1&date=nope&end_date=2026-08-20')).end_date).toBe(
      '2026-08-20',
    );
    expect(await get('getAdminUserStats', '/api/admin/v1/user/stats?user_id=1&start_date=nope', 422)).toEqual({
      error: 'invalid start_date',
    });
  });

  it('user/projects: per-project durations under the 2-minute rule add up to at least the total, heartbeats to the count', async () => {
    const body = await get('getAdminUserProjects', '/api/admin/v1/user/projects?user_id=1');
    const projects = body.projects as { name: string; total_heartbeats: number; languages: string[] }[];
    const rows = world.heartbeatsOf(1).filter((hb) => hb.project !== null);
    expect(projects.reduce((sum, p) => sum + p.total_heartbeats, 0)).toBe(rows.length);
    expect(projects.map((p) => p.total_heartbeats)).toEqual([...projects.map((p) => p.total_heartbeats)].sort((a, b) => b - a));
    expect(body.total_projects).toBe(projects.length);
    for (const p of projects) expect(p.languages).toEqual([...p.languages].sort());
  });
});

describe('GET /api/admin/v1/users/{id}/visualization/quantized (admin_controller.rb:34-135)', () => {
  const { world, get } = fresh();

  it('has one entry per day of the month; an empty day has the integer 0, others the capped gaps of that UTC day', async () => {
    const body = await get('getAdminQuantizedVisualization', '/api/admin/v1/users/1/visualization/quantized?year=2026&month=8');
    const days = body.days as { date_timestamp_s: number; total_seconds: number; points: { time: number }[] }[];
    expect(days).toHaveLength(31);
    expect(days[0]?.date_timestamp_s).toBe(Date.parse('2026-08-01T00:00:00Z') / 1000);
    for (const day of days) {
      const rows = world.heartbeatsBetween(1, { from: day.date_timestamp_s, to: day.date_timestamp_s + DAY, toExclusive: true });
      let sum = 0;
      for (let i = 1; i < rows.length; i++) sum += Math.min((rows[i] as Heartbeat).time - (rows[i - 1] as Heartbeat).time, 120);
      expect(day.total_seconds).toBeCloseTo(sum, 6);
      if (rows.length === 0) expect(day.points).toEqual([]);
      else expect(day.points.length).toBeGreaterThan(0);
      expect(day.points.map((p) => p.time)).toEqual([...day.points.map((p) => p.time)].sort((a, b) => a - b));
    }
  });

  it('answers 422 invalid parameters without a month or outside 1-12, after the user lookup', async () => {
    const path = '/api/admin/v1/users/1/visualization/quantized';
    expect(await get('getAdminQuantizedVisualization', `${path}?year=2026`, 422)).toEqual({ error: 'invalid parameters' });
    expect(await get('getAdminQuantizedVisualization', `${path}?year=2026&month=13`, 422)).toEqual({ error: 'invalid parameters' });
    expect(await get('getAdminQuantizedVisualization', '/api/admin/v1/users/99999/visualization/quantized', 404)).toEqual({
      error: 'user not found',
    });
    // A non-numeric year is 0 and still answered.
    expect((await get('getAdminQuantizedVisualization', `${path}?year=abc&month=2`)).days).toHaveLength(29);
  });
});

describe('machines and addresses shared between users (admin_controller.rb:137-204, heartbeats_controller.rb)', () => {
  const { world, get } = fresh();

  it("a heartbeat of user 3 from the demo user's machine and address makes them alt candidates and a shared machine", async () => {
    // A row inside the shortest lookback (`lookback_days=0` clamps to one day, `time > cutoff`), so the
    // machine is shared on every window the test reads.
    const source = world
      .heartbeatsBetween(1, { from: NOW / 1000 - DAY + 1 })
      .find((hb) => hb.machine !== null && hb.ip_address !== null) as Heartbeat;
    expect(source).toBeDefined();
    const before = await get('getAdminAltCandidates', '/api/admin/v1/alts/candidates');
    expect(before.candidates).not.toContainEqual(expect.objectContaining({ user_a_id: 1, user_b_id: 3 }));
    world.addHeartbeat(3, draftOf(source, { time: today - 3600 }));
    const { candidates } = (await get('getAdminAltCandidates', '/api/admin/v1/alts/candidates')) as {
      candidates: Record<string, unknown>[];
    };
    expect(candidates).toContainEqual(
      expect.objectContaining({
        user_a_id: 1,
        user_b_id: 3,
        machine: source.machine,
        ip_address: source.ip_address,
        user_b_first_seen_on_combo: today - 3600,
      }),
    );
    const { pairs } = (await get('getAdminIpMachinePairs', '/api/admin/v1/heartbeats/ip_machine_pairs')) as {
      pairs: Record<string, unknown>[];
    };
    expect(pairs).toContainEqual(expect.objectContaining({ user_a_id: 1, user_b_id: 3, user_b_last_seen: today - 3600 }));
    for (const [op, path] of [
      ['getAdminAltSharedMachines', '/api/admin/v1/alts/shared_machines'],
      ['getAdminHeartbeatSharedMachines', '/api/admin/v1/heartbeats/shared_machines'],
    ] as const) {
      const { machines } = (await get(op, path)) as { machines: { machine: string; user_ids: string; machine_frequency: number }[] };
      // `user_ids` is PostgreSQL's array literal, a string (heartbeats_controller.rb:65).
      expect(machines.find((m) => m.machine === source.machine)).toMatchObject({
        user_ids: expect.stringMatching(/^\{1,(\d+,)*3(,\d+)*\}$/),
      });
      expect(machines.map((m) => m.machine_frequency)).toEqual([...machines.map((m) => m.machine_frequency)].sort((a, b) => b - a));
    }
    // One day back (clamped from 0) the combination is still seen; limit=1 keeps one machine.
    expect(
      ((await get('getAdminAltSharedMachines', '/api/admin/v1/alts/shared_machines?lookback_days=0&limit=1')).machines as unknown[]).length,
    ).toBe(1);
  });

  it('users/active lists users with a heartbeat since max(since, 90 days ago); a negative since is 422', async () => {
    const { user_ids } = (await get('getAdminActiveUsers', `/api/admin/v1/users/active?since=${today - DAY}`)) as { user_ids: number[] };
    const expected = world.users.filter((u) => world.heartbeatsBetween(u.id, { from: today - DAY }).length > 0).map((u) => u.id);
    expect(user_ids).toEqual(expected);
    expect(user_ids).not.toContain(world.userByUsername(world.roles.noHeartbeats)?.id);
    expect(await get('getAdminActiveUsers', '/api/admin/v1/users/active?since=-1', 422)).toEqual({ error: 'invalid since parameter' });
  });
});

describe('GET /api/admin/v1/heartbeats/by_user_agent_segment (admin_controller.rb:222-272)', () => {
  const { world, get } = fresh();
  const path = '/api/admin/v1/heartbeats/by_user_agent_segment';

  it('counts case-insensitive matches over every user, pages them newest first with has_more', async () => {
    const since = today - DAY;
    const matching = world.allHeartbeats({ from: since }).filter((hb) => hb.user_agent?.toLowerCase().includes('vscode') === true);
    expect(matching.length).toBeGreaterThan(5);
    expect(await get('getAdminHeartbeatsByUserAgentSegment', `${path}?segment=%20VSCode%20&start_date=${since}&count_only=1`)).toEqual({
      segment: 'VSCode',
      total_count: matching.length,
    });
    const page = await get('getAdminHeartbeatsByUserAgentSegment', `${path}?segment=vscode&start_date=${since}&limit=3&count_only=off`);
    expect(page).toMatchObject({ segment: 'vscode', limit: 3, offset: 0, has_more: true });
    expect((page.heartbeats as { time: number }[]).map((hb) => hb.time)).toEqual(
      matching
        .slice(-3)
        .reverse()
        .map((hb) => hb.time),
    );
    const mine = await get('getAdminHeartbeatsByUserAgentSegment', `${path}?segment=vscode&user_id=abc&count_only=true`);
    expect(mine.total_count).toBe(0);
  });

  it('needs a segment of at least 3 characters after stripping', async () => {
    expect(await get('getAdminHeartbeatsByUserAgentSegment', `${path}?segment=%20%20`, 422)).toEqual({
      error: 'segment parameter required',
    });
    expect(await get('getAdminHeartbeatsByUserAgentSegment', `${path}?segment=%20vs%20`, 422)).toEqual({
      error: 'segment must be at least 3 characters',
    });
  });
});

describe('a world whose heartbeats the analytics index cannot hold', () => {
  const READS: [operationId: string, path: string][] = [
    ['getAdminUsersByIp', '/api/admin/v1/user/get_users_by_ip?ip=203.0.113.10'],
    ['getAdminUsersByMachine', '/api/admin/v1/user/get_users_by_machine?machine=archbox'],
    ['getAdminAltCandidates', '/api/admin/v1/alts/candidates'],
    ['getAdminAltSharedMachines', '/api/admin/v1/alts/shared_machines'],
    ['getAdminActiveUsers', '/api/admin/v1/users/active'],
    ['getAdminIpMachinePairs', '/api/admin/v1/heartbeats/ip_machine_pairs'],
    ['getAdminHeartbeatSharedMachines', '/api/admin/v1/heartbeats/shared_machines'],
  ];
  const targetOf = (mock: ReturnType<typeof createMock>): MockTarget => ({
    transport: 'in-process',
    world: mock.world,
    fetch: async (path, init) => mock.app.request(path, init),
  });

  it('answers the reads that need the index 503 at once, with the estimate and the room, and them all once there is room', async () => {
    // The default world: a year of twelve users, about 3 MB of index.
    const cramped = createMock({ seed: SEED, now: NOW, indexBytes: 1024 * 1024 });
    const rows = cramped.world.heartbeatCounts().total;
    const neededMb = Math.ceil((rows * 24) / 1024 / 1024);
    expect(neededMb, 'the world needs more than the 1 MB given').toBeGreaterThan(1);
    for (const [operationId, path] of READS) {
      const body = await adminCall(targetOf(cramped), operationId, path, 503);
      expect(body.error).toBe(
        `The mock's world is too large for this read: about ${rows} heartbeats need about ${neededMb} MB for its index, and 1 MB are left for it`,
      );
    }
    // Reads that need no index answer as before.
    await adminCall(targetOf(cramped), 'getAdminUserStats', `/api/admin/v1/user/stats?user_id=1&date=${isoDay(today - DAY)}`, 200);
    const roomy = createMock({ seed: SEED, now: NOW, indexBytes: rows * 24 });
    for (const [operationId, path] of READS) await adminCall(targetOf(roomy), operationId, path, 200);
  });
});
