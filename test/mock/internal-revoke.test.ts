/**
 * `POST /api/internal/revoke` (hackclub/hackatime `app/controllers/api/internal/revocations_controller.rb`)
 * and the redirect of `GET /api/hackatime/v1` (`config/routes.rb:341`).
 */
import { expect, it } from 'vitest';
import { ADMIN_KEY, bearer, DEMO_KEY, describeBoth, type MockTarget } from '../helpers/mock.js';
import { credentials } from '../helpers/mock-admin.js';
import { conforming } from './oauth-support.js';

const KEY = 'demo-revocation-key';
const JSON_BODY = { 'Content-Type': 'application/json' };

async function revoke(t: MockTarget, body: unknown, headers: Record<string, string> = bearer(KEY)) {
  const init = { method: 'POST', headers: { ...JSON_BODY, ...headers }, body: JSON.stringify(body), redirect: 'manual' as const };
  const res = await t.fetch('/api/internal/revoke', init);
  return conforming('revokeKey', res);
}

const currentUser = (t: MockTarget, key: string) => t.fetch('/api/hackatime/v1/users/current', { headers: bearer(key) });

describeBoth('POST /api/internal/revoke', (t) => {
  it('without the revocation key: 302 to the video before the body is read (revocations_controller.rb:60-67)', async () => {
    for (const headers of [{}, bearer('wrong'), bearer(DEMO_KEY), { Authorization: `bearer ${KEY}` }]) {
      const init = { method: 'POST', headers: { ...JSON_BODY, ...headers }, body: '{not json', redirect: 'manual' as const };
      const res = await t.fetch('/api/internal/revoke', init);
      expect([res.status, res.headers.get('location'), await res.text()]).toEqual([302, 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', '']);
    }
  });

  it('reads the key as Rails\' token parser does: Bearer, Token and Token token="…"', async () => {
    for (const authorization of [`Bearer ${KEY}`, `Token ${KEY}`, `Token token="${KEY}", nonce="x"`]) {
      const answer = await revoke(t, {}, { Authorization: authorization });
      expect(answer.json).toEqual({ success: false, error: 'Token is required' });
    }
  });

  it('422 for a blank token, an unsupported format and an unknown key; 500 for a token that is not a string', async () => {
    expect((await revoke(t, { token: '  ' })).json).toEqual({ success: false, error: 'Token is required' });
    expect((await revoke(t, { token: 'abc' })).json).toEqual({ success: false, error: "Token doesn't match any supported type" });
    // Admin keys are lower-case hex only (ADMIN_KEY_REGEX has no /i).
    expect((await revoke(t, { token: ADMIN_KEY.toUpperCase().replace('HKA_', 'hka_') })).status).toBe(422);
    const unknown = await revoke(t, { token: '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d' });
    expect(unknown.json).toEqual({ success: false, error: 'Token is invalid or already revoked' });
    expect((await revoke(t, { token: 12 })).status).toBe(500);
  });

  it('rotates a user API key: 201 with its name and the owner email; the old token is dead, the new one works', async () => {
    expect((await currentUser(t, DEMO_KEY)).status).toBe(200);
    const answer = await revoke(t, { token: DEMO_KEY });
    expect([answer.status, answer.text]).toEqual([
      201,
      '{"success":true,"status":"complete","token_type":"Hackatime key","owner_email":"demo@hackatime.test"}',
    ]);
    expect((await currentUser(t, DEMO_KEY)).status).toBe(401);
    const fresh = (await credentials(t)).users.find((u) => u.username === 'demo')!.api_keys[0]!;
    expect(fresh).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fresh).not.toBe(DEMO_KEY);
    expect((await currentUser(t, fresh)).status).toBe(200);
    expect((await revoke(t, { token: DEMO_KEY })).json).toEqual({ success: false, error: 'Token is invalid or already revoked' });
    // The new token is a key like any other: it can be revoked in turn.
    expect((await revoke(t, { token: fresh })).status).toBe(201);
    expect((await currentUser(t, fresh)).status).toBe(401);
  });

  it('revokes an admin key: 201 with key_name; the key stops working; a second call is 422', async () => {
    const lookup = () => t.fetch('/api/v1/users/lookup_email/demo@hackatime.test', { headers: bearer(ADMIN_KEY) });
    expect((await lookup()).status).toBe(200);
    // `token_type` and `key_name` are the key's name before revocation (revocations_controller.rb:18-26).
    const listed = await t.fetch('/api/admin/v1/admin_api_keys', { headers: { ...bearer(ADMIN_KEY), Accept: 'application/json' } });
    const keys = ((await listed.json()) as { admin_api_keys: { name: string; token_preview?: string }[] }).admin_api_keys;
    const name = keys.find((k) => k.token_preview?.startsWith(ADMIN_KEY.slice(0, 13)))?.name;
    expect(name).toBeTruthy();
    const answer = await revoke(t, { token: ADMIN_KEY });
    expect(answer.json).toMatchObject({ success: true, status: 'complete', token_type: name, key_name: name });
    expect((await lookup()).status).toBe(401);
    expect((await revoke(t, { token: ADMIN_KEY })).json).toEqual({ success: false, error: 'Token is invalid or already revoked' });
  });

  it('POST /__mock/reset brings the revoked keys back', async () => {
    await revoke(t, { token: DEMO_KEY });
    expect((await t.fetch('/__mock/reset', { method: 'POST' })).status).toBeLessThan(300);
    expect((await currentUser(t, DEMO_KEY)).status).toBe(200);
  });
});

describeBoth('GET /api/hackatime/v1', (t) => {
  it('redirects to the home page (302, absolute Location, empty body; routes.rb:341)', async () => {
    const res = await t.fetch('/api/hackatime/v1', { redirect: 'manual' });
    const answer = await conforming('redirectHackatimeRoot', res);
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toMatch(/^http:\/\/(localhost|127\.0\.0\.1:\d+)\/$/);
    expect(answer.text).toBe('');
  });
});
