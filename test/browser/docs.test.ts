/**
 * The reference page in a real browser (headless Debian Chromium): the mock's `/docs` and the static
 * build opened from `file://`. Every operation listed with its summary, "try it" answered by the mock
 * with the pre-filled key, no request to any other host, no console error. Screenshots go to
 * `test-results/` for people to look at.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpenAPIObject, ParameterObject } from 'openapi3-ts/oas31';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildStaticDocs } from '../../src/docs/build.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { ROOT } from '../helpers/cli.js';
import { NOW, SEED } from '../helpers/mock.js';
import { parameterKey, prefilledValue } from '../helpers/swagger-prefill.js';
import { tempDir } from '../helpers/temp.js';
import { describeInChromium, launchChromium, loggedPage, type Page, type PageLog } from './chromium.js';

const RESULTS = join(ROOT, 'test-results');
const TRY_IT_PATH = '/api/hackatime/v1/users/{id}/statusbar/today';
const spec = loadSpec();
const expectedRows = spec.operations.map((op) => `${op.method.toUpperCase()} ${op.path} ${op.summary}`).sort();

/** What the page lists, read from the collapsed operation rows (nothing expanded). */
async function listedOperations(page: Page): Promise<{ rows: string[]; hidden: number }> {
  await page.waitForSelector('html[data-docs-ready="true"]', { timeout: 20_000 });
  const summaries = page.locator('.opblock .opblock-summary-description');
  const hidden = (await Promise.all((await summaries.all()).map((s) => s.isVisible()))).filter((visible) => !visible).length;
  const rows = await page.$$eval('.opblock', (blocks) =>
    blocks.map((b) => {
      const method = b.querySelector('.opblock-summary-method')?.textContent ?? '';
      // Deprecated operations carry their path in `.opblock-summary-path__deprecated`.
      const path = b.querySelector('[data-path]')?.getAttribute('data-path') ?? '';
      const summary = b.querySelector('.opblock-summary-description')?.textContent ?? '';
      return `${method} ${path} ${summary}`;
    }),
  );
  return { rows: rows.sort(), hidden };
}

/**
 * Expands the GET operation of `path`, fills the parameters of `fill` Swagger UI left empty, runs it
 * with the pre-filled credentials, returns status and body.
 */
async function tryIt(
  page: Page,
  path: string,
  screenshot: string,
  fill: Record<string, string> = {},
): Promise<{ status: string; body: string }> {
  const block = page.locator('.opblock').filter({ has: page.locator(`[data-path="${path}"]`) });
  await block.locator('.opblock-summary-control').click();
  for (const [name, value] of Object.entries(fill)) {
    const input = block.locator(`tr[data-param-name="${name}"] input`);
    if ((await input.inputValue()) === '') await input.fill(value);
  }
  await block.locator('button.execute').click();
  const status = block.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 15_000 });
  const body =
    (await block.locator('.live-responses-table .response .microlight, .live-responses-table .response pre').first().textContent()) ?? '';
  await block.screenshot({ path: join(RESULTS, screenshot) });
  return { status: ((await status.textContent()) ?? '').trim(), body };
}

const tryStatusbar = (page: Page, screenshot: string) => tryIt(page, TRY_IT_PATH, screenshot, { id: 'current' });

/**
 * What Swagger UI itself pre-filled for a GET operation once rendered (`specSelectors.parameterValues`),
 * beside what test/helpers/swagger-prefill.ts computes for it: the in-process test of every GET
 * (test/docs/try-it-prefill.test.ts) relies on the two agreeing. One operation, chosen for the rules it
 * exercises (rendering one costs seconds): a path example, a parameter example and four schema
 * defaults (booleans, stringified); the precedence itself is swagger-ui's, cited in the helper.
 */
async function prefillSeen(
  page: Page,
  served: OpenAPIObject,
  operationId: string,
): Promise<{ swagger: Record<string, unknown>; computed: Record<string, string> }> {
  const op = spec.byOperationId.get(operationId);
  if (!op) throw new Error(`no ${operationId}`);
  const tag = op.tags[0] ?? 'default';
  const key: [string, string] = [tag, operationId];
  await page.evaluate(([t, id]) => (globalThis as unknown as SwaggerWindow).ui.layoutActions.show(['operations', t, id], true), key);
  await page
    .locator(`[id="operations-${tag.trim().replace(/\s/g, '_')}-${operationId}"] .opblock-body tr[data-param-name]`)
    .first()
    .waitFor();
  // The rows set their values as they mount; one frame later every row has.
  await page.evaluate(
    () =>
      new Promise((resolve) =>
        (globalThis as unknown as { requestAnimationFrame(f: () => void): void }).requestAnimationFrame(() => resolve(null)),
      ),
  );
  const swagger = await page.evaluate(
    ([path, method]) => (globalThis as unknown as SwaggerWindow).ui.specSelectors.parameterValues([path, method]).toJS(),
    [op.path, op.method] as [string, string],
  );
  const computed: Record<string, string> = {};
  for (const p of served.paths?.[op.path]?.get?.parameters ?? []) {
    const value = prefilledValue(p as ParameterObject);
    if (value !== undefined) computed[parameterKey(p as ParameterObject)] = value;
  }
  return { swagger, computed };
}

interface SwaggerWindow {
  ui: {
    layoutActions: { show(key: string[], shown: boolean): void };
    specSelectors: { parameterValues(pathMethod: string[]): { toJS(): Record<string, unknown> } };
  };
}

const foreign = (log: PageLog, allowed: (url: URL) => boolean): string[] =>
  log.requests.filter((u) => !u.startsWith('data:') && !allowed(new URL(u)));

describeInChromium('the reference page in headless Chromium', () => {
  let mock: RunningMock;
  let chrome: Awaited<ReturnType<typeof launchChromium>>;
  let site: string;
  let served: OpenAPIObject;

  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED, now: NOW });
    site = tempDir('hackatime-kit-docs');
    // Built with this mock as the try-it server, so the file:// page can call it too.
    await buildStaticDocs({ outDir: site, server: mock.url });
    chrome = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await mock?.close();
    if (site) rmSync(site, { recursive: true, force: true });
  });

  it('serves /docs: every operation listed, try it works with the pre-filled key, nothing but the mock contacted', async () => {
    const { page, log } = await loggedPage(chrome.browser);
    await page.goto(`${mock.url}/docs`);
    const { rows, hidden } = await listedOperations(page);
    expect(rows).toHaveLength(spec.operations.length);
    expect(rows).toEqual(expectedRows);
    expect(hidden).toBe(0);

    const server = await page.locator('.servers select').inputValue();
    expect(server).toBe(mock.url);

    served = (await (await fetch(`${mock.url}/openapi.json`)).json()) as OpenAPIObject;
    const { swagger, computed } = await prefillSeen(page, served, 'getUserStats');
    expect(Object.keys(computed).length).toBeGreaterThan(4);
    expect(swagger).toEqual(computed);

    const answer = await tryStatusbar(page, 'docs-mock-try-it.png');
    expect(answer.status).toBe('200');
    expect(answer.body).toContain('grand_total');
    // The admin API gets the pre-filled superadmin key, not the demo OAuth token Swagger UI would
    // apply last (src/docs/page-script.ts); permissions are superadmin-only.
    const admin = await tryIt(page, '/api/admin/v1/permissions', 'docs-mock-try-it-admin.png');
    expect(admin.status, admin.body).toBe('200');
    expect(admin.body).toContain('"admin_level"');
    await page.screenshot({ path: join(RESULTS, 'docs-mock.png'), fullPage: true });

    const origin = new URL(mock.url).origin;
    expect(foreign(log, (u) => u.origin === origin)).toEqual([]);
    expect(log.requests).toContain(`${mock.url}/openapi.json`);
    expect(log.requests.some((u) => u.startsWith(`${mock.url}/api/hackatime/v1/users/current/statusbar/today`))).toBe(true);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('works as a static site from file://: every operation listed, try it reaches the mock, no other host', async () => {
    const { page, log } = await loggedPage(chrome.browser);
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    const { rows, hidden } = await listedOperations(page);
    expect(rows).toEqual(expectedRows);
    expect(hidden).toBe(0);

    const answer = await tryStatusbar(page, 'docs-static-try-it.png');
    expect(answer.status).toBe('200');
    await page.screenshot({ path: join(RESULTS, 'docs-static.png'), fullPage: true });

    const origin = new URL(mock.url).origin;
    expect(foreign(log, (u) => u.protocol === 'file:' || u.origin === origin)).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 90_000);
});
