/**
 * The admin API's authentication, as `Api::Admin::ApplicationController#authenticate_admin!`
 * (`app/controllers/api/admin/application_controller.rb:15-34`) and
 * `AdminApiKeyAuthentication` (`app/controllers/concerns/admin_api_key_authentication.rb:6-22`) do it.
 */
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/server/server.js';
import { ACCESS_DENIED, ADMIN_OAUTH_TOKEN, adminCall, LEVEL_KEY, type Level } from '../helpers/admin-api.js';
import { DEMO_KEY, describeBoth, type MockTarget, NOW, READ_TOKEN, SEED } from '../helpers/mock.js';
import { userWithRole } from '../helpers/mock-admin.js';

const CHECK = '/api/admin/v1/check';

interface Check {
  creator: { id: number; admin_level: string };
  auth: { type: string; application?: { uid: string }; scopes?: string[] };
  api_key?: { id: number; name: string };
}

async function denied(t: MockTarget, headers: Record<string, string>, path = CHECK): Promise<void> {
  const res = await t.fetch(path, { headers });
  // Rails' `request_http_token_authentication`: text body, 27 bytes with the newline (http_authentication.rb:555-559).
  expect(res.status, JSON.stringify(headers)).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe('Token realm="Application"');
  expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await res.text()).toBe(ACCESS_DENIED);
}

describeBoth('admin API authentication', (t) => {
  it('takes the active key of every admin level, as Bearer or Token (keyauth:6, ADMIN_API_LEVELS)', async () => {
    for (const level of Object.keys(LEVEL_KEY) as Level[]) {
      const body = await adminCall<Check>(t, 'adminCheck', CHECK, 200, { as: level });
      expect(body.creator.admin_level).toBe(level);
      expect(body.auth).toEqual({ type: 'api_key' });
      const user = await userWithRole(t, level);
      expect(body.creator.id).toBe(user.id);
      expect(user.admin_keys[0]).toBe(LEVEL_KEY[level]);
    }
    for (const header of [`Token ${LEVEL_KEY.viewer}`, `Token token="${LEVEL_KEY.viewer}"`, `Bearer ${LEVEL_KEY.viewer}, realm=x`]) {
      const res = await t.fetch(CHECK, { headers: { Authorization: header } });
      expect(res.status, header).toBe(200);
    }
  });

  it("answers every refusal with Rails' token challenge", async () => {
    await denied(t, {});
    // The scheme word is case-sensitive; Basic is not a token scheme.
    await denied(t, { Authorization: `bearer ${LEVEL_KEY.admin}` });
    await denied(t, { Authorization: `Basic ${Buffer.from(LEVEL_KEY.admin).toString('base64')}` });
    await denied(t, { Authorization: 'Bearer ' });
    // A revoked key (scope :active, admin_api_key.rb:15), a user API key, an unknown key.
    await denied(t, { Authorization: `Bearer hka_${'0'.repeat(64)}` });
    await denied(t, { Authorization: `Bearer ${DEMO_KEY}` });
    await denied(t, { Authorization: `Bearer hka_${'e'.repeat(64)}` });
    // No query-string fallback.
    await denied(t, {}, `${CHECK}?api_key=${LEVEL_KEY.admin}`);
  });

  it('takes an OAuth token with the admin scope of a verified confidential admin app (base:22-34)', async () => {
    const body = await adminCall<Check>(t, 'adminCheck', CHECK, 200, { as: { bearer: ADMIN_OAUTH_TOKEN } });
    expect(body.auth).toMatchObject({ type: 'oauth', application: { uid: 'demo-admin-console' }, scopes: ['profile', 'admin'] });
    expect(body.api_key).toBeUndefined();
    expect(body.creator.id).toBe((await userWithRole(t, 'superadmin')).id);
    // `acceptable?(["admin"])`: a token without the admin scope is refused.
    await denied(t, { Authorization: `Bearer ${READ_TOKEN}` });
    await denied(t, { Authorization: `Token ${READ_TOKEN}` });
  });

  it('shows which key was used', async () => {
    const first = await adminCall<Check>(t, 'adminCheck', CHECK, 200, { as: 'superadmin' });
    const second = await adminCall<Check>(t, 'adminCheck', CHECK, 200, { as: 'ultraadmin' });
    expect(first.api_key?.name).toBe('Superadmin key');
    expect(second.api_key?.name).toBe('Ultraadmin key');
    expect(first.api_key?.id).not.toBe(second.api_key?.id);
  });
});

describe('admin API authentication against the state', () => {
  const mock = () => createMock({ seed: SEED, now: NOW });
  const check = async (m: ReturnType<typeof mock>, token: string) =>
    (await m.app.request(CHECK, { headers: { Authorization: `Bearer ${token}` } })).status;

  it('refuses an OAuth token once its app loses the admin scope, confidentiality or verification', async () => {
    for (const change of [{ scopes: [] }, { confidential: false }, { verified: false }] as const) {
      const m = mock();
      expect(await check(m, ADMIN_OAUTH_TOKEN)).toBe(200);
      Object.assign(m.state.oauth.apps.get('demo-admin-console') ?? {}, change);
      expect(await check(m, ADMIN_OAUTH_TOKEN), JSON.stringify(change)).toBe(401);
    }
  });

  it('revokes on first use the key of an owner who lost the admin level (keyauth:13-16), and reset brings it back', async () => {
    const m = mock();
    const owner = m.world.users.find((u) => u.adminLevel === 'viewer');
    expect(owner).toBeDefined();
    m.state.staff.setAdminLevel(owner!, 'default', NOW);
    const key = m.state.staff.keys.find((k) => k.token === LEVEL_KEY.viewer)!;
    expect(key.revokedAt).toBeNull();
    expect(await check(m, LEVEL_KEY.viewer)).toBe(401);
    expect(key.revokedAt).toBe(NOW);
    expect(key.name).toMatch(/^Viewer key_revoked_[0-9a-f]{16}$/);
    // Giving the level back does not bring the revoked key back.
    m.state.staff.setAdminLevel(owner!, 'viewer', NOW);
    expect(await check(m, LEVEL_KEY.viewer)).toBe(401);
    m.state.reset();
    expect(await check(m, LEVEL_KEY.viewer)).toBe(200);
    // The admin OAuth token is re-seeded after the OAuth server forgot its issued tokens.
    expect(await check(m, ADMIN_OAUTH_TOKEN)).toBe(200);
  });

  it('refuses an admin-scoped OAuth token whose user has no admin level', async () => {
    const m = mock();
    const holder = m.world.users.find((u) => u.adminLevel === 'superadmin')!;
    m.state.staff.setAdminLevel(holder, 'default', NOW);
    expect(await check(m, ADMIN_OAUTH_TOKEN)).toBe(401);
  });
});
