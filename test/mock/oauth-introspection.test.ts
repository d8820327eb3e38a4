/**
 * The OAuth routes Doorkeeper 5.9.6 mounts beside token and revoke: `POST /oauth/introspect`
 * (RFC 7662, `lib/doorkeeper/oauth/token_introspection.rb:58-134`) and `GET /oauth/token/info`
 * (`app/controllers/doorkeeper/token_info_controller.rb:5-13`), against the one token store, so that
 * what they say about a token agrees with what authentication does with it.
 */
import { expect, it } from 'vitest';
import { bearer, describeBoth, type MockTarget, NOW, READ_TOKEN } from '../helpers/mock.js';
import {
  type Answer,
  approvedCode,
  basicAuth,
  CLI_APP,
  conforming,
  expectOAuthError,
  FORM,
  form,
  INVALID_CLIENT,
  revokeToken,
  token,
  WEB_APP,
} from './oauth-support.js';

const NOT_AUTHORIZED = 'Request need to be authorized. Required parameter for authorizing request is missing or invalid.';

async function introspect(t: MockTarget, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await t.fetch('/oauth/introspect', { method: 'POST', headers: { ...FORM, ...headers }, body: form(fields) });
  return conforming('introspectOAuthToken', res);
}

async function info(t: MockTarget, headers: Record<string, string>): Promise<Answer> {
  return conforming('getOAuthTokenInfo', await t.fetch('/oauth/token/info', { headers }));
}

/** A fresh token of the web app for demo, with profile and read. */
async function webToken(t: MockTarget): Promise<{ access_token: string; created_at: number; expires_in: number }> {
  const code = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, scope: 'profile read' });
  const issued = await token(
    t,
    { grant_type: 'authorization_code', code, redirect_uri: WEB_APP.redirect },
    basicAuth(WEB_APP.id, WEB_APP.secret),
  );
  expect(issued.status).toBe(200);
  return issued.json as { access_token: string; created_at: number; expires_in: number };
}

describeBoth('POST /oauth/introspect', (t) => {
  it('an authenticated client learns about its own tokens: RFC 7662 fields, exp = iat + expires_in', async () => {
    const issued = await webToken(t);
    const answer = await introspect(t, { token: issued.access_token }, basicAuth(WEB_APP.id, WEB_APP.secret));
    expect(answer.json).toEqual({
      active: true,
      scope: 'profile read',
      client_id: WEB_APP.id,
      token_type: 'Bearer',
      iat: issued.created_at,
      exp: issued.created_at + issued.expires_in,
    });
    expect(answer.text.startsWith('{"active":true,"scope":')).toBe(true);
  });

  it("another app's token, an unknown token and the refresh_token hint are {active: false} (allow_token_introspection, config.rb:448-457)", async () => {
    const issued = await webToken(t);
    const asCli = await introspect(t, { token: issued.access_token, client_id: CLI_APP.id });
    expect(asCli.json).toEqual({ active: false });
    const unknown = await introspect(t, { token: 'no-such-token' }, basicAuth(WEB_APP.id, WEB_APP.secret));
    expect(unknown.text).toBe('{"active":false}');
    const hinted = await introspect(
      t,
      { token: issued.access_token, token_type_hint: 'refresh_token' },
      basicAuth(WEB_APP.id, WEB_APP.secret),
    );
    expect(hinted.json).toEqual({ active: false });
  });

  it('a client that does not authenticate gets 401 invalid_client with Doorkeeper error headers', async () => {
    expectOAuthError(await introspect(t, { token: 'x' }, basicAuth(WEB_APP.id, 'wrong')), 401, 'invalid_client', INVALID_CLIENT);
  });

  it("without client credentials or a Bearer token: 400 invalid_request in Hackatime's wording", async () => {
    expectOAuthError(await introspect(t, { token: READ_TOKEN }), 400, 'invalid_request', NOT_AUTHORIZED);
    // An API key is no access token: the Bearer value authorizes nothing.
    expectOAuthError(
      await introspect(t, { token: READ_TOKEN }, bearer('11111111-1111-4111-8111-111111111111')),
      400,
      'invalid_request',
      NOT_AUTHORIZED,
    );
  });

  it('a Bearer token may introspect another token of its app, not itself, and not when revoked', async () => {
    const [first, second] = [await webToken(t), await webToken(t)];
    // reuse_access_token hands the same token out again: the second exchange is the first token.
    expect(second.access_token).toBe(first.access_token);
    const seeded = await introspect(t, { token: READ_TOKEN }, bearer(t.world.specialTokens.readOnly));
    expect(seeded.json).toMatchObject({ active: true, scope: 'profile read', token_type: 'Bearer' });
    const self = await introspect(t, { token: READ_TOKEN }, bearer(READ_TOKEN));
    expectOAuthError(self, 401, 'invalid_token', 'The access token is invalid');
    const otherApp = await introspect(t, { token: first.access_token }, bearer(READ_TOKEN));
    expectOAuthError(otherApp, 401, 'invalid_token', 'The access token is invalid');
    const revoked = await introspect(t, { token: READ_TOKEN }, bearer(t.world.specialTokens.revoked));
    expectOAuthError(revoked, 401, 'invalid_token', 'The access token was revoked');
    const expired = await introspect(t, { token: READ_TOKEN }, bearer(t.world.specialTokens.expired));
    expectOAuthError(expired, 401, 'invalid_token', 'The access token expired');
  });
});

describeBoth('GET /oauth/token/info', (t) => {
  it("the Bearer token's record: owner, scopes as an array, seconds left, app uid, creation (access_token_mixin.rb:359-371)", async () => {
    const issued = await webToken(t);
    const answer = await info(t, bearer(issued.access_token));
    expect(answer.text).toBe(
      `{"resource_owner_id":1,"scope":["profile","read"],"expires_in":${issued.expires_in},"application":{"uid":"${WEB_APP.id}"},"created_at":${issued.created_at}}`,
    );
    expect(issued.created_at).toBe(Math.floor(NOW / 1000));
  });

  it('missing, unknown, revoked and expired tokens: 401 invalid_token, always "is invalid"', async () => {
    for (const headers of [
      {},
      bearer('nope'),
      bearer(t.world.specialTokens.revoked),
      bearer(t.world.specialTokens.expired),
      { Authorization: 'Basic abc' },
    ]) {
      expectOAuthError(await info(t, headers), 401, 'invalid_token', 'The access token is invalid');
    }
    // The `Bearer ` prefix in any case (OAuth::Token.from_bearer_authorization).
    expect((await info(t, { Authorization: `bearer ${READ_TOKEN}` })).status).toBe(200);
  });
});

describeBoth('revocation, introspection, token info and authentication agree', (t) => {
  it('a revoked token stops working on /api/v1/authenticated/me, is inactive and has no info', async () => {
    const issued = await webToken(t);
    expect((await t.fetch('/api/v1/authenticated/me', { headers: bearer(issued.access_token) })).status).toBe(200);
    expect((await info(t, bearer(issued.access_token))).status).toBe(200);
    expect((await revokeToken(t, { token: issued.access_token }, basicAuth(WEB_APP.id, WEB_APP.secret))).status).toBe(200);
    const me = await t.fetch('/api/v1/authenticated/me', { headers: bearer(issued.access_token) });
    expect([me.status, me.headers.get('www-authenticate')]).toEqual([
      401,
      'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token was revoked"',
    ]);
    const answer = await introspect(t, { token: issued.access_token }, basicAuth(WEB_APP.id, WEB_APP.secret));
    expect(answer.json).toEqual({ active: false });
    expectOAuthError(await info(t, bearer(issued.access_token)), 401, 'invalid_token', 'The access token is invalid');
  });
});
