/**
 * The HTML report of a run with findings: its structure (totals, a cell per operation and check, a
 * `<details>` per finding with its curl line), every server-provided string escaped, no secret.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../../src/contract/findings.js';
import { FAKE_OPERATIONS } from '../helpers/fake-hackatime.js';
import { SCRIPT_VALUE, SECRETS, writeHtmlReport } from '../helpers/html-run.js';

let html: string;

beforeAll(async () => {
  html = readFileSync(await writeHtmlReport(), 'utf8');
});

const count = (re: RegExp): number => html.match(re)?.length ?? 0;

describe('the HTML report', () => {
  it('is one page with nothing to fetch', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=|@import|url\(/i);
    expect(count(/<script>/g)).toBe(1);
  });

  it('shows the totals and timing at the top', () => {
    const top = html.slice(0, html.indexOf('<table'));
    expect(top).toMatch(/<b>\d+<\/b> errors?/);
    expect(top).toMatch(/<b>\d+<\/b> warnings?/);
    expect(top).toMatch(/time: <b>\d+\.\d\d s<\/b>/);
  });

  it('has a grid cell per operation and check, coloured by outcome', () => {
    expect(count(/<tr data-operation=/g)).toBe(FAKE_OPERATIONS.length);
    expect(count(/<td data-outcome=/g)).toBe(FAKE_OPERATIONS.length * CHECK_NAMES.length);
    const cell = (op: string, check: string) =>
      new RegExp(`<tr data-operation="${op}">.*?data-outcome="([\\w-]+)" data-check="${check}"`).exec(html)?.[1];
    expect(cell('getUserTrustFactor', 'response_schema_conformance')).toBe('failed');
    expect(cell('getUserTrustFactor', 'undocumented_property')).toBe('warning');
    expect(cell('getCurrentUser', 'response_schema_conformance')).toBe('failed');
    expect(cell('getUserTrustFactor', 'not_a_server_error')).toBe('passed');
    expect(cell('getUserTrustFactor', 'ignored_auth')).toBe('not-applicable');
  });

  it('puts each finding in a <details> with its message and curl line', () => {
    const findings = html.split('<details ').slice(1);
    expect(findings.length).toBeGreaterThanOrEqual(3);
    for (const f of findings) {
      expect(f).toMatch(/<p class="message">[^<]+<\/p>/);
      expect(f).toMatch(/<pre class="curl">curl /);
    }
    expect(html).toContain('$HACKATIME_API_KEY');
    expect(html).toContain("read the run's credentials from <code>$HACKATIME_API_KEY</code>");
  });

  it('escapes what the server sent', () => {
    expect(html).not.toContain(SCRIPT_VALUE);
    expect(html).toContain('&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;');
    expect(html).not.toContain('<b>karma</b>');
    expect(html).toContain('&lt;b&gt;karma&lt;/b&gt;');
  });

  it('shows no secret, not even the one the server echoed', () => {
    expect(html).toContain('[REDACTED]');
    for (const secret of SECRETS) expect(html).not.toContain(secret);
  });
});
