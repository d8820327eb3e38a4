/**
 * Headless Chromium for the browser tests: Debian's `chromium` driven by playwright-core (no browser
 * download). One rule for every browser test file: which executable (`HACKATIME_KIT_CHROMIUM`, else
 * `/usr/bin/chromium`), and what happens without it (skipped with the reason and how to install it;
 * a failure in CI, where `.ci/run` installs it). Every request and console error of a page is logged
 * so tests can assert the page stays on its own host and runs clean.
 */
import { existsSync } from 'node:fs';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { describeWhen, type Requirement } from '../helpers/requirements.js';
import { tempDir } from '../helpers/temp.js';

/** The Chromium the browser tests drive: `$HACKATIME_KIT_CHROMIUM`, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env['HACKATIME_KIT_CHROMIUM'] || '/usr/bin/chromium';
}

/** Whether Chromium is here, and if not, what is missing and how to get it. */
export function chromiumRequirement(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): Requirement {
  const path = chromiumPath(env);
  return {
    present: exists(path),
    missing: `no Chromium at ${path} (install Debian's with \`apt-get install chromium\`, or set HACKATIME_KIT_CHROMIUM to a Chromium executable)`,
  };
}

/** `describe` for tests that need Chromium: skipped, saying why, when there is none; a failure in CI. */
export function describeInChromium(title: string, fn: () => void): void {
  describeWhen(chromiumRequirement(), title, fn);
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
  const profile = tempDir('chromium-profile');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
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
