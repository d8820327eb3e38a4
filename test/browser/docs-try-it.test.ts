/**
 * "Try it" on every GET operation of the mock's `/docs`, exactly as pre-filled: the demo credentials,
 * the spec's parameter examples (the demo user, its real projects, working dates), nothing typed in.
 * Each answer must be a documented 2xx, except the few named below whose 2xx a pre-fill cannot give.
 * One browser, one page, the operations in sequence; no request leaves the mock's host.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { NOW, SEED } from '../helpers/mock.js';
import { describeInChromium, launchChromium, loggedPage, type Page } from './chromium.js';

const spec = loadSpec();
const gets = spec.operations.filter((op) => op.method === 'get');

/**
 * Operations answered with a documented status other than a 2xx, and why a pre-fill cannot do better.
 * The badge's answer is a `307` to img.shields.io: the browser would follow it off the mock's host, so
 * the test aborts the redirect's target and reads the mock's own `307` from the network.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {
  getBadge: '307',
};

/** The documented 2xx statuses of an operation (or its named exception). */
function expectedStatuses(operationId: string): string[] {
  const exception = EXCEPTIONS[operationId];
  if (exception !== undefined) return [exception];
  const op = gets.find((o) => o.operationId === operationId);
  return (op?.responses ?? []).map((r) => r.status).filter((s) => s.startsWith('2'));
}

/**
 * Expands one operation, presses Execute with what the page pre-filled, and returns the status: the
 * one the page shows, or for a request the test answers from its route (`routed`), the mock's.
 */
async function tryOperation(
  page: Page,
  origin: string,
  operationId: string,
  path: string,
  routed: () => string | undefined,
): Promise<string> {
  const block = page.locator(`#operations-${tagOf(operationId)}-${operationId}`);
  await block.locator('.opblock-summary-control').click();
  const prefix = `${origin}${path.replace(/\{[^}]+\}.*$/, '')}`;
  const sent = page.waitForEvent('requestfinished', { predicate: (r) => r.url().startsWith(prefix), timeout: 15_000 });
  const stopped = page.waitForEvent('requestfailed', { predicate: (r) => r.url().startsWith(prefix), timeout: 15_000 });
  await block.locator('button.execute').click();
  let status: string;
  if (EXCEPTIONS[operationId] === undefined) {
    await sent;
    stopped.catch(() => undefined);
    const shown = block.locator('.live-responses-table .response .response-col_status').first();
    await shown.waitFor({ timeout: 15_000 });
    status = ((await shown.textContent()) ?? '').trim();
  } else {
    await stopped;
    sent.catch(() => undefined);
    status = routed() ?? 'not routed';
  }
  // Collapsed again so the page does not keep every answer's body highlighted.
  await block.locator('.opblock-summary-control').click();
  return status;
}

/** Swagger UI ids an operation block by its first tag (spaces as underscores) and operationId. */
function tagOf(operationId: string): string {
  const tag = gets.find((o) => o.operationId === operationId)?.tags[0] ?? 'default';
  return tag.replace(/\s/g, '_');
}

describeInChromium('"try it" on every GET of /docs, as pre-filled', () => {
  let mock: RunningMock;
  let chrome: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED, now: NOW });
    chrome = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await mock?.close();
  });

  it('answers each GET with a documented 2xx (or its named exception), no other host contacted', async () => {
    const origin = new URL(mock.url).origin;
    // Swagger UI spends most of an operation's time waiting between renders, not working: the GETs are
    // shared among a few pages of one browser, each trying its operations in turn.
    const PAGES = 3;
    const started = performance.now();
    const got: Record<string, string> = {};
    const took: string[] = [];
    const redirects: { status: number; location: string }[] = [];
    const requests: string[] = [];
    await Promise.all(
      Array.from({ length: PAGES }, async (_, n) => {
        const { page, log } = await loggedPage(chrome.browser);
        // Chromium follows a redirect without asking the page's routes, so the badge's request is sent
        // to the mock from the test (redirects not followed) and stopped in the browser: its target,
        // on img.shields.io, is never asked for.
        await page.route(`${origin}/api/v1/badge/**`, async (route) => {
          const answer = await route.fetch({ maxRedirects: 0 });
          redirects.push({ status: answer.status(), location: answer.headers()['location'] ?? '' });
          await route.abort();
        });
        await page.goto(`${mock.url}/docs`);
        await page.waitForSelector('html[data-docs-ready="true"]', { timeout: 20_000 });
        for (const op of gets.filter((_, i) => i % PAGES === n)) {
          const before = performance.now();
          got[op.operationId] = await tryOperation(page, origin, op.operationId, op.path, () => redirects.at(-1)?.status.toString());
          took.push(`${op.operationId} ${got[op.operationId]} ${Math.round(performance.now() - before)} ms`);
        }
        requests.push(...log.requests);
        await page.close();
      }),
    );
    console.info(`try it on ${gets.length} GET operations: ${Math.round(performance.now() - started)} ms\n${took.join('\n')}`);

    for (const op of gets)
      expect(expectedStatuses(op.operationId), `${op.operationId} answered ${got[op.operationId]}`).toContain(got[op.operationId]);
    expect(redirects).toHaveLength(1);
    expect(redirects[0]?.location).toMatch(/^https:\/\/img\.shields\.io\/badge\//);
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  }, 300_000);
});
