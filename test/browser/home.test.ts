/**
 * The home page (`/`) in headless Chromium, as someone who just ran `npm start` opens it: the demo
 * account with its key, a heatmap with coloured days, today's leaderboard, and a request made from
 * outside the page showing up in the live list, its key redacted. No console error, nothing asked
 * of any other host. On a shared mock, nothing secret until the admin token is given. The screenshot
 * goes to the run's temporary folder; its path is printed.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { DEMO_KEY, NOW, SEED } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';
import { describeInChromium, launchChromium, loggedPage } from './chromium.js';

describeInChromium('the home page in headless Chromium', () => {
  let mock: RunningMock;
  let chrome: Awaited<ReturnType<typeof launchChromium>>;

  beforeAll(async () => {
    [mock, chrome] = await Promise.all([startMock({ port: 0, seed: SEED, now: NOW }), launchChromium()]);
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    await mock?.close();
  });

  it('shows the accounts, heatmaps, the leaderboard and the requests as they come, from the mock alone', async () => {
    const { page, log } = await loggedPage(chrome.browser);
    await page.goto(`${mock.url}/`);
    await page.waitForSelector('html[data-home-ready="true"]', { timeout: 15_000 });

    const demo = page.locator('#accounts tr[data-username="demo"]');
    await expect(demo.locator('code').first().textContent()).resolves.toBe(DEMO_KEY);
    expect(await demo.locator('.role').allTextContents()).toContain('demo');

    const heatmap = page.locator('.heatmap[data-username="demo"]');
    expect(await heatmap.locator('.cell').count()).toBeGreaterThanOrEqual(365);
    expect(await heatmap.locator('.cell:not([data-level="0"])').count()).toBeGreaterThan(0);
    expect(await page.locator('.heatmap').count()).toBeGreaterThan(1);

    expect(await page.locator('#leaderboard tr.entry').count()).toBeGreaterThan(0);

    // A request from outside the page, with the key in the query: listed within a poll, key redacted.
    const probe = '/api/hackatime/v1/users/current/statusbar/today';
    expect((await fetch(`${mock.url}${probe}?api_key=${DEMO_KEY}`)).status).toBe(200);
    const row = page.locator('#requests tr', { hasText: probe });
    await row.first().waitFor({ timeout: 5_000 });
    expect(await row.first().textContent()).toContain('api_key=REDACTED');
    expect(await page.locator('#requests').textContent()).not.toContain(DEMO_KEY);

    const screenshot = join(tempDir('home-page'), 'home.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    console.log(`home page screenshot: ${screenshot}`);

    const origin = new URL(mock.url).origin;
    expect(log.requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin)).toEqual([]);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('on a shared mock, shows the leaderboard and asks for the admin token before any credential', async () => {
    const token = 'team-token-0123456789';
    const shared = await startMock({ port: 0, seed: SEED, now: NOW, adminToken: token });
    try {
      const { page, log } = await loggedPage(chrome.browser);
      await page.goto(`${shared.url}/`);
      await page.waitForSelector('html[data-home-ready="true"]', { timeout: 15_000 });
      expect(await page.locator('#lock').isVisible()).toBe(true);
      expect(await page.locator('#leaderboard tr.entry').count()).toBeGreaterThan(0);
      expect(await page.locator('#accounts tbody tr').count()).toBe(0);
      expect(await page.content()).not.toContain(DEMO_KEY);

      await page.fill('#admin-token', token);
      await page.click('#lock button[type="submit"]');
      await page.locator('#accounts tr[data-username="demo"]').waitFor({ timeout: 5_000 });
      expect(await page.locator('#lock').isVisible()).toBe(false);
      // The refused reads are logged by Chromium as failed loads; the page's own code raised nothing.
      expect(log.errors.filter((e) => !e.includes('status of 401'))).toEqual([]);
      await page.close();
    } finally {
      await shared.close();
    }
  }, 30_000);
});
