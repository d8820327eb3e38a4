/**
 * Every error path of the mock's authorization endpoint, as Doorkeeper (and Hackatime's admin-scope
 * rules) answer them: the GET's error page, the consent form's JSON errors and error redirects.
 */
import { expect, it } from 'vitest';
import { describeBoth } from '../helpers/mock.js';
import { ADMIN_APP, type Answer, authorize, decide, INVALID_CLIENT, redirectParams, s256, VERIFIER, WEB_APP } from './oauth-support.js';

const INVALID_REDIRECT = "The requested redirect uri is malformed or doesn't match client redirect URI.";
const INVALID_SCOPE = 'The requested scope is invalid, unknown, or malformed.';
const PKCE_METHOD = 'The code_challenge_method must be one of plain, S256.';

const unescapeHtml = (s: string) =>
  s
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The error page's status and sentence. */
function errorPage(answer: Answer): { status: number; description: string | undefined } {
  expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(answer.text).toContain('<title>An error has occurred</title>');
  const m = /<p id="error_description">([^<]*)<\/p>/.exec(answer.text);
  return { status: answer.status, description: m ? unescapeHtml(m[1]!) : undefined };
}

const web = { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, response_type: 'code', state: 'st8' };

describeBoth('GET /oauth/authorize refuses a bad request with the error page (200), never redirecting', (t) => {
  it.each([
    ['no client_id', { ...web, client_id: undefined }, 'Missing required parameter: client_id.'],
    ['an unknown client', { ...web, client_id: 'nobody' }, INVALID_CLIENT],
    ['no redirect_uri', { ...web, redirect_uri: undefined }, INVALID_REDIRECT],
    ['a wrong redirect URI', { ...web, redirect_uri: 'https://evil.example/callback' }, INVALID_REDIRECT],
    ['another path', { ...web, redirect_uri: 'http://localhost:3000/auth/callback/x' }, INVALID_REDIRECT],
    ['another port of localhost (by name)', { ...web, redirect_uri: 'http://localhost:3001/auth/callback' }, INVALID_REDIRECT],
    ['a fragment', { ...web, redirect_uri: `${WEB_APP.redirect}#x` }, INVALID_REDIRECT],
    ['no response_type', { ...web, response_type: undefined }, 'Missing required parameter: response_type.'],
    ['response_type=token', { ...web, response_type: 'token' }, 'The authorization server does not support this response type.'],
    ['an unknown response_mode', { ...web, response_mode: 'web_message' }, 'The authorization server does not support this response mode.'],
    ['an unknown scope', { ...web, scope: 'profile write' }, INVALID_SCOPE],
    ['a tab in the scope', { ...web, scope: 'profile\tread' }, INVALID_SCOPE],
    ['a PKCE method the mock does not know', { ...web, code_challenge: s256(VERIFIER), code_challenge_method: 'S512' }, PKCE_METHOD],
  ])('%s', async (_what, params, description) => {
    for (const prefer of [undefined, 'oauth=approve']) {
      const answer = await authorize(t, params, prefer);
      expect(errorPage(answer)).toEqual({ status: 200, description });
    }
  });

  it('answers the admin scope rules with 403', async () => {
    const refused = async (params: Record<string, string>, prefer?: string) => errorPage(await authorize(t, params, prefer));
    expect(await refused({ ...web, scope: 'profile admin' })).toEqual({
      status: 403,
      description: 'Only applications configured with the admin scope can request it.',
    });
    const register = (body: object) =>
      t.fetch('/__mock/oauth/apps', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    expect(
      (
        await register({
          name: 'Unverified admin tool',
          client_id: 'unverified-admin',
          redirect_uris: ['https://x.example/cb'],
          scopes: ['admin'],
        })
      ).status,
    ).toBe(201);
    const unverified = { client_id: 'unverified-admin', redirect_uri: 'https://x.example/cb', response_type: 'code', scope: 'admin' };
    expect(await refused(unverified)).toEqual({ status: 403, description: 'Only verified applications can request the admin scope.' });
    const admin = { client_id: ADMIN_APP.id, redirect_uri: ADMIN_APP.redirect, response_type: 'code', scope: 'profile admin' };
    expect(await refused(admin, 'oauth=approve')).toEqual({
      status: 403,
      description: 'Only admins can authorize applications that request the admin scope.',
    });
    // The consent page itself is shown: the user is only known once picked.
    expect((await authorize(t, admin)).status).toBe(200);
    const code = redirectParams(await authorize(t, admin, `oauth=approve; oauth-user=${t.world.roles.admin}`)).get('code');
    expect(code).toMatch(/^[\w-]{43}$/);
  });

  it('refuses to approve as a user the world does not have, and sends a pending-deletion user to /deletion', async () => {
    expect(errorPage(await authorize(t, web, 'oauth=approve; oauth-user=nobody-here'))).toEqual({
      status: 200,
      description: 'The local mock has no user "nobody-here" to sign in.',
    });
    const locked = await authorize(t, web, `oauth=approve; oauth-user=${t.world.roles.pendingDeletion}`);
    expect(locked.status).toBe(302);
    expect(new URL(locked.headers.get('location')!).pathname).toBe('/deletion');
  });

  it('shows access_denied on the error page for Prefer: oauth=deny with the out-of-band URI', async () => {
    const answer = await authorize(
      t,
      { client_id: 'demo-cli', redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', response_type: 'code' },
      'oauth=deny',
    );
    expect(errorPage(answer)).toEqual({ status: 200, description: 'The resource owner or authorization server denied the request.' });
  });

  it('sends access_denied back for Prefer: oauth=deny', async () => {
    expect(Object.fromEntries(redirectParams(await authorize(t, web, 'oauth=deny')))).toEqual({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 'st8',
    });
  });
});

describeBoth('POST /oauth/authorize (the consent form) answers as Doorkeeper does', (t) => {
  const fields = {
    client_id: WEB_APP.id,
    redirect_uri: WEB_APP.redirect,
    response_type: 'code',
    response_mode: 'query',
    scope: 'profile',
    state: 'st8',
  };

  it('Deny → access_denied on the redirect URI', async () => {
    expect(Object.fromEntries(redirectParams(await decide(t, { ...fields, _method: 'delete' })))).toEqual({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 'st8',
    });
  });

  it('Deny checks no client or redirect URI, but needs somewhere to answer: none → 400, out-of-band → 400 access_denied', async () => {
    const nowhere = await decide(t, { ...fields, redirect_uri: '', _method: 'delete' });
    expect({ status: nowhere.status, body: nowhere.json }).toEqual({
      status: 400,
      body: { error: 'invalid_redirect_uri', error_description: INVALID_REDIRECT, state: 'st8' },
    });
    const oob = await decide(t, { ...fields, client_id: 'demo-cli', redirect_uri: 'urn:ietf:wg:oauth:2.0:oob', _method: 'delete' });
    expect({ status: oob.status, body: oob.json }).toEqual({
      status: 400,
      body: { error: 'access_denied', error_description: 'The resource owner or authorization server denied the request.', state: 'st8' },
    });
    const unchecked = await decide(t, { ...fields, client_id: 'nobody', redirect_uri: 'https://elsewhere.example/cb', _method: 'delete' });
    expect(redirectParams(unchecked).get('error')).toBe('access_denied');
  });

  it.each([
    [
      'no client_id',
      { client_id: '' },
      400,
      { error: 'invalid_request', error_description: 'Missing required parameter: client_id.', state: 'st8' },
    ],
    ['an unknown client', { client_id: 'nobody' }, 401, { error: 'invalid_client', error_description: INVALID_CLIENT, state: 'st8' }],
    [
      'a wrong redirect URI',
      { redirect_uri: 'https://evil.example/cb' },
      400,
      { error: 'invalid_redirect_uri', error_description: INVALID_REDIRECT, state: 'st8' },
    ],
    [
      'an unknown user',
      { user_id: '999999' },
      400,
      { error: 'invalid_request', error_description: 'The local mock has no user "999999" to sign in.', state: 'st8' },
    ],
  ])('%s → %i JSON, not redirected', async (_what, change, status, body) => {
    const answer = await decide(t, { ...fields, ...change });
    expect({ status: answer.status, body: answer.json }).toEqual({ status, body });
    expect(answer.headers.get('location')).toBeNull();
  });

  it.each([
    ['no response_type', { response_type: '' }, 'invalid_request', 'Missing required parameter: response_type.'],
    [
      'response_type=token',
      { response_type: 'token' },
      'unsupported_response_type',
      'The authorization server does not support this response type.',
    ],
    [
      'a bad response_mode',
      { response_mode: 'web_message' },
      'unsupported_response_mode',
      'The authorization server does not support this response mode.',
    ],
    ['a bad scope', { scope: 'everything' }, 'invalid_scope', INVALID_SCOPE],
    ['a bad PKCE method', { code_challenge: 'abc', code_challenge_method: 'md5' }, 'invalid_request', PKCE_METHOD],
  ])('%s → redirected with error', async (_what, change, error, description) => {
    expect(Object.fromEntries(redirectParams(await decide(t, { ...fields, ...change })))).toEqual({
      error,
      error_description: description,
      state: 'st8',
    });
  });

  it('puts errors in the fragment for response_mode=fragment', async () => {
    expect(
      Object.fromEntries(redirectParams(await decide(t, { ...fields, scope: 'nope', response_mode: 'fragment' }), 'fragment')),
    ).toMatchObject({ error: 'invalid_scope' });
  });

  it('sends a pending-deletion user to /deletion and refuses admin to a non-admin (403 page)', async () => {
    const pending = t.world.userByUsername(t.world.roles.pendingDeletion)!;
    const locked = await decide(t, { ...fields, user_id: String(pending.id) });
    expect(new URL(locked.headers.get('location')!).pathname).toBe('/deletion');
    const admin = { ...fields, client_id: ADMIN_APP.id, redirect_uri: ADMIN_APP.redirect, scope: 'admin' };
    expect(errorPage(await decide(t, admin))).toEqual({
      status: 403,
      description: 'Only admins can authorize applications that request the admin scope.',
    });
  });
});
