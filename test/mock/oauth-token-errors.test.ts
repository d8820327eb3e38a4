/**
 * Every error path of the mock's token and revocation endpoints, with Doorkeeper's statuses, bodies
 * and challenges: client authentication, code reuse and expiry, PKCE, revocation, and revoked or
 * expired tokens on `/api/v1/authenticated/*`.
 */
import { describe, expect, it } from 'vitest';
import { mountAdmin } from '../../src/mock/admin/routes.js';
import { buildApp } from '../../src/mock/app.js';
import { present, requestParams } from '../../src/mock/oauth/params.js';
import { MockState } from '../../src/mock/state.js';
import { createWorld } from '../../src/world/store.js';
import { bearer, describeBoth, type MockTarget, NOW, PROFILE_TOKEN, SEED } from '../helpers/mock.js';
import {
  approvedCode,
  basicAuth,
  CLI_APP,
  conforming,
  expectOAuthError,
  INVALID_CLIENT,
  INVALID_GRANT,
  revokeToken,
  s256,
  token,
  VERIFIER,
  WEB_APP,
} from './oauth-support.js';

const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed.';

async function me(t: MockTarget, accessToken: string) {
  return conforming('getAuthenticatedMe', await t.fetch('/api/v1/authenticated/me', { headers: bearer(accessToken) }));
}

async function webToken(t: MockTarget, scope = 'profile read'): Promise<string> {
  const code = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, scope });
  const answer = await token(t, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: WEB_APP.redirect,
    client_id: WEB_APP.id,
    client_secret: WEB_APP.secret,
  });
  expect(answer.status, answer.text).toBe(200);
  return (answer.json as { access_token: string }).access_token;
}

describeBoth('POST /oauth/token refuses bad exchanges', (t) => {
  const exchange = (fields: Record<string, string>, headers: Record<string, string> = {}) => token(t, fields, headers);
  const webCode = () => approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect });
  const withSecret = { client_id: WEB_APP.id, client_secret: WEB_APP.secret };

  it('missing or unsupported parameters → 400 invalid_request / unsupported_grant_type', async () => {
    const code = await webCode();
    expectOAuthError(
      await exchange({ code, redirect_uri: WEB_APP.redirect, ...withSecret }),
      400,
      'invalid_request',
      'Missing required parameter: grant_type.',
    );
    for (const grant of ['refresh_token', 'password', 'implicit']) {
      expectOAuthError(
        await exchange({ grant_type: grant, code, ...withSecret }),
        400,
        'unsupported_grant_type',
        'The authorization grant type is not supported by the authorization server.',
      );
    }
    expectOAuthError(
      await exchange({ grant_type: 'authorization_code', redirect_uri: WEB_APP.redirect, ...withSecret }),
      400,
      'invalid_request',
      'Missing required parameter: code.',
    );
    expectOAuthError(
      await exchange({ grant_type: 'authorization_code', code, ...withSecret }),
      400,
      'invalid_request',
      'Missing required parameter: redirect_uri.',
    );
    // None of these used the code up.
    expect((await exchange({ grant_type: 'authorization_code', code, redirect_uri: WEB_APP.redirect, ...withSecret })).status).toBe(200);
  });

  it('an unknown client, a bad secret, a missing secret → 401 invalid_client', async () => {
    const code = await webCode();
    const base = { grant_type: 'authorization_code', code, redirect_uri: WEB_APP.redirect };
    for (const [fields, headers] of [
      [{ ...base, client_id: 'nobody' }, {}],
      [{ ...base, client_id: WEB_APP.id, client_secret: 'wrong' }, {}],
      [{ ...base, client_id: WEB_APP.id }, {}],
      [base, {}],
      [base, basicAuth(WEB_APP.id, 'wrong')],
      [base, basicAuth('nobody', 'x')],
    ] as const) {
      expectOAuthError(await exchange(fields, headers), 401, 'invalid_client', INVALID_CLIENT);
    }
    // A public app that sends a secret must send the right one.
    const cliCode = await approvedCode(t, { client_id: CLI_APP.id, redirect_uri: CLI_APP.redirect });
    expectOAuthError(
      await exchange({
        grant_type: 'authorization_code',
        code: cliCode,
        redirect_uri: CLI_APP.redirect,
        client_id: CLI_APP.id,
        client_secret: 'wrong',
      }),
      401,
      'invalid_client',
      INVALID_CLIENT,
    );
    expect((await exchange({ ...base, client_id: WEB_APP.id }, basicAuth(WEB_APP.id, WEB_APP.secret))).status).toBe(200);
  });

  it('two client authentication mechanisms → 400 invalid_request', async () => {
    const code = await webCode();
    const base = { grant_type: 'authorization_code', code, redirect_uri: WEB_APP.redirect };
    const description = 'The request utilizes more than one mechanism for authenticating the client.';
    expectOAuthError(
      await exchange({ ...base, ...withSecret }, basicAuth(WEB_APP.id, WEB_APP.secret)),
      400,
      'invalid_request',
      description,
    );
    expectOAuthError(
      await exchange({ ...base, client_id: CLI_APP.id }, basicAuth(WEB_APP.id, WEB_APP.secret)),
      400,
      'invalid_request',
      description,
    );
  });

  it('a reused code, a wrong redirect URI, another app’s code, an unknown code → 400 invalid_grant', async () => {
    const code = await webCode();
    const ok = { grant_type: 'authorization_code', code, redirect_uri: WEB_APP.redirect, ...withSecret };
    expectOAuthError(await exchange({ ...ok, redirect_uri: 'http://127.0.0.1/callback' }), 400, 'invalid_grant', INVALID_GRANT);
    expect((await exchange(ok)).status).toBe(200);
    expectOAuthError(await exchange(ok), 400, 'invalid_grant', INVALID_GRANT);
    const cliCode = await approvedCode(t, { client_id: CLI_APP.id, redirect_uri: CLI_APP.redirect });
    expectOAuthError(await exchange({ ...ok, code: cliCode, redirect_uri: CLI_APP.redirect }), 400, 'invalid_grant', INVALID_GRANT);
    expectOAuthError(await exchange({ ...ok, code: 'not-a-code' }), 400, 'invalid_grant', INVALID_GRANT);
  });

  it('echoes state in error bodies', async () => {
    const answer = await exchange({
      grant_type: 'authorization_code',
      code: 'x',
      redirect_uri: WEB_APP.redirect,
      client_id: 'nobody',
      state: 'abc',
    });
    expect(answer.json).toEqual({ error: 'invalid_client', error_description: INVALID_CLIENT, state: 'abc' });
  });

  describe('PKCE, verified by the mock when a challenge was given', () => {
    const cli = (challenge: string, method?: string) =>
      approvedCode(t, {
        client_id: CLI_APP.id,
        redirect_uri: CLI_APP.redirect,
        code_challenge: challenge,
        ...(method ? { code_challenge_method: method } : {}),
      });
    const exchangeCli = (code: string, verifier?: string) =>
      exchange({
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLI_APP.redirect,
        client_id: CLI_APP.id,
        ...(verifier === undefined ? {} : { code_verifier: verifier }),
      });

    it('no verifier → 400 invalid_request; a bad verifier → 400 invalid_grant; the right one → 200', async () => {
      const code = await cli(s256(VERIFIER), 'S256');
      expectOAuthError(await exchangeCli(code), 400, 'invalid_request', 'Missing required parameter: code_verifier.');
      expectOAuthError(await exchangeCli(code, `${VERIFIER}x`), 400, 'invalid_grant', INVALID_GRANT);
      // Sending the challenge itself as the verifier is wrong for S256.
      expectOAuthError(await exchangeCli(code, s256(VERIFIER)), 400, 'invalid_grant', INVALID_GRANT);
      expect((await exchangeCli(code, VERIFIER)).status).toBe(200);
    });

    it('plain (also when the method is left out) compares the verifier as is', async () => {
      for (const method of ['plain', undefined]) {
        const code = await cli(VERIFIER, method);
        expectOAuthError(await exchangeCli(code, s256(VERIFIER)), 400, 'invalid_grant', INVALID_GRANT);
        expect((await exchangeCli(code, VERIFIER)).status).toBe(200);
      }
    });

    it('without a challenge a verifier is ignored, as in production', async () => {
      const code = await approvedCode(t, { client_id: CLI_APP.id, redirect_uri: CLI_APP.redirect });
      expect((await exchangeCli(code, 'anything-at-all')).status).toBe(200);
    });
  });

  it('client_credentials: an app token with no user (401 on /me), invalid scope → 400 invalid_scope', async () => {
    const issued = await exchange({ grant_type: 'client_credentials', ...withSecret });
    expect(issued.json).toMatchObject({ token_type: 'Bearer', scope: 'profile' });
    const app = await me(t, (issued.json as { access_token: string }).access_token);
    expect(app.status).toBe(401);
    expectOAuthError(
      await exchange({ grant_type: 'client_credentials', scope: 'profile sudo', ...withSecret }),
      400,
      'invalid_scope',
      INVALID_SCOPE,
    );
    expectOAuthError(await exchange({ grant_type: 'client_credentials', client_id: WEB_APP.id }), 401, 'invalid_client', INVALID_CLIENT);
  });
});

describeBoth('POST /oauth/revoke', (t) => {
  const unauthorized = { error: 'unauthorized_client', error_description: 'You are not authorized to revoke this token' };

  it('refuses a client that does not authenticate with 403 unauthorized_client, whatever the token', async () => {
    const access = await webToken(t);
    for (const [fields, headers] of [
      [{ token: access }, {}],
      [{ token: access, client_id: 'nobody' }, {}],
      [{ token: access, client_id: WEB_APP.id }, {}],
      [{ token: access, client_id: WEB_APP.id, client_secret: 'bad' }, {}],
      [{ token: 'unknown' }, basicAuth(WEB_APP.id, 'bad')],
    ] as const) {
      const answer = await revokeToken(t, fields, headers);
      expect({ status: answer.status, body: answer.json }).toEqual({ status: 403, body: unauthorized });
      expect(answer.headers.get('www-authenticate')).toBeNull();
    }
    expect((await me(t, access)).status).toBe(200);
  });

  it("refuses another app's token and the seeded demo tokens (403); they keep working", async () => {
    const access = await webToken(t);
    for (const victim of [access, PROFILE_TOKEN]) {
      const answer = await revokeToken(t, { token: victim, client_id: CLI_APP.id });
      expect({ status: answer.status, body: answer.json }).toEqual({ status: 403, body: unauthorized });
      expect((await me(t, victim)).status).toBe(200);
    }
  });

  it('answers 200 {} for an unknown or missing token, and for a refresh_token hint (revoking nothing)', async () => {
    const access = await webToken(t);
    const cases: Record<string, string>[] = [{ token: 'no-such-token' }, {}, { token: access, token_type_hint: 'refresh_token' }];
    for (const fields of cases) {
      const answer = await revokeToken(t, { ...fields, client_id: WEB_APP.id, client_secret: WEB_APP.secret });
      expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: {} });
    }
    expect((await me(t, access)).status).toBe(200);
  });

  it('two mechanisms → 400 invalid_request with the challenge', async () => {
    const answer = await revokeToken(
      t,
      { token: 'x', client_id: WEB_APP.id, client_secret: WEB_APP.secret },
      basicAuth(WEB_APP.id, WEB_APP.secret),
    );
    expectOAuthError(answer, 400, 'invalid_request', 'The request utilizes more than one mechanism for authenticating the client.');
  });

  it('a revoked token gets 401 "was revoked" everywhere; the next sign-in gets a new token', async () => {
    const access = await webToken(t);
    expect((await webToken(t)).toString()).toBe(access); // reused while it is valid
    const answer = await revokeToken(t, { token: access }, basicAuth(WEB_APP.id, WEB_APP.secret));
    expect({ status: answer.status, body: answer.json }).toEqual({ status: 200, body: {} });
    for (const path of ['/api/v1/authenticated/me', '/api/v1/authenticated/hours', '/api/v1/authenticated/streak']) {
      const res = await t.fetch(path, { headers: bearer(access) });
      expect(res.status, path).toBe(401);
      expect(await res.text()).toBe('');
      expect(res.headers.get('www-authenticate')).toBe(
        'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token was revoked"',
      );
    }
    expect((await revokeToken(t, { token: access }, basicAuth(WEB_APP.id, WEB_APP.secret))).status).toBe(200);
    expect(await webToken(t)).not.toBe(access);
  });
});

describe('codes and tokens expire (a clock that moves)', () => {
  let now = NOW;
  const world = createWorld({ seed: SEED, now: NOW, users: 9, days: 3 });
  const clock = { now: () => now };
  const state = new MockState(world);
  const app = buildApp({ state, clock, extend: (a) => mountAdmin(a, { state, clock }) });
  const t: MockTarget = { transport: 'in-process', world, fetch: async (path, init) => app.request(path, init) };

  it('a code older than 10 minutes → 400 invalid_grant; at exactly 10 minutes it still works', async () => {
    now = NOW;
    const fields = (code: string) => ({
      grant_type: 'authorization_code',
      code,
      redirect_uri: WEB_APP.redirect,
      client_id: WEB_APP.id,
      client_secret: WEB_APP.secret,
    });
    const late = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect });
    const onTime = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, scope: 'read' });
    now = NOW + 10 * 60 * 1000;
    expect((await token(t, fields(onTime))).status).toBe(200);
    now += 1;
    expectOAuthError(await token(t, fields(late)), 400, 'invalid_grant', INVALID_GRANT);
  });

  it('a reused token reports what is left of its 16 years; past them it gets 401 "expired"', async () => {
    now = NOW;
    const access = await webToken(t, 'profile');
    now = NOW + 3_600_000;
    const code = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, scope: 'profile' });
    const again = await token(t, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: WEB_APP.redirect,
      client_id: WEB_APP.id,
      client_secret: WEB_APP.secret,
    });
    expect(again.json).toEqual({
      access_token: access,
      token_type: 'Bearer',
      expires_in: 504_911_232 - 3600,
      scope: 'profile',
      created_at: Math.floor(NOW / 1000),
    });
    now = NOW + 504_911_232_000;
    const res = await t.fetch('/api/v1/authenticated/me', { headers: bearer(access) });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"',
    );
  });

  it('/__mock/reset forgets issued tokens (401 invalid) and keeps the apps', async () => {
    now = NOW;
    const access = await webToken(t);
    expect((await t.fetch('/__mock/reset', { method: 'POST' })).status).toBe(200);
    const res = await t.fetch('/api/v1/authenticated/me', { headers: bearer(access) });
    expect(res.headers.get('www-authenticate')).toBe(
      'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"',
    );
    expect(await webToken(t)).not.toBe(access);
  });
});

describe('the parameters Doorkeeper reads', () => {
  it("are Rails params (the body, overridden by the query's last values) read as text", () => {
    const body = { client_id: 'body', code: 12, state: true, scope: ['read'], nested: { a: 1 } };
    expect(requestParams(body, new URLSearchParams('client_id=q1&client_id=q2&=dropped'))).toEqual({
      client_id: 'q2',
      code: '12',
      state: 'true',
    });
  });

  it("treat a value as absent by Rails' blank? (U+0085 is blank, U+FEFF is not)", () => {
    const state = (query: string) => present(requestParams(undefined, new URLSearchParams(query)), 'state');
    expect([state('state=%20%09'), state('state=%C2%85'), state('state=%EF%BB%BF'), state('state=x')]).toEqual([
      undefined,
      undefined,
      '\ufeff',
      'x',
    ]);
  });
});
