/**
 * The browser build is the Node mock: `tools/browser-bundle.ts` bundles `src/browser.ts` for
 * `platform=browser` (a Node built-in fails the bundle), the bundle is loaded in Node, and every
 * request of ./parity-requests.ts, then an OAuth code exchange with PKCE, gets the same status,
 * headers and body from it as from `hackatime-kit`'s `createMockApp`. The seams' two sides have the
 * same exports (checked by the type checker).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type * as BrowserEntry from '../../src/browser.js';
import { createMockApp as nodeMockApp } from '../../src/index.js';
import type * as MockPlatformBrowser from '../../src/mock/platform.browser.js';
import type * as MockPlatform from '../../src/mock/platform.js';
import type * as SpecPlatformBrowser from '../../src/spec/platform.browser.js';
import type * as SpecPlatform from '../../src/spec/platform.js';
import type * as WorldPlatformBrowser from '../../src/world/platform.browser.js';
import type * as WorldPlatform from '../../src/world/platform.js';
import { bundleBrowser } from '../../tools/browser-bundle.js';
import type { Bundle } from '../../tools/esbuild-bundle.js';
import { NOW, SEED } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';
import { CLI_APP, FORM, form, VERIFIER } from '../mock/oauth-support.js';
import { type App, answerOf, PARITY_REQUESTS } from './parity-requests.js';

describe('the browser build', () => {
  let bundle: Bundle;
  let browserMockApp: typeof BrowserEntry.createMockApp;

  beforeAll(async () => {
    const outdir = tempDir('browser-bundle');
    bundle = await bundleBrowser(outdir);
    ({ createMockApp: browserMockApp } = (await import(pathToFileURL(join(outdir, 'browser.js')).href)) as typeof BrowserEntry);
  }, 60_000);

  it('takes each platform.browser.ts for its platform.ts, and imports no Node built-in', () => {
    const inputs = Object.keys(bundle.metafile.inputs);
    for (const room of ['world', 'spec', 'mock']) {
      expect(inputs).toContain(`src/${room}/platform.browser.ts`);
      expect(inputs).not.toContain(`src/${room}/platform.ts`);
    }
    // What the bundle leaves to the runtime: msw (the user's) and nothing else, no `node:` module.
    const external = Object.values(bundle.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
    expect(new Set(external)).toEqual(new Set(['msw']));
  });

  it('answers every request as the Node mock does, byte for byte', async () => {
    const options = { seed: SEED, now: NOW };
    const node = nodeMockApp(options);
    const browser = browserMockApp(options);
    for (const request of PARITY_REQUESTS) {
      const [expected, actual] = [await answerOf(node, request), await answerOf(browser, request)];
      expect(actual, `${request.method} ${request.path}`).toEqual(expected);
    }
  });

  it('issues the same OAuth code and token (SHA-256 secrets, PKCE S256)', async () => {
    const exchange = async (app: App) => {
      const authorize = PARITY_REQUESTS.find((r) => r.path.startsWith('/oauth/authorize'));
      if (!authorize) throw new Error('no authorize request');
      const redirect = await app.fetch(
        new Request(`http://mock${authorize.path}`, { headers: authorize.headers ?? {}, redirect: 'manual' }),
      );
      const code = new URL(redirect.headers.get('location') ?? 'http://x/').searchParams.get('code') ?? '';
      const fields = {
        grant_type: 'authorization_code',
        code,
        redirect_uri: CLI_APP.redirect,
        client_id: CLI_APP.id,
        code_verifier: VERIFIER,
      };
      const token = await app.fetch(new Request('http://mock/oauth/token', { method: 'POST', headers: FORM, body: form(fields) }));
      return { code, status: token.status, body: await token.text() };
    };
    const options = { seed: SEED, now: NOW };
    const expected = await exchange(nodeMockApp(options));
    expect(expected.code).toMatch(/^[\w-]{43}$/);
    expect(expected.status).toBe(200);
    expect(await exchange(browserMockApp(options))).toEqual(expected);
  });

  it('has seams whose two sides export the same things', () => {
    expectTypeOf<typeof WorldPlatformBrowser>().toEqualTypeOf<typeof WorldPlatform>();
    expectTypeOf<typeof SpecPlatformBrowser>().toEqualTypeOf<typeof SpecPlatform>();
    expectTypeOf<typeof MockPlatformBrowser>().toEqualTypeOf<typeof MockPlatform>();
  });
});
