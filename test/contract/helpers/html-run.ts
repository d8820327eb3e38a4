/**
 * A run whose HTML report has findings to show: the fake server echoes the caller's API key in the
 * current user (the runner redacts it; the page must not show it) and answers the trust factor's
 * `trust_value` with `<script>alert(1)</script>` (a schema error whose received value must appear
 * escaped) and an undocumented property whose name is markup (a warning).
 */
import { join } from 'node:path';
import { htmlReporter } from '../../../src/contract/report/html.js';
import { runContract } from '../../../src/contract/runner.js';
import { tempDir } from '../../helpers/temp.js';
import { ADMIN_KEY, API_KEY, fakeHackatime, fakeRunOptions, OAUTH_TOKEN } from './fake-hackatime.js';
import { startTestServer } from './test-server.js';

export const SCRIPT_VALUE = '<script>alert(1)</script>';
/** The credentials the run used: none may appear in the page. */
export const SECRETS = [API_KEY, ADMIN_KEY, OAUTH_TOKEN];

/** Runs the contract against the hostile fake and returns the written page's path. */
export async function writeHtmlReport(): Promise<string> {
  const fake = fakeHackatime(() => 'leaks-api-key');
  const server = await startTestServer((req) => {
    const reply = fake(req);
    if (typeof reply.json !== 'object' || reply.json === null || reply.status !== 200) return reply;
    if (req.url.pathname.endsWith('/trust_factor'))
      return { ...reply, json: { ...reply.json, trust_value: SCRIPT_VALUE, '<b>karma</b>': 12 } };
    return reply;
  });
  const path = join(tempDir('html-report'), 'report.html');
  const reporter = htmlReporter(path);
  try {
    await runContract({
      ...fakeRunOptions(server.url),
      onEvent: (e) => reporter.onEvent(e),
    });
  } finally {
    await server.close();
  }
  await reporter.close();
  return path;
}
