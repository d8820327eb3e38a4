/**
 * A real browser (headless Chromium through playwright-core) clicks through the mock's consent page:
 * picks a world user, approves, lands on the app's redirect URI with a code that exchanges for a
 * token of that user; and denies, landing with `access_denied`. Chromium as ./chromium.ts decides
 * (skipped without it, saying how to install it; a failure in CI).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { NOW, SEED } from '../helpers/mock.js';
import { CLI_APP, FORM, form, s256, VERIFIER } from '../mock/oauth-support.js';
import { describeInChromium, launchChromium, type Page } from './chromium.js';

const RESULTS = fileURLToPath(new URL('../../test-results/', import.meta.url));
/** The app's callback: a loopback address whose port the server ignores (RFC 8252), answered by the test itself. */
const CALLBACK = 'http://127.0.0.1:47913/callback';

describeInChromium('OAuth consent page in a browser', () => {
  let mock: RunningMock;
  let chrome: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mock = await startMock({ seed: SEED, now: NOW, port: 0 });
    chrome = await launchChromium();
  });
  afterAll(async () => {
    await chrome?.close();
    await mock?.close();
  });

  /** Opens the consent page; the callback is answered in the browser, so the URL it reached can be read. */
  async function consent(state: string): Promise<{ page: Page; callback: Promise<URL> }> {
    const page = await chrome.browser.newPage();
    const callback = new Promise<URL>((resolve) => {
      void page.route(`${CALLBACK}**`, async (route) => {
        resolve(new URL(route.request().url()));
        await route.fulfill({ status: 200, contentType: 'text/plain', body: 'back at the app' });
      });
    });
    const url = new URL('/oauth/authorize', mock.url);
    for (const [k, v] of Object.entries({
      client_id: CLI_APP.id,
      redirect_uri: CALLBACK,
      response_type: 'code',
      scope: 'profile read',
      state,
      code_challenge: s256(VERIFIER),
      code_challenge_method: 'S256',
    })) {
      url.searchParams.set(k, v);
    }
    const response = await page.goto(url.toString());
    expect(response?.status()).toBe(200);
    return { page, callback };
  }

  it('approve as a chosen user: the code comes back and exchanges for that user’s token', async () => {
    const { page, callback } = await consent('browser-approve');
    expect(await page.title()).toBe('Authorization required');
    expect(await page.locator('h1').textContent()).toBe('Authorize Demo CLI?');
    expect(await page.locator('#scopes li b').allTextContents()).toEqual(['profile', 'read']);
    const demo = mock.world.userByUsername(mock.world.roles.demo)!;
    expect(await page.locator('#user_id').inputValue()).toBe(String(demo.id));

    const chosen = mock.world.userByUsername(mock.world.roles.admin)!;
    await page.selectOption('#user_id', String(chosen.id));
    mkdirSync(RESULTS, { recursive: true });
    await page.screenshot({ path: `${RESULTS}oauth-consent.png`, fullPage: true });
    await page.click('#approve');

    const reached = await callback;
    expect(`${reached.origin}${reached.pathname}`).toBe(CALLBACK);
    expect(reached.searchParams.get('state')).toBe('browser-approve');
    const code = reached.searchParams.get('code');
    expect(code).toMatch(/^[\w-]{43}$/);
    await page.close();

    const exchanged = await fetch(new URL('/oauth/token', mock.url), {
      method: 'POST',
      headers: FORM,
      body: form({
        grant_type: 'authorization_code',
        code: code!,
        redirect_uri: CALLBACK,
        client_id: CLI_APP.id,
        code_verifier: VERIFIER,
      }),
    });
    expect(exchanged.status).toBe(200);
    const { access_token: accessToken, scope } = (await exchanged.json()) as { access_token: string; scope: string };
    expect(scope).toBe('profile read');
    const me = await fetch(new URL('/api/v1/authenticated/me', mock.url), { headers: { Authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { id: number }).id).toBe(chosen.id);
  });

  it('deny: the app gets access_denied with its state', async () => {
    const { page, callback } = await consent('browser-deny');
    await page.click('#deny');
    const reached = await callback;
    expect(Object.fromEntries(reached.searchParams)).toEqual({
      error: 'access_denied',
      error_description: 'The resource owner or authorization server denied the request.',
      state: 'browser-deny',
    });
    await page.close();
  });
});
