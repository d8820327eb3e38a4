/**
 * Secrets never reach a report: the redactor and the curl line.
 */
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src/contract/case.js';
import { curlVariables, toCurl } from '../../../src/contract/send/curl.js';
import { createRedactor } from '../../../src/contract/send/redact.js';

const SECRET = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
const redactor = createRedactor([SECRET, 'short']);

function kase(overrides: Partial<Case>): Case {
  return {
    id: 'x',
    operationId: 'x',
    method: 'GET',
    pathTemplate: '/p',
    path: '/p',
    query: [],
    headers: {},
    expectedStatuses: [200],
    kind: 'positive',
    title: 't',
    auth: 'none',
    ...overrides,
  };
}

describe('the redactor', () => {
  it('replaces a secret and its base64 and URL encodings anywhere in a text', () => {
    const base64 = Buffer.from(SECRET).toString('base64');
    expect(redactor.text(`a ${SECRET} b ${base64} c ${encodeURIComponent(`${SECRET}/`)}`)).toBe(
      'a [REDACTED] b [REDACTED] c [REDACTED]%2F',
    );
  });

  it('takes secrets literally, regular-expression characters included, and hands back a text without any as it is', () => {
    const odd = createRedactor(['a.b+c(d)|e$', '[x]*y?z\\w']);
    expect(odd.text('<a.b+c(d)|e$> <[x]*y?z\\w>')).toBe('<[REDACTED]> <[REDACTED]>');
    // What the characters would match as a pattern is not a secret.
    expect(odd.text('aXbbc(d)e axbcde')).toBe('aXbbc(d)e axbcde');
    const body = `{"entity":"${'x'.repeat(100_000)}"}`;
    expect(redactor.text(body)).toBe(body);
    expect(createRedactor([]).text('anything')).toBe('anything');
  });

  it('walks values deeply and leaves short strings alone', () => {
    expect(redactor.deep({ a: [SECRET, { b: `key=${SECRET}` }], n: 1, s: 'short' })).toEqual({
      a: ['[REDACTED]', { b: 'key=[REDACTED]' }],
      n: 1,
      s: 'short',
    });
  });
});

describe('the curl line', () => {
  it('writes each credential of the run as its environment variable, runnable as printed', () => {
    const vars = curlVariables({
      apiKey: 'key-0123456789',
      adminKey: 'hka_admin-0123',
      oauthTokens: [{ token: 'tok-0123456', scopes: [] }],
    });
    const line = (headers: Record<string, string>, query: [string, string][] = []) =>
      toCurl('http://127.0.0.1:4010', kase({ headers, query }), {}, createRedactor([...vars.keys()]), vars);
    expect(line({ Authorization: 'Bearer key-0123456789' })).toBe(
      `curl -X GET 'http://127.0.0.1:4010/p' -H "Authorization: Bearer $HACKATIME_API_KEY"`,
    );
    expect(line({ Authorization: `Basic ${Buffer.from('key-0123456789').toString('base64')}` })).toBe(
      `curl -X GET 'http://127.0.0.1:4010/p' -H "Authorization: Basic $(printf %s "$HACKATIME_API_KEY" | base64)"`,
    );
    expect(
      line({}, [
        ['api_key', 'key-0123456789'],
        ['q', 'a"$b'],
      ]),
    ).toBe(`curl -X GET "http://127.0.0.1:4010/p?api_key=$HACKATIME_API_KEY&q=a%22%24b"`);
    expect(line({ 'X-Api-Key': 'hka_admin-0123', Authorization: 'Bearer tok-0123456' })).toBe(
      `curl -X GET 'http://127.0.0.1:4010/p' -H "X-Api-Key: $HACKATIME_ADMIN_KEY" -H "Authorization: Bearer $HACKATIME_OAUTH_TOKEN"`,
    );
    expect(line({ Authorization: 'Bearer someone-elses-token' })).toContain(`-H 'Authorization: Bearer [REDACTED]'`);
  });

  it('hides Authorization headers and api_key values whatever they hold, keeping the scheme', () => {
    const curl = toCurl(
      'http://127.0.0.1:4010',
      kase({
        headers: { Authorization: 'Basic not-a-known-secret' },
        query: [
          ['api_key', 'also-unknown'],
          ['start', '2026-08-22'],
        ],
      }),
      {},
      redactor,
    );
    expect(curl).toBe(`curl -X GET 'http://127.0.0.1:4010/p?api_key=[REDACTED]&start=2026-08-22' -H 'Authorization: Basic [REDACTED]'`);
  });

  it('hides secret-looking extra headers and known secrets in the body', () => {
    const curl = toCurl(
      'http://h',
      kase({ method: 'POST', body: { mediaType: 'application/json', value: { token: SECRET, note: "it's" } } }),
      { 'X-Api-Key': 'k', 'X-Trace': 'abc' },
      redactor,
    );
    expect(curl).toBe(
      `curl -X POST 'http://h/p' -H 'X-Api-Key: [REDACTED]' -H 'X-Trace: abc' -H 'Content-Type: application/json' --data-raw '{"token":"[REDACTED]","note":"it'\\''s"}'`,
    );
  });

  it('encodes a form body as it is sent', () => {
    const curl = toCurl(
      'http://h',
      kase({ method: 'POST', body: { mediaType: 'application/x-www-form-urlencoded', value: { grant_type: 'refresh_token', a: 'b c' } } }),
      {},
      redactor,
    );
    expect(curl).toContain(`-H 'Content-Type: application/x-www-form-urlencoded' --data-raw 'grant_type=refresh_token&a=b+c'`);
  });
});
