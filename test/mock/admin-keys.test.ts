/**
 * Admin API keys (`app/controllers/api/admin/v1/admin_api_keys_controller.rb`, `app/models/admin_api_key.rb`):
 * a created key authenticates at once, a revoked one stops at once, everywhere admin keys are read.
 */
import { beforeEach, expect, it } from 'vitest';
import { ACCESS_DENIED, adminCall, LEVEL_KEY, resetMock } from '../helpers/admin-api.js';
import { bearer, describeBoth, type MockTarget } from '../helpers/mock.js';
import { userWithRole } from '../helpers/mock-admin.js';

const KEYS = '/api/admin/v1/admin_api_keys';

interface Key {
  id: number;
  name: string;
  token_preview: string;
  active: boolean;
  revoked_at: string | null;
  user: { id: number };
}

const checkStatus = async (t: MockTarget, token: string) => (await t.fetch('/api/admin/v1/check', { headers: bearer(token) })).status;
/** The public lookup that takes admin keys too (`Authorization: Bearer <admin key>`). */
const lookupStatus = async (t: MockTarget, token: string) =>
  (await t.fetch('/api/v1/users/lookup_email/demo@hackatime.test', { headers: bearer(token) })).status;

describeBoth('admin API: admin keys', (t) => {
  beforeEach(() => resetMock(t));

  it('lists only active keys, newest first, with a 13-character preview (keys:8-14, keys:65-80)', async () => {
    const body = await adminCall<{ admin_api_keys: Key[] }>(t, 'adminListApiKeys', KEYS, 200, { as: 'viewer' });
    expect(body.admin_api_keys.every((k) => k.active && k.revoked_at === null)).toBe(true);
    expect(body.admin_api_keys.map((k) => k.token_preview)).toContain(`${LEVEL_KEY.admin.slice(0, 13)}...`);
    expect(body.admin_api_keys.some((k) => k.token_preview.startsWith('hka_000000000'))).toBe(false);
    // The revoked seed key is still there by id, inactive.
    const revoked = await adminCall<Key>(t, 'adminGetApiKey', `${KEYS}/2`, 200);
    expect(revoked).toMatchObject({ active: false, name: expect.stringMatching(/_revoked_[0-9a-f]{16}$/) });
    expect(await adminCall(t, 'adminGetApiKey', `${KEYS}/999`, 404)).toEqual({ error: 'Admin API key not found' });
  });

  it('creates a key for the caller (a viewer too) that authenticates at once, on the admin API and the public lookups', async () => {
    const viewer = await userWithRole(t, 'viewer');
    const created = await adminCall<{ admin_api_key: { id: number; token: string; name: string } }>(t, 'adminCreateApiKey', KEYS, 201, {
      method: 'POST',
      body: { name: 'CLI' },
      as: 'viewer',
    });
    const { token, id } = created.admin_api_key;
    expect(token).toMatch(/^hka_[0-9a-f]{64}$/);
    expect(await checkStatus(t, token)).toBe(200);
    expect(await lookupStatus(t, token)).toBe(200);
    const shown = await adminCall<Key>(t, 'adminGetApiKey', `${KEYS}/${id}`, 200);
    expect(shown).toMatchObject({ name: 'CLI', active: true, user: { id: viewer.id } });
    // Names are unique per owner (admin_api_key.rb:9-11); another owner may reuse one.
    expect(await adminCall(t, 'adminCreateApiKey', KEYS, 422, { method: 'POST', body: { name: 'CLI' }, as: 'viewer' })).toEqual({
      error: 'Failed to create admin API key',
      errors: ['Name has already been taken'],
    });
    await adminCall(t, 'adminCreateApiKey', KEYS, 201, { method: 'POST', body: { name: 'CLI' }, as: 'admin' });
    expect(await adminCall(t, 'adminCreateApiKey', KEYS, 422, { method: 'POST', body: {} })).toEqual({
      error: 'Failed to create admin API key',
      errors: ["Name can't be blank"],
    });
  });

  it('revokes only own keys (any key for an ultraadmin); no such key is a 403 (keys:42-48, keys:58-63)', async () => {
    const list = await adminCall<{ admin_api_keys: Key[] }>(t, 'adminListApiKeys', KEYS, 200);
    const adminKey = list.admin_api_keys.find((k) => k.token_preview === `${LEVEL_KEY.admin.slice(0, 13)}...`)!;
    const refusal = { error: 'You can only revoke your own admin API keys' };
    expect(await adminCall(t, 'adminRevokeApiKey', `${KEYS}/${adminKey.id}`, 403, { method: 'DELETE', as: 'superadmin' })).toEqual(refusal);
    expect(await adminCall(t, 'adminRevokeApiKey', `${KEYS}/999`, 403, { method: 'DELETE', as: 'ultraadmin' })).toEqual(refusal);
    expect(await checkStatus(t, LEVEL_KEY.admin)).toBe(200);
    await adminCall(t, 'adminRevokeApiKey', `${KEYS}/${adminKey.id}`, 200, { method: 'DELETE', as: 'ultraadmin' });
    expect(await checkStatus(t, LEVEL_KEY.admin)).toBe(401);
    expect(await lookupStatus(t, LEVEL_KEY.admin)).toBe(401);
    const after = await adminCall<{ admin_api_keys: Key[] }>(t, 'adminListApiKeys', KEYS, 200, { as: 'viewer' });
    expect(after.admin_api_keys.map((k) => k.id)).not.toContain(adminKey.id);
    expect(await adminCall<Key>(t, 'adminGetApiKey', `${KEYS}/${adminKey.id}`, 200, { as: 'viewer' })).toMatchObject({ active: false });
  });

  it('stops the very key that revokes itself', async () => {
    const created = await adminCall<{ admin_api_key: { id: number; token: string } }>(t, 'adminCreateApiKey', KEYS, 201, {
      method: 'POST',
      body: { name: 'Temporary' },
    });
    const { id, token } = created.admin_api_key;
    await adminCall(t, 'adminRevokeApiKey', `${KEYS}/${id}`, 200, { method: 'DELETE', as: { bearer: token } });
    const res = await t.fetch('/api/admin/v1/check', { headers: bearer(token) });
    expect(await res.text()).toBe(ACCESS_DENIED);
  });
});
