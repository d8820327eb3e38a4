/**
 * The admin API's user utilities (`app/controllers/concerns/api/admin/v1/user_utilities.rb`,
 * `app/controllers/api/admin/v1/admin_controller.rb:274-284`), and what a conviction changes on the
 * public reads.
 */
import { beforeEach, expect, it } from 'vitest';
import { adminCall, resetMock } from '../helpers/admin-api.js';
import { bearer, DEMO_KEY, describeBoth, type MockTarget } from '../helpers/mock.js';
import { rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';

const INFO = '/api/admin/v1/user/info';

interface Info {
  user: {
    id: number;
    trust_level: string;
    banned: boolean;
    stats: { total_heartbeats: number; days_active: number };
    last_heartbeat_at: number | null;
  };
}

const post = (body: unknown) => ({ method: 'POST', body, as: 'superadmin' as const });

describeBoth('admin API: user lookups', (t) => {
  it('reads a user by `id` or `user_id`, `id` first, and counts its heartbeats (uu:82-119, uu:375-381)', async () => {
    const demo = await userWithRole(t, 'demo');
    const byId = await adminCall<Info>(t, 'adminGetUserInfo', `${INFO}?id=${demo.id}`, 200, { as: 'viewer' });
    const byUserId = await adminCall<Info>(t, 'adminGetUserInfo', `${INFO}?user_id=${demo.id}`, 200, { as: 'viewer' });
    expect(byUserId).toEqual(byId);
    const both = await adminCall<Info>(t, 'adminGetUserInfo', `${INFO}?id=${demo.id}&user_id=2`, 200);
    expect(both.user.id).toBe(demo.id);
    const rows = await rawHeartbeats(t, demo.username);
    expect(byId.user.stats.total_heartbeats).toBe(rows.length);
    expect(byId.user.last_heartbeat_at).toBe(Math.max(...rows.map((r) => r.time)));
    expect(byId.user.stats.days_active).toBe(new Set(rows.map((r) => new Date(r.time * 1000).toISOString().slice(0, 10))).size);
  });

  it('answers `who?` before anything else and 404 for an unknown or non-numeric id', async () => {
    expect(await adminCall(t, 'adminGetUserInfo', INFO, 422)).toEqual({ error: 'who?' });
    expect(await adminCall(t, 'adminGetUserInfo', `${INFO}?id=`, 422)).toEqual({ error: 'who?' });
    for (const id of ['999999', 'abc'])
      expect(await adminCall(t, 'adminGetUserInfo', `${INFO}?id=${id}`, 404)).toEqual({ error: 'user not found' });
    expect(await adminCall(t, 'adminGetUserTrustLogs', '/api/admin/v1/user/trust_logs', 422)).toEqual({ error: 'who?' });
  });

  it('reads ids for info_batch with to_i: junk becomes 0, only a list of commas is empty (uu:279-292)', async () => {
    const path = '/api/admin/v1/user/info_batch';
    const body = await adminCall<{ users: { id: number }[] }>(
      t,
      'adminGetUserInfoBatch',
      `${path}?ids=${encodeURIComponent(' 2,1,abc,1')}`,
      200,
    );
    expect(body.users.map((u) => u.id).sort()).toEqual([1, 2]);
    expect(await adminCall(t, 'adminGetUserInfoBatch', `${path}?ids=abc`, 200)).toEqual({ users: [] });
    expect(await adminCall(t, 'adminGetUserInfoBatch', path, 422)).toEqual({ error: 'ids parameter required' });
    expect(await adminCall(t, 'adminGetUserInfoBatch', `${path}?ids=,,`, 422)).toEqual({ error: 'no valid ids provided' });
  });

  it('finds a user by exact, case-sensitive email, from the body or the query (uu:29-34)', async () => {
    const demo = await userWithRole(t, 'demo');
    const path = '/api/admin/v1/user/get_user_by_email';
    expect(await adminCall(t, 'adminGetUserByEmail', path, 200, post({ email: demo.email }))).toEqual({ user_id: demo.id });
    expect(await adminCall(t, 'adminGetUserByEmail', `${path}?email=${demo.email}`, 200, { method: 'POST' })).toEqual({ user_id: demo.id });
    expect(await adminCall(t, 'adminGetUserByEmail', path, 404, post({ email: demo.email?.toUpperCase() }))).toEqual({
      error: 'email not found',
    });
    expect(await adminCall(t, 'adminGetUserByEmail', path, 422, post({ email: ' ' }))).toEqual({ error: 'bro dont have a email' });
  });

  it('ranks the fuzzy search with integer scores, 10 at most, users with an email only (user_fuzzy_search.rb)', async () => {
    const demo = await userWithRole(t, 'demo');
    const path = '/api/admin/v1/user/search_fuzzy';
    type Found = { users: { id: number; rank_score: number; email: string }[] };
    const byName = await adminCall<Found>(t, 'adminSearchUsersFuzzy', path, 200, post({ query: ' demo ' }));
    // username exact (+100), GitHub prefix (+50), Slack prefix (+50), email prefix (+50).
    expect(byName.users[0]).toMatchObject({ id: demo.id, rank_score: 250, email: demo.email });
    const byId = await adminCall<Found>(t, 'adminSearchUsersFuzzy', path, 200, post({ query: String(demo.id) }));
    expect(byId.users.find((u) => u.id === demo.id)?.rank_score).toBeGreaterThanOrEqual(1000);
    const broad = await adminCall<Found>(t, 'adminSearchUsersFuzzy', path, 200, post({ query: 'e' }));
    expect(broad.users.length).toBeLessThanOrEqual(10);
    expect(broad.users.map((u) => u.rank_score)).toEqual([...broad.users.map((u) => u.rank_score)].sort((a, b) => b - a));
    expect(await adminCall(t, 'adminSearchUsersFuzzy', path, 422, post({}))).toEqual({ error: 'bro dont have a query' });
  });

  it('lists convicted users by id with their first email; a negative limit crashes (admin:274-284)', async () => {
    const banned = await userWithRole(t, 'banned');
    const path = '/api/admin/v1/banned_users';
    const body = await adminCall<{ banned_users: { id: number; email: string }[] }>(t, 'adminListBannedUsers', path, 200, { as: 'viewer' });
    expect(body.banned_users.map((u) => u.id)).toContain(banned.id);
    expect(await adminCall(t, 'adminListBannedUsers', `${path}?limit=0`, 200)).toEqual({ banned_users: [] });
    const res = await t.fetch(`${path}?limit=-1`, { headers: bearer(`hka_${'a'.repeat(64)}`) });
    expect(res.status).toBe(500);
  });
});

async function trustFactor(t: MockTarget, username: string): Promise<unknown> {
  return (await t.fetch(`/api/v1/users/${username}/trust_factor`)).json();
}

async function onBoard(t: MockTarget, id: number): Promise<boolean> {
  const board = (await (await t.fetch('/api/v1/leaderboard/weekly')).json()) as { entries: { user: { id: number } }[] };
  return board.entries.some((e) => e.user.id === id);
}

describeBoth('admin API: POST /user/convict', (t) => {
  const path = '/api/admin/v1/user/convict';
  beforeEach(() => resetMock(t));

  it('refuses a viewer before looking the user up, a plain admin for red, and anyone for self or a peer (uu:25-27, User:138-145)', async () => {
    const demo = await userWithRole(t, 'demo');
    const body = (user_id: number, trust_level = 'red') => ({ method: 'POST', body: { user_id, trust_level, reason: 'spam' } });
    expect(await adminCall(t, 'adminConvictUser', path, 403, { ...body(999999), as: 'viewer' })).toEqual({ error: 'no perms lmaooo' });
    expect(await adminCall(t, 'adminConvictUser', path, 403, { ...body(demo.id), as: 'admin' })).toEqual({ error: 'no perms lmaooo' });
    const superadmin = await userWithRole(t, 'superadmin');
    expect(await adminCall(t, 'adminConvictUser', path, 403, { ...body(superadmin.id, 'green'), as: 'superadmin' })).toEqual({
      error: 'no perms lmaooo',
    });
    const ultra = await userWithRole(t, 'ultraadmin');
    expect(await adminCall(t, 'adminConvictUser', path, 403, { ...body(ultra.id, 'green'), as: 'superadmin' })).toEqual({
      error: 'no perms lmaooo',
    });
  });

  it('checks the user, then the reason, then the level (uu:220-232)', async () => {
    const call = (b: unknown, status: number) => adminCall(t, 'adminConvictUser', path, status, post(b));
    expect(await call({ trust_level: 'red', reason: 'x' }, 422)).toEqual({ error: 'who?' });
    expect(await call({ user_id: 1, trust_level: 'nope' }, 422)).toEqual({
      error: 'you cant punish a mortal and not justify your actions',
    });
    expect(await call({ user_id: 1, trust_level: 1, reason: 'x' }, 422)).toEqual({ error: 'read the docs you idiot' });
  });

  it('shows a conviction on the public trust factor, the banned counts, the boards and the user API at once', async () => {
    const demo = await userWithRole(t, 'demo');
    expect(await trustFactor(t, demo.username)).toEqual({ trust_level: 'green', trust_value: 2 });
    expect(await onBoard(t, demo.id)).toBe(true);
    const counts = (await (await t.fetch('/api/v1/banned_users/counts')).json()) as { day: number };
    expect((await t.fetch('/api/v1/my/heartbeats/most_recent', { headers: bearer(DEMO_KEY) })).status).toBe(200);

    const answer = await adminCall<{ message: string; user: { trust_level: string; username: string }; audit_log: { reason: string } }>(
      t,
      'adminConvictUser',
      path,
      200,
      post({ user_id: demo.id, trust_level: 'red', reason: 'Botted heartbeats' }),
    );
    expect(answer.message).toBe('gotcha, updated to red');
    expect(answer.user).toMatchObject({ trust_level: 'red', username: demo.display_name });

    expect(await trustFactor(t, demo.username)).toEqual({ trust_level: 'red', trust_value: 1 });
    expect(((await (await t.fetch('/api/v1/banned_users/counts')).json()) as { day: number }).day).toBe(counts.day + 1);
    // Convicted users are no leaderboard candidates (leaderboard_update_job.rb:28).
    expect(await onBoard(t, demo.id)).toBe(false);
    // A restricted user's key is refused outside the WakaTime-compatible endpoints (user_api_authentication.rb:19).
    expect((await t.fetch('/api/v1/my/heartbeats/most_recent', { headers: bearer(DEMO_KEY) })).status).toBe(401);
    const info = await adminCall<Info>(t, 'adminGetUserInfo', `${INFO}?id=${demo.id}`, 200);
    expect(info.user).toMatchObject({ trust_level: 'red', banned: true });
    const logs = await adminCall<{ trust_logs: { new_trust_level: string; reason: string }[] }>(
      t,
      'adminGetUserTrustLogs',
      `/api/admin/v1/user/trust_logs?user_id=${demo.id}`,
      200,
    );
    expect(logs.trust_logs[0]).toMatchObject({ new_trust_level: 'red', reason: 'Botted heartbeats' });
  });

  it('writes no second log entry when the level does not change (User:151-161)', async () => {
    const demo = await userWithRole(t, 'demo');
    const count = async () =>
      (
        await adminCall<{ counts: Record<string, number> }>(
          t,
          'adminCountAuditLogs',
          '/api/admin/v1/audit_logs/counts',
          200,
          post({ user_ids: [demo.id] }),
        )
      ).counts[String(demo.id)];
    const before = await count();
    await adminCall(t, 'adminConvictUser', path, 200, post({ user_id: demo.id, trust_level: 'green', reason: 'again' }));
    expect(await count()).toBe(before);
    await adminCall(t, 'adminConvictUser', path, 200, post({ user_id: demo.id, trust_level: 'yellow', reason: 'hmm' }));
    expect(await count()).toBe((before ?? 0) + 1);
    // Yellow is masked on the public trust factor.
    expect(await trustFactor(t, demo.username)).toEqual({ trust_level: 'blue', trust_value: 0 });
  });
});
