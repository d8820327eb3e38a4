/**
 * The OAuth apps the mock knows (seed file, `--oauth-app`, `/__mock/oauth/apps`), the consent page
 * it serves, and the ways a code travels back (query, fragment, form_post, out-of-band).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_SPEC } from '../../src/mock/admin/routes.js';
import { checkedOAuthApps, OAuthAppError, readOAuthAppOption, SEED_APPS_FILE } from '../../src/mock/oauth/apps.js';
import { createMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import { runCli } from '../helpers/cli.js';
import { bearer, describeBoth, type MockTarget, NOW, SEED } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';
import { approvedCode, authorize, CLI_APP, redirectParams, token, WEB_APP } from './oauth-support.js';

const adminSpec = loadSpec(ADMIN_SPEC);
const adminValidator = validatorFor(adminSpec.document);

/** An admin API answer, validated against the admin spec. */
async function admin(t: MockTarget, operationId: string, path: string, init?: RequestInit) {
  const res = await t.fetch(path, init);
  const body = (await res.json()) as unknown;
  const response = adminSpec.byOperationId.get(operationId)!.responses.find((r) => r.status === String(res.status));
  expect(response, `${operationId} ${res.status}`).toBeDefined();
  const result = adminValidator.validate(response!.content[0]!.schemaPointer!, body);
  expect(result.ok ? [] : result.issues).toEqual([]);
  return { status: res.status, body };
}

const register = (t: MockTarget, app: unknown) =>
  admin(t, 'mockRegisterOAuthApp', '/__mock/oauth/apps', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(app),
  });

const seedFile = JSON.parse(readFileSync(SEED_APPS_FILE, 'utf8')) as unknown[];

describeBoth('/__mock/oauth/apps', (t) => {
  it('lists the seed apps of fixtures/oauth-apps.json with their secrets', async () => {
    const { status, body } = await admin(t, 'mockListOAuthApps', '/__mock/oauth/apps');
    expect(status).toBe(200);
    expect((body as { apps: unknown[] }).apps).toEqual(seedFile);
  });

  it('registers an app (generating the id and secret when left out) that works at once', async () => {
    const created = await register(t, {
      name: 'Dev dashboard',
      redirect_uris: 'http://localhost:5173/callback\nmyapp://oauth/done',
      scopes: 'profile read',
      confidential: false,
    });
    expect(created.status).toBe(201);
    const app = created.body as { client_id: string; client_secret: string };
    expect(created.body).toMatchObject({
      name: 'Dev dashboard',
      redirect_uris: ['http://localhost:5173/callback', 'myapp://oauth/done'],
      scopes: ['profile', 'read'],
      confidential: false,
      verified: false,
    });
    expect(app.client_id).toMatch(/^[\w-]{43}$/);
    expect(app.client_secret).toMatch(/^[\w-]{43}$/);
    const listed = await admin(t, 'mockListOAuthApps', '/__mock/oauth/apps');
    expect((listed.body as { apps: { client_id: string }[] }).apps.at(-1)).toEqual(created.body);

    const code = await approvedCode(t, { client_id: app.client_id, redirect_uri: 'myapp://oauth/done', scope: 'read' });
    const issued = await token(t, { grant_type: 'authorization_code', code, redirect_uri: 'myapp://oauth/done', client_id: app.client_id });
    expect(issued.json).toMatchObject({ scope: 'read' });
    // The app's configured scopes bound what it may ask for.
    const refused = await authorize(t, {
      client_id: app.client_id,
      redirect_uri: 'myapp://oauth/done',
      response_type: 'code',
      scope: 'admin',
    });
    expect(refused.text).toContain('The requested scope is invalid, unknown, or malformed.');
  });

  it.each([
    ['no name', { redirect_uris: [] }, 'name is required'],
    [
      'a fragment',
      { name: 'x', redirect_uris: ['http://localhost:5173/#/cb'] },
      'redirect_uris: "http://localhost:5173/#/cb" cannot contain a fragment.',
    ],
    ['a relative URI', { name: 'x', redirect_uris: ['/callback'] }, 'redirect_uris: "/callback" must be an absolute URI.'],
    ['an unknown scope', { name: 'x', scopes: ['write'] }, 'scopes: "write" is not one of profile, read, admin'],
    [
      'admin on a public app',
      { name: 'x', scopes: ['admin'], confidential: false },
      'scopes: admin scope requires a confidential application',
    ],
    [
      'an unknown field',
      { name: 'x', homepage: 'https://x' },
      'unknown field homepage (known: name, client_id, client_secret, redirect_uris, confidential, scopes, verified)',
    ],
    ['a non-object', ['x'], 'an OAuth app must be a JSON object'],
  ])('refuses %s with 400', async (_what, app, message) => {
    expect(await register(t, app)).toEqual({ status: 400, body: { error: message } });
  });

  it('refuses a client id that is taken with 409', async () => {
    expect(await register(t, { name: 'Again', client_id: WEB_APP.id })).toEqual({
      status: 409,
      body: { error: 'client_id demo-web-app is already registered' },
    });
  });
});

describeBoth('the consent page and the ways back', (t) => {
  it('shows the app, its scopes, a picker of every world user (demo first chosen) and the form fields', async () => {
    const page = await authorize(t, {
      client_id: CLI_APP.id,
      redirect_uri: CLI_APP.redirect,
      response_type: 'code',
      scope: 'profile read',
      state: 's&t',
      code_challenge: 'abc',
      code_challenge_method: 'S256',
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = page.text;
    expect(html).toContain('<title>Authorization required</title>');
    expect(html).toContain('Authorize Demo CLI?');
    expect(html).toContain('Unverified application');
    expect(html).toContain('View your coding activity, heartbeats and stats');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    const options = [...html.matchAll(/<option value="(\d+)"( selected)?>/g)];
    expect(options.map((m) => Number(m[1]))).toEqual(t.world.users.map((u) => u.id));
    expect(options.filter((m) => m[2]).map((m) => Number(m[1]))).toEqual([t.world.userByUsername(t.world.roles.demo)!.id]);
    for (const [name, value] of [
      ['client_id', CLI_APP.id],
      ['redirect_uri', CLI_APP.redirect],
      ['state', 's&amp;t'],
      ['scope', 'profile read'],
      ['code_challenge', 'abc'],
      ['code_challenge_method', 'S256'],
    ]) {
      expect(html).toContain(`<input type="hidden" name="${name}" value="${value}">`);
    }
    expect(html).toContain('<button type="submit" id="deny" name="_method" value="delete">Deny</button>');
  });

  it('warns in red for admin and drops the unverified warning for a verified app', async () => {
    const page = await authorize(t, {
      client_id: 'demo-admin-console',
      redirect_uri: 'http://localhost:3000/admin/callback',
      response_type: 'code',
      scope: 'admin',
    });
    expect(page.text).toContain('giving access to admin data');
    expect(page.text).not.toContain('Unverified application');
  });

  it('keeps a query the registered URI lacks, and ignores the port of loopback addresses only', async () => {
    const params = redirectParams(
      await authorize(
        t,
        { client_id: WEB_APP.id, redirect_uri: `${WEB_APP.redirect}?from=home`, response_type: 'code', state: 'x' },
        'oauth=approve',
      ),
    );
    expect(params.get('from')).toBe('home');
    expect(params.get('state')).toBe('x');
    const anyPort = await authorize(
      t,
      { client_id: CLI_APP.id, redirect_uri: 'http://127.0.0.1:50123/callback', response_type: 'code' },
      'oauth=approve',
    );
    expect(anyPort.headers.get('location')).toMatch(/^http:\/\/127\.0\.0\.1:50123\/callback\?code=[\w-]{43}$/);
  });

  it('delivers in the fragment, as an auto-posting form, or on the out-of-band code page', async () => {
    const base = { client_id: CLI_APP.id, redirect_uri: CLI_APP.redirect, response_type: 'code', state: 'z' };
    const fragment = redirectParams(await authorize(t, { ...base, response_mode: 'fragment' }, 'oauth=approve'), 'fragment');
    expect(fragment.get('code')).toMatch(/^[\w-]{43}$/);
    expect(fragment.get('state')).toBe('z');

    const posted = await authorize(t, { ...base, response_mode: 'form_post' }, 'oauth=approve');
    expect(posted.status).toBe(200);
    expect(posted.text).toContain(`<form method="post" action="${CLI_APP.redirect}">`);
    expect(posted.text).toMatch(/<input type="hidden" name="code" value="[\w-]{43}"><input type="hidden" name="state" value="z">/);

    const oob = 'urn:ietf:wg:oauth:2.0:oob';
    const shown = await authorize(t, { ...base, redirect_uri: oob }, 'oauth=approve');
    const code = /<code id="authorization_code">([\w-]{43})<\/code>/.exec(shown.text)?.[1];
    expect(code).toBeDefined();
    expect((await token(t, { grant_type: 'authorization_code', code: code!, redirect_uri: oob, client_id: CLI_APP.id })).status).toBe(200);
  });
});

describe('apps and auto-approval from the command line', () => {
  it('reads --oauth-app as inline JSON or as a file holding an object or an array', () => {
    const dir = tempDir('oauth-apps');
    const file = join(dir, 'apps.json');
    writeFileSync(file, JSON.stringify([{ name: 'A', client_id: 'a', redirect_uris: ['https://a.example/cb'] }, { name: 'B' }]));
    expect(readOAuthAppOption(file).map((a) => a.name)).toEqual(['A', 'B']);
    expect(readOAuthAppOption('{"name":"C","client_id":"c","confidential":false}')).toEqual([
      { name: 'C', clientId: 'c', redirectUris: [], confidential: false, scopes: [], verified: false },
    ]);
    expect(() => readOAuthAppOption('{"name":')).toThrow(OAuthAppError);
    expect(() => readOAuthAppOption(join(dir, 'missing.json'))).toThrow(/cannot read/);
    expect(() => readOAuthAppOption('[{"name":"ok"},{"scopes":["x"]}]')).toThrow('app #2: name is required');
    expect(() => checkedOAuthApps(readOAuthAppOption('[{"name":"x","client_id":"dup"},{"name":"y","client_id":"dup"}]'))).toThrow(
      'client_id dup is already registered',
    );
    expect(() => checkedOAuthApps(readOAuthAppOption(`{"name":"x","client_id":"${WEB_APP.id}"}`))).toThrow(
      `client_id ${WEB_APP.id} is already registered`,
    );
  });

  it('registers the given apps and approves at once with oauthAutoApprove', async () => {
    const mock = createMock({
      seed: SEED,
      now: NOW,
      users: 9,
      days: 3,
      oauthAutoApprove: true,
      oauthApps: readOAuthAppOption('{"name":"Mine","client_id":"mine","client_secret":"shh","redirect_uris":["https://mine.example/cb"]}'),
    });
    const t: MockTarget = { transport: 'in-process', world: mock.world, fetch: async (path, init) => mock.app.request(path, init) };
    const code = redirectParams(
      await authorize(t, { client_id: 'mine', redirect_uri: 'https://mine.example/cb', response_type: 'code', scope: 'read' }),
    ).get('code')!;
    const issued = await token(t, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://mine.example/cb',
      client_id: 'mine',
      client_secret: 'shh',
    });
    const res = await t.fetch('/api/v1/authenticated/heartbeats/latest', {
      headers: bearer((issued.json as { access_token: string }).access_token),
    });
    expect(res.status).toBe(200);
    // The credentials listing shows the issued token under its user at once (it is never cached).
    const listing = (await (await t.fetch('/__mock/credentials')).json()) as {
      users: { username: string; oauth_tokens: { token: string; scopes: string[] }[] }[];
    };
    const demo = listing.users.find((u) => u.username === mock.world.roles.demo)!;
    expect(demo.oauth_tokens).toContainEqual({
      token: (issued.json as { access_token: string }).access_token,
      scopes: ['read'],
      revoked: false,
      expired: false,
    });
    // Prefer: oauth=deny still denies.
    expect(
      redirectParams(
        await authorize(t, { client_id: 'mine', redirect_uri: 'https://mine.example/cb', response_type: 'code' }, 'oauth=deny'),
      ).get('error'),
    ).toBe('access_denied');
  });

  it('hackatime-kit mock refuses a bad --oauth-app with a usage error', async () => {
    const result = await runCli(['mock', '--port', '0', '--oauth-app', '{"name":"x","scopes":"root"}']);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('scopes: "root" is not one of profile, read, admin');
  });
});
