/**
 * The superadmin-only routes: deletion requests (`deletion_requests_controller.rb`) and admin levels
 * (`permissions_controller.rb`, `User#can_change_admin_level_of?`, `app/models/user.rb:125-133`), and
 * what their writes change: a restricted user's API access, and what a user's admin key may do.
 */
import { beforeEach, expect, it } from 'vitest';
import { adminCall, LEVEL_KEY, resetMock } from '../helpers/admin-api.js';
import { bearer, describeBoth, type MockTarget } from '../helpers/mock.js';
import { userWithRole } from '../helpers/mock-admin.js';

interface Request {
  id: number;
  user_id: number;
  status: string;
  scheduled_deletion_at: string | null;
}

/** An endpoint that refuses a restricted user's key (`user_api_authentication.rb:19`). */
const userApiStatus = async (t: MockTarget, key: string) =>
  (await t.fetch('/api/v1/my/heartbeats/most_recent', { headers: bearer(key) })).status;

describeBoth('admin API: superadmin-only routes', (t) => {
  beforeEach(() => resetMock(t));

  it('answers admins and viewers with a JSON 401 and no challenge (base:41-43)', async () => {
    for (const [path, method] of [
      ['/api/admin/v1/deletion_requests', 'GET'],
      ['/api/admin/v1/deletion_requests/1/approve', 'POST'],
      ['/api/admin/v1/permissions', 'GET'],
      ['/api/admin/v1/permissions/1', 'PATCH'],
    ] as const) {
      for (const level of ['viewer', 'admin'] as const) {
        const res = await t.fetch(path, { method, headers: bearer(LEVEL_KEY[level]) });
        expect(res.status, `${method} ${path} as ${level}`).toBe(401);
        expect(res.headers.get('www-authenticate')).toBeNull();
        expect(await res.json()).toEqual({ error: 'lmao no perms' });
      }
    }
  });

  it('approving a request restricts its user at once, rejecting frees them (del:24-40, User:264-266)', async () => {
    const list = await adminCall<{ pending: Request[]; approved: Request[] }>(
      t,
      'adminListDeletionRequests',
      '/api/admin/v1/deletion_requests',
      200,
      {
        as: 'superadmin',
      },
    );
    const leaving = await userWithRole(t, 'pendingDeletion');
    expect(list.pending.map((r) => r.user_id)).toEqual([leaving.id]);
    expect(await userApiStatus(t, leaving.api_keys[0]!)).toBe(401);

    // The seeded cancelled request of the no-Slack user: approving needs no particular state.
    const other = await userWithRole(t, 'noSlack');
    expect(await userApiStatus(t, other.api_keys[0]!)).toBe(200);
    const approved = await adminCall<{ message: string; deletion_request: Request }>(
      t,
      'adminApproveDeletionRequest',
      '/api/admin/v1/deletion_requests/2/approve',
      200,
      {
        method: 'POST',
        as: 'superadmin',
      },
    );
    expect(approved.deletion_request).toMatchObject({ user_id: other.id, status: 'approved' });
    // 30 days after the mock's now, `%B %d, %Y`.
    expect(approved.message).toMatch(/^Deletion request approved\. Scheduled for [A-Z][a-z]+ \d\d, \d{4}$/);
    expect(await userApiStatus(t, other.api_keys[0]!)).toBe(401);
    expect((await userWithRole(t, 'noSlack')).pending_deletion).toBe(true);

    await adminCall(t, 'adminRejectDeletionRequest', '/api/admin/v1/deletion_requests/1/reject', 200, { method: 'POST', as: 'ultraadmin' });
    expect(await userApiStatus(t, leaving.api_keys[0]!)).toBe(200);
    const after = await adminCall<{ pending: Request[]; approved: Request[] }>(
      t,
      'adminListDeletionRequests',
      '/api/admin/v1/deletion_requests',
      200,
      {
        as: 'superadmin',
      },
    );
    expect(after.pending).toEqual([]);
    expect(after.approved.map((r) => r.id)).toEqual([2]);
    expect(await adminCall(t, 'adminGetDeletionRequest', '/api/admin/v1/deletion_requests/9', 404, { as: 'superadmin' })).toEqual({
      error: 'Deletion request not found',
    });
  });

  it('lists the staff by the enum order, then username (perm:9-29)', async () => {
    const body = await adminCall<{ users: { admin_level: string }[] }>(t, 'adminListPermissions', '/api/admin/v1/permissions', 200, {
      as: 'superadmin',
    });
    expect(body.users.map((u) => u.admin_level)).toEqual(['superadmin', 'admin', 'viewer', 'ultraadmin']);
  });

  it('a level change changes what the user’s key may do, at once (perm:31-58)', async () => {
    const viewer = await userWithRole(t, 'viewer');
    const patch = (id: number, level: string, status: number, as: 'superadmin' | 'ultraadmin' = 'superadmin') =>
      adminCall(t, 'adminUpdatePermission', `/api/admin/v1/permissions/${id}`, status, {
        method: 'PATCH',
        body: { admin_level: level },
        as,
      });
    const shadowbans = async () => (await t.fetch('/api/admin/v1/leaderboard_shadowbans', { headers: bearer(LEVEL_KEY.viewer) })).status;
    expect(await shadowbans()).toBe(403);
    const promoted = await patch(viewer.id, 'admin', 200);
    expect(promoted).toMatchObject({
      message: `${viewer.display_name}'s admin level updated from viewer to admin`,
      user: { admin_level: 'admin', previous_admin_level: 'viewer' },
    });
    expect(await shadowbans()).toBe(200);
    await patch(viewer.id, 'default', 200);
    // A user without a level loses the admin API: the key is revoked on first use (keyauth:13-16).
    expect(await shadowbans()).toBe(401);
    await patch(viewer.id, 'viewer', 200);
    expect(await shadowbans()).toBe(401);
  });

  it('applies the rank rules in the server’s order (msg:17-27)', async () => {
    const superadmin = await userWithRole(t, 'superadmin');
    const ultra = await userWithRole(t, 'ultraadmin');
    const admin = await userWithRole(t, 'admin');
    const patch = (id: number, level: unknown, as: 'superadmin' | 'ultraadmin' = 'superadmin') =>
      t.fetch(`/api/admin/v1/permissions/${id}`, {
        method: 'PATCH',
        headers: { ...bearer(LEVEL_KEY[as]), 'Content-Type': 'application/json' },
        body: JSON.stringify({ admin_level: level }),
      });
    const answer = async (res: Promise<Response>) => {
      const r = await res;
      return [r.status, ((await r.json()) as { error?: string }).error];
    };
    expect(await answer(patch(999999, 'admin'))).toEqual([404, 'User not found']);
    expect(await answer(patch(admin.id, 'boss'))).toEqual([422, 'Invalid admin level']);
    expect(await answer(patch(superadmin.id, 'viewer'))).toEqual([403, 'You cannot change your own admin level.']);
    expect(await answer(patch(admin.id, 'ultraadmin'))).toEqual([403, 'Only ultraadmins can grant the ultraadmin role.']);
    expect(await answer(patch(ultra.id, 'viewer'))).toEqual([403, "Only ultraadmins can change an ultraadmin's role."]);
    expect(await answer(patch(admin.id, 'superadmin'))).toEqual([200, undefined]);
    expect(await answer(patch(admin.id, 'viewer'))).toEqual([403, "You are not authorized to change this user's admin level."]);
    expect(await answer(patch(admin.id, 'viewer', 'ultraadmin'))).toEqual([200, undefined]);
  });
});

describeBoth('admin API: POST /__mock/reset', (t) => {
  it('puts back every admin write: levels, trust, shadow-bans, requests and keys', async () => {
    const demo = await userWithRole(t, 'demo');
    const before = await userWithRole(t, 'viewer');
    const snapshot = async () =>
      Promise.all([
        adminCall(t, 'adminGetUserInfo', `/api/admin/v1/user/info?id=${demo.id}`, 200, { as: 'superadmin' }),
        adminCall(t, 'adminListShadowbans', '/api/admin/v1/leaderboard_shadowbans', 200, { as: 'superadmin' }),
        adminCall(t, 'adminListDeletionRequests', '/api/admin/v1/deletion_requests', 200, { as: 'superadmin' }),
        adminCall(t, 'adminListApiKeys', '/api/admin/v1/admin_api_keys', 200, { as: 'superadmin' }),
        adminCall(t, 'adminListPermissions', '/api/admin/v1/permissions', 200, { as: 'superadmin' }),
      ]);
    await resetMock(t);
    const seeded = await snapshot();
    const as = 'superadmin' as const;
    await adminCall(t, 'adminConvictUser', '/api/admin/v1/user/convict', 200, {
      method: 'POST',
      body: { id: demo.id, trust_level: 'red', reason: 'x' },
      as,
    });
    await adminCall(t, 'adminCreateShadowban', '/api/admin/v1/leaderboard_shadowbans', 201, {
      method: 'POST',
      body: { user_id: demo.id, reason: 'x' },
      as,
    });
    await adminCall(t, 'adminApproveDeletionRequest', '/api/admin/v1/deletion_requests/1/approve', 200, { method: 'POST', as });
    await adminCall(t, 'adminCreateApiKey', '/api/admin/v1/admin_api_keys', 201, { method: 'POST', body: { name: 'x' }, as });
    await adminCall(t, 'adminUpdatePermission', `/api/admin/v1/permissions/${before.id}`, 200, {
      method: 'PATCH',
      body: { admin_level: 'admin' },
      as,
    });
    expect(await snapshot()).not.toEqual(seeded);
    await resetMock(t);
    expect(await snapshot()).toEqual(seeded);
  });
});
