/**
 * "Sign in with Hackatime" end to end, driven by a maintained OAuth client library (oauth4webapi),
 * not by our code: a public PKCE client and a confidential client get tokens, call
 * `/api/v1/authenticated/*` with them exactly as with the seeded demo tokens, and revoke them.
 */
import * as oauth from 'oauth4webapi';
import { expect, it } from 'vitest';
import { bearer, describeBoth, type MockTarget, PROFILE_TOKEN, READ_TOKEN } from '../helpers/mock.js';
import { authorize, CLI_APP, conforming, WEB_APP } from './oauth-support.js';

/** Any origin works: requests are routed to the mock under test by path. */
const ISSUER = 'http://127.0.0.1:4010';
const as: oauth.AuthorizationServer = {
  issuer: ISSUER,
  authorization_endpoint: `${ISSUER}/oauth/authorize`,
  token_endpoint: `${ISSUER}/oauth/token`,
  revocation_endpoint: `${ISSUER}/oauth/revoke`,
  code_challenge_methods_supported: ['S256'],
};

function libraryOptions(t: MockTarget) {
  return {
    [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<string, unknown>) => {
      const { pathname, search } = new URL(url);
      return t.fetch(`${pathname}${search}`, {
        method: init.method,
        headers: init.headers,
        body: init.body as RequestInit['body'],
        redirect: 'manual',
      });
    },
    [oauth.allowInsecureRequests]: true,
  };
}

interface SignIn {
  client: oauth.Client;
  auth: oauth.ClientAuth;
  redirectUri: string;
  scope: string;
  pkce: boolean;
  user?: string;
}

/** The app's side of the flow, step by step as the library's documentation has it. */
async function signIn(t: MockTarget, s: SignIn): Promise<oauth.TokenEndpointResponse> {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(as.authorization_endpoint!);
  url.searchParams.set('client_id', s.client.client_id);
  url.searchParams.set('redirect_uri', s.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', s.scope);
  url.searchParams.set('state', state);
  if (s.pkce) {
    url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
    url.searchParams.set('code_challenge_method', 'S256');
  }
  // The browser step, approved at once (the browser test clicks through the consent page instead).
  const prefer = `oauth=approve${s.user === undefined ? '' : `; oauth-user=${s.user}`}`;
  const redirect = await conforming(
    'authorizeOAuthApp',
    await t.fetch(`${url.pathname}${url.search}`, { headers: { Prefer: prefer }, redirect: 'manual' }),
  );
  expect(redirect.status).toBe(302);
  const callback = new URL(redirect.headers.get('location')!);
  expect(`${callback.origin}${callback.pathname}`).toBe(s.redirectUri);

  const params = oauth.validateAuthResponse(as, s.client, callback, state);
  const response = await oauth.authorizationCodeGrantRequest(
    as,
    s.client,
    s.auth,
    params,
    s.redirectUri,
    s.pkce ? verifier : oauth.nopkce,
    libraryOptions(t),
  );
  const checked = await conforming('createOAuthToken', response.clone());
  expect(checked.headers.get('cache-control')).toBe('no-store');

  expect(checked.headers.get('pragma')).toBe('no-cache');
  return oauth.processAuthorizationCodeResponse(as, s.client, response);
}

async function registered(t: MockTarget, app: Record<string, unknown>): Promise<{ client_id: string; client_secret: string }> {
  const res = await t.fetch('/__mock/oauth/apps', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(app),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { client_id: string; client_secret: string };
}

async function api(t: MockTarget, operationId: string, path: string, token: string) {
  return conforming(operationId, await t.fetch(path, { headers: bearer(token) }));
}

describeBoth('Sign in with Hackatime through oauth4webapi', (t) => {
  it('a public client with PKCE gets a profile+read token that works like the demo read token', async () => {
    const tokens = await signIn(t, {
      client: { client_id: CLI_APP.id },
      auth: oauth.None(),
      redirectUri: CLI_APP.redirect,
      scope: 'profile read',
      pkce: true,
    });
    expect(tokens).toMatchObject({ token_type: 'bearer', scope: 'profile read', expires_in: 504_911_232 });
    expect(tokens.refresh_token).toBeUndefined();

    const me = await api(t, 'getAuthenticatedMe', '/api/v1/authenticated/me', tokens.access_token);
    expect(me.status).toBe(200);
    expect(me.json).toEqual((await api(t, 'getAuthenticatedMe', '/api/v1/authenticated/me', PROFILE_TOKEN)).json);

    const hoursPath = '/api/v1/authenticated/hours?start_date=2026-08-01&end_date=2026-08-22';
    const hours = await api(t, 'getAuthenticatedHours', hoursPath, tokens.access_token);
    expect(hours.status).toBe(200);
    expect(hours.json).toEqual((await api(t, 'getAuthenticatedHours', hoursPath, READ_TOKEN)).json);
  });

  it('a confidential client (secret in the body) gets a profile-only token: /me works, /hours is 403 insufficient_scope', async () => {
    const client: oauth.Client = { client_id: WEB_APP.id };
    const tokens = await signIn(t, {
      client,
      auth: oauth.ClientSecretPost(WEB_APP.secret),
      redirectUri: WEB_APP.redirect,
      scope: 'profile',
      pkce: false,
    });
    expect(tokens.scope).toBe('profile');

    expect((await api(t, 'getAuthenticatedMe', '/api/v1/authenticated/me', tokens.access_token)).status).toBe(200);
    const hours = await api(t, 'getAuthenticatedHours', '/api/v1/authenticated/hours', tokens.access_token);
    expect(hours.status).toBe(403);
    expect(hours.text).toBe('');
    expect(hours.headers.get('www-authenticate')).toBe(
      'Bearer realm="Doorkeeper", error="insufficient_scope", error_description="Access to this resource requires scope _read_."',
    );
  });

  it('a confidential client (secret in Basic, with PKCE) signs in another world user, then revokes the token', async () => {
    const who = t.world.roles.yellow;
    const user = t.world.userByUsername(who)!;
    const app = await registered(t, {
      name: 'Basic-auth app',
      client_id: 'basicapp',
      client_secret: 'basicsecret',
      redirect_uris: ['https://basic.example/cb'],
    });
    const client: oauth.Client = { client_id: app.client_id };
    const auth = oauth.ClientSecretBasic(app.client_secret);
    const tokens = await signIn(t, { client, auth, redirectUri: 'https://basic.example/cb', scope: 'read profile', pkce: true, user: who });
    expect(tokens.scope).toBe('read profile');

    const me = await api(t, 'getAuthenticatedMe', '/api/v1/authenticated/me', tokens.access_token);
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({ id: user.id });
    expect((await api(t, 'getAuthenticatedHours', '/api/v1/authenticated/hours', tokens.access_token)).status).toBe(200);

    const revocation = await oauth.revocationRequest(as, client, auth, tokens.access_token, libraryOptions(t));
    expect((await conforming('revokeOAuthToken', revocation.clone())).json).toEqual({});
    await oauth.processRevocationResponse(revocation);

    const after = await api(t, 'getAuthenticatedMe', '/api/v1/authenticated/me', tokens.access_token);
    expect(after.status).toBe(401);
    expect(after.headers.get('www-authenticate')).toBe(
      'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token was revoked"',
    );
  });

  it("the library's client_secret_basic form-encodes '-' in ids and secrets, which Doorkeeper does not decode: 401 invalid_client", async () => {
    const client: oauth.Client = { client_id: WEB_APP.id };
    const approved = await authorize(
      t,
      { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, response_type: 'code', state: 's1' },
      'oauth=approve',
    );
    const params = oauth.validateAuthResponse(as, client, new URL(approved.headers.get('location')!), 's1');
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.ClientSecretBasic(WEB_APP.secret),
      params,
      WEB_APP.redirect,
      oauth.nopkce,
      libraryOptions(t),
    );
    const answer = await conforming('createOAuthToken', response);
    expect(answer.status).toBe(401);
    expect(answer.json).toMatchObject({ error: 'invalid_client' });
  });

  it('the library sees the mock refuse a wrong PKCE verifier as invalid_grant', async () => {
    const client: oauth.Client = { client_id: CLI_APP.id };
    const url = new URL(as.authorization_endpoint!);
    const state = oauth.generateRandomState();
    for (const [k, v] of Object.entries({
      client_id: CLI_APP.id,
      redirect_uri: CLI_APP.redirect,
      response_type: 'code',
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(oauth.generateRandomCodeVerifier()),
      code_challenge_method: 'S256',
    }))
      url.searchParams.set(k, v);
    const redirect = await t.fetch(`${url.pathname}${url.search}`, { headers: { Prefer: 'oauth=approve' }, redirect: 'manual' });
    const params = oauth.validateAuthResponse(as, client, new URL(redirect.headers.get('location')!), state);
    const response = await oauth.authorizationCodeGrantRequest(
      as,
      client,
      oauth.None(),
      params,
      CLI_APP.redirect,
      oauth.generateRandomCodeVerifier(),
      libraryOptions(t),
    );
    const failure = await oauth.processAuthorizationCodeResponse(as, client, response).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(oauth.WWWAuthenticateChallengeError);
    expect((failure as oauth.WWWAuthenticateChallengeError).cause[0]?.parameters).toMatchObject({ error: 'invalid_grant' });
  });
});
