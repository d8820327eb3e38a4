/**
 * The admin API's reads about one user (`/api/admin/v1/user/*`), against the real server's
 * `app/controllers/concerns/api/admin/v1/user_utilities.rb` at 62542c2d.
 */
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/server/server.js';
import type { Heartbeat } from '../../src/world/index.js';
import { ACCESS_DENIED, adminCall } from '../helpers/admin-api.js';
import { bearer, DEMO_KEY, type MockTarget, NOW, SEED } from '../helpers/mock.js';

const mock = createMock({ seed: SEED, now: NOW });
const world = mock.world;
const target: MockTarget = { transport: 'in-process', world, fetch: async (path, init) => mock.app.request(path, init) };

/** Every read is open to a viewer, the lowest admin level (`base:15-19`): the tests call as one. */
const get = (operationId: string, path: string, status = 200) => adminCall(target, operationId, path, status, { as: 'viewer' });

const DAY = 86_400;
const today = Math.floor(NOW / 1000 / DAY) * DAY;

describe('target user (user_utilities.rb:375-381)', () => {
  it('answers 422 who? without an id, 404 for an unknown or non-numeric one, and id wins over user_id', async () => {
    const path = '/api/admin/v1/user/heartbeats';
    expect(await get('getAdminUserHeartbeats', path, 422)).toEqual({ error: 'who?' });
    // `params[:id] || params[:user_id]`: a blank id is still "sent" and is checked for blankness.
    expect(await get('getAdminUserHeartbeats', `${path}?id=&user_id=1`, 422)).toEqual({ error: 'who?' });
    expect(await get('getAdminUserHeartbeats', `${path}?id=99999`, 404)).toEqual({ error: 'user not found' });
    expect(await get('getAdminUserHeartbeats', `${path}?id=abc`, 404)).toEqual({ error: 'user not found' });
    expect((await get('getAdminUserHeartbeats', `${path}?id=2&user_id=1&limit=1`)).user_id).toBe(2);
    // The user is looked up before the dates are read (user_utilities.rb:295-302).
    expect(await get('getAdminUserHeartbeats', `${path}?id=99999&start_date=nope`, 404)).toEqual({ error: 'user not found' });
  });
});

describe('GET /api/admin/v1/user/heartbeats (user_utilities.rb:294-346)', () => {
  const path = '/api/admin/v1/user/heartbeats?user_id=1';
  const window = `&start_date=${today - 2 * DAY}&end_date=${today}`;

  it('pages the window in time order: pages put together are every row, total_count counts them all', async () => {
    const all = world.heartbeatsBetween(1, { from: today - 2 * DAY, to: today });
    expect(all.length).toBeGreaterThan(40);
    const seen: number[] = [];
    for (let offset = 0; offset < all.length; offset += 25) {
      const page = await get('getAdminUserHeartbeats', `${path}${window}&limit=25&offset=${offset}`);
      expect(page.total_count).toBe(all.length);
      expect(page.has_more).toBe(offset + 25 < all.length);
      seen.push(...(page.heartbeats as { id: number }[]).map((hb) => hb.id));
    }
    expect(seen).toEqual(all.map((hb) => hb.id));
  });

  it('clamps limit to 1..5000 with to_i (limit=abc and limit= mean 1) and reads negative offsets as 0', async () => {
    for (const limit of ['abc', '', '0', '-5']) {
      expect((await get('getAdminUserHeartbeats', `${path}${window}&limit=${limit}`)).heartbeats).toHaveLength(1);
    }
    const first = await get('getAdminUserHeartbeats', `${path}${window}&limit=2&offset=-3`);
    expect(first).toMatchObject({ has_more: true });
    expect((first.heartbeats as unknown[]).length).toBe(2);
  });

  it('applies exact filters only when present', async () => {
    const rows = world.heartbeatsBetween(1, { from: today - 2 * DAY, to: today });
    const project = (rows[0] as Heartbeat).project as string;
    const body = await get('getAdminUserHeartbeats', `${path}${window}&project=${encodeURIComponent(project)}&language=`);
    expect(body.total_count).toBe(rows.filter((hb) => hb.project === project).length);
  });

  it('rejects unreadable dates, start first (date_parsing.rb:36-53)', async () => {
    expect(await get('getAdminUserHeartbeats', `${path}&start_date=nope&end_date=nope`, 422)).toEqual({ error: 'invalid start_date' });
    expect(await get('getAdminUserHeartbeats', `${path}&end_date=nope`, 422)).toEqual({ error: 'invalid end_date' });
    // Digits past year 9999 are out of range, not a date.
    expect(await get('getAdminUserHeartbeats', `${path}&end_date=253402300800`, 422)).toEqual({ error: 'invalid end_date' });
  });
});

describe('GET /api/admin/v1/user/heartbeat_values (user_utilities.rb:348-367)', () => {
  const path = '/api/admin/v1/user/heartbeat_values?user_id=1';

  it('lists distinct values ascending, the limit applied before empty strings are dropped', async () => {
    const body = await get('getAdminUserHeartbeatValues', `${path}&field=languages`);
    const expected = [
      ...new Set(
        world
          .heartbeatsOf(1)
          .map((hb) => hb.language)
          .filter((v) => v !== null && v !== ''),
      ),
    ].sort();
    expect(body).toEqual({ user_id: 1, field: 'languages', values: expected, count: expected.length });
    expect((await get('getAdminUserHeartbeatValues', `${path}&field=languages&limit=1`)).values).toEqual(expected.slice(0, 1));
  });

  it('checks the field before the dates, and raises (500) for ips when the user has an address', async () => {
    expect(await get('getAdminUserHeartbeatValues', `${path}&field=colours&start_date=nope`, 422)).toEqual({ error: 'invalid field' });
    expect(await get('getAdminUserHeartbeatValues', `${path}&field=projects&start_date=nope`, 422)).toEqual({
      error: 'invalid start_date',
    });
    expect((await get('getAdminUserHeartbeatValues', `${path}&field=ips`, 500)).status).toBe(500);
  });
});

describe('GET /api/admin/v1/user/get_users_by_ip and get_users_by_machine (user_utilities.rb:59-80)', () => {
  it('finds every user of an address and of a machine name; blank values get their 422', async () => {
    const hb = world.heartbeatsOf(1).find((row) => row.ip_address !== null && row.machine !== null) as Heartbeat;
    const byIp = await get('getAdminUsersByIp', `/api/admin/v1/user/get_users_by_ip?ip=${hb.ip_address}`);
    expect(byIp.users).toContainEqual({ user_id: 1, ip_address: hb.ip_address, machine: hb.machine, user_agent: hb.user_agent });
    // `inet` equality: a host address equals itself with its full prefix, not with a shorter one.
    expect(await get('getAdminUsersByIp', `/api/admin/v1/user/get_users_by_ip?ip=${hb.ip_address}%2F32`)).toEqual(byIp);
    expect(await get('getAdminUsersByIp', `/api/admin/v1/user/get_users_by_ip?ip=${hb.ip_address}%2F24`)).toEqual({ users: [] });
    expect(await get('getAdminUsersByIp', '/api/admin/v1/user/get_users_by_ip?ip=not-an-ip')).toEqual({ users: [] });
    expect(await get('getAdminUsersByIp', '/api/admin/v1/user/get_users_by_ip?ip=%20', 422)).toEqual({ error: 'bro dont got the ip' });
    const byMachine = await get('getAdminUsersByMachine', `/api/admin/v1/user/get_users_by_machine?machine=${hb.machine}`);
    expect(byMachine.users).toContainEqual({ user_id: 1, machine: hb.machine });
    expect(await get('getAdminUsersByMachine', '/api/admin/v1/user/get_users_by_machine', 422)).toEqual({
      error: 'bro dont got the machine',
    });
  });
});

const PATHS = [
  '/api/admin/v1/user/heartbeats?user_id=1',
  '/api/admin/v1/user/heartbeat_values?user_id=1&field=languages',
  '/api/admin/v1/user/get_users_by_ip?ip=203.0.113.10',
  '/api/admin/v1/user/get_users_by_machine?machine=x',
  '/api/admin/v1/user/stats?user_id=1',
  '/api/admin/v1/user/projects?user_id=1',
  '/api/admin/v1/users/1/visualization/quantized?year=2026&month=8',
  '/api/admin/v1/alts/candidates',
  '/api/admin/v1/alts/shared_machines',
  '/api/admin/v1/users/active',
  '/api/admin/v1/heartbeats/by_user_agent_segment?segment=vscode',
  '/api/admin/v1/heartbeats/ip_machine_pairs',
  '/api/admin/v1/heartbeats/shared_machines',
];

describe('authentication of the admin reads', () => {
  it("answers Rails' token challenge to no credential and to a user API key, on every read", async () => {
    for (const op of PATHS) {
      for (const headers of [{}, bearer(DEMO_KEY)]) {
        const res = await mock.app.request(op, { headers });
        expect(res.status, op).toBe(401);
        expect(await res.text()).toBe(ACCESS_DENIED);
      }
    }
  });
});
