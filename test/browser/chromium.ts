/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core (no browser
 * download). Every request and console error of a page is logged so tests can assert the page stays
 * on its own host and runs clean.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const CHROMIUM_PATH = process.env['HACKATIME_KIT_CHROMIUM'] ?? '/usr/bin/chromium';

/** Why the browser tests cannot run here, or undefined when they can. */
export function chromiumMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH} (install Debian's with \`apt-get install chromium\`, or set HACKATIME_KIT_CHROMIUM)`;
}

// Flags that keep Chromium from calling home (updates, sync, field trials) so the request log holds
// only what the page itself asks for.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export async function launchChromium(): Promise<{ browser: BrowserContext; close(): Promise<void> }> {
  // A fresh, empty profile per run: no cached assets, no stored state between tests.
  const profile = mkdtempSync(join(tmpdir(), 'hackatime-kit-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: ARGS,
    timeout: 30_000,
    viewport: { width: 1280, height: 900 },
  });
  return { browser: context, close: () => context.close() };
}

export interface PageLog {
  /** Every URL the page (or its workers) requested, in order. */
  requests: string[];
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
}

/** A new page whose requests and errors are recorded in the returned log. */
export async function loggedPage(context: BrowserContext): Promise<{ page: Page; log: PageLog }> {
  const log: PageLog = { requests: [], errors: [] };
  context.on('request', (request) => log.requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') log.errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (err) => log.errors.push(`page: ${err.message}`));
  return { page, log };
}

export type { Page };
