/**
 * The contract runner's HTML report in a real browser (headless Debian Chromium), opened from
 * `file://` as people open a CI artifact: a grid cell per operation and check, a finding that opens
 * from its red cell and shows its curl line, the server's `<script>` never run, no request beyond
 * the file itself, no console error. The screenshot goes to `test-results/` for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../src/contract/findings.js';
import { FAKE_OPERATIONS } from '../contract/helpers/fake-hackatime.js';
import { SCRIPT_VALUE, writeHtmlReport } from '../contract/helpers/html-run.js';
import { ROOT } from '../helpers/cli.js';
import { describeInChromium, launchChromium, loggedPage } from './chromium.js';

const RESULTS = join(ROOT, 'test-results');

describeInChromium('the contract HTML report in headless Chromium', () => {
  let chrome: Awaited<ReturnType<typeof launchChromium>>;
  let url: string;

  beforeAll(async () => {
    url = pathToFileURL(await writeHtmlReport()).href;
    chrome = await launchChromium();
    mkdirSync(RESULTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
  });

  it('opens from file://: the grid, a finding expanded from its cell with its curl line, nothing fetched', async () => {
    const { page, log } = await loggedPage(chrome.browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(url);

    expect(await page.locator('.grid tbody tr').count()).toBe(FAKE_OPERATIONS.length);
    expect(await page.locator('.grid tbody td[data-outcome]').count()).toBe(FAKE_OPERATIONS.length * CHECK_NAMES.length);
    expect(await page.locator('.grid thead th[scope="col"]').allTextContents()).toEqual([...CHECK_NAMES]);

    const cell = page.locator('tr[data-operation="getUserTrustFactor"] td[data-check="response_schema_conformance"]');
    expect(await cell.getAttribute('data-outcome')).toBe('failed');
    const finding = page
      .locator('details.finding[data-check="response_schema_conformance"]')
      .filter({ hasText: 'getUserTrustFactor' })
      .first();
    const curl = finding.locator('pre.curl');
    expect(await curl.isVisible()).toBe(false);
    await cell.locator('a').click();
    expect(await finding.getAttribute('open')).not.toBeNull();
    expect(await curl.isVisible()).toBe(true);
    expect(await curl.textContent()).toMatch(/^curl .*\/api\/v1\/users\/orpheus\/trust_factor/);
    // The server's markup is shown as text, never run.
    expect(await finding.locator('pre.diff').textContent()).toContain(SCRIPT_VALUE);
    await page.screenshot({ path: join(RESULTS, 'contract-report.png'), fullPage: true });

    expect(dialogs).toEqual([]);
    expect(log.requests).toEqual([url]);
    expect(log.errors).toEqual([]);
    await page.close();
  }, 60_000);
});
