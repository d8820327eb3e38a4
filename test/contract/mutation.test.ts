/**
 * The runner is checked by mutation: a stand-in server answers four operations from the spec's own
 * examples, then breaks one thing at a time; each break must be caught by the right check, with a
 * JSON pointer (or header) that names where, and nothing else may fire.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { RunEvent } from '../../src/contract/events.js';
import type { Finding } from '../../src/contract/findings.js';
import type { ContractOptions } from '../../src/contract/options.js';
import { runContract } from '../../src/contract/runner.js';
import { tempDir } from '../helpers/temp.js';
import {
  API_KEY,
  FAKE_OPERATIONS,
  fakeHackatime,
  fakeRunOptions,
  INVARIANT_OPERATIONS,
  type Mutation,
  USERNAME,
} from './helpers/fake-hackatime.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

let server: TestServer;
let mutation: Mutation = 'none';

beforeAll(async () => {
  server = await startTestServer(fakeHackatime(() => mutation));
});
afterAll(async () => server.close());

async function run(m: Mutation, extra: Partial<ContractOptions> = {}): Promise<Finding[]> {
  mutation = m;
  // The fake's timeout is far above any local answer: only the `slow` mutation, which never answers, times out.
  const result = await runContract({ ...fakeRunOptions(server.url), ...extra });
  return result.findings;
}

const errors = (findings: Finding[]) => findings.filter((f) => f.severity === 'error');
const checksOf = (findings: Finding[]) => [...new Set(errors(findings).map((f) => f.check))].sort();

describe('the runner against a correct server', () => {
  it('finds nothing', async () => {
    expect(await run('none')).toEqual([]);
  });
});

describe('the runner against a server broken one way at a time', () => {
  it('catches a wrong type with response_schema_conformance at its pointer', async () => {
    const findings = await run('wrong-type');
    expect(checksOf(findings)).toEqual(['response_schema_conformance']);
    const type = findings.find((f) => f.schemaPath?.endsWith('/type'));
    expect(type).toMatchObject({
      operationId: 'getUserTrustFactor',
      pointer: '/trust_value',
      schemaPath: '/components/schemas/TrustFactor/properties/trust_value/type',
      received: '2',
      expected: expect.objectContaining({ type: 'integer' }),
    });
  });

  it('catches a missing required field, pointing where it should be', async () => {
    const findings = await run('missing-required');
    expect(checksOf(findings)).toEqual(['response_schema_conformance']);
    expect(findings[0]).toMatchObject({
      pointer: '/trust_level',
      schemaPath: '/components/schemas/TrustFactor/required',
      received: undefined,
    });
    expect(findings[0]!.message).toContain('"trust_level"');
    expect(findings[0]!.expected).toMatchObject({
      required: ['trust_level', 'trust_value'],
      properties: { trust_level: expect.objectContaining({ type: 'string' }) },
    });
  });

  it('catches an undocumented status with status_code_conformance (and the case expected 200)', async () => {
    const findings = await run('undocumented-status');
    expect(checksOf(findings)).toEqual(['expected_status', 'status_code_conformance']);
    expect(findings.find((f) => f.check === 'status_code_conformance')).toMatchObject({
      status: 418,
      received: 418,
      expected: [200, 404, 429],
    });
    expect(findings.find((f) => f.check === 'status_code_conformance')!.message).toMatch(/matches no documented response/);
  });

  it('catches a wrong content type with content_type_conformance', async () => {
    const findings = await run('wrong-content-type');
    expect(checksOf(findings)).toEqual(['content_type_conformance']);
    expect(findings[0]).toMatchObject({ header: 'content-type', received: 'text/html; charset=utf-8', expected: ['application/json'] });
    expect(findings[0]!.message).toMatch(/matches no documented media type/);
  });

  it('catches a 500 with not_a_server_error', async () => {
    const findings = await run('server-error');
    expect(checksOf(findings)).toEqual(['not_a_server_error', 'status_code_conformance']);
    expect(findings.find((f) => f.check === 'not_a_server_error')).toMatchObject({
      status: 500,
      received: expect.objectContaining({ status: 500 }),
    });
  });

  it('catches an answer slower than --timeout with request_timeout', async () => {
    // Only the operation that never answers is run: under a short timeout, a busy machine could
    // make any other answer late too, and the test would be about the machine.
    const findings = await run('slow', { timeoutMs: 150, includeOperationIds: ['getUserTrustFactor'] });
    expect(checksOf(findings)).toEqual(['request_timeout']);
    expect(findings[0]).toMatchObject({ operationId: 'getUserTrustFactor', caseId: 'getUserTrustFactor/positive/none' });
    expect(findings[0]!.message).toContain('150 ms');
  });

  it('catches a non-JSON body under a JSON content type with response_schema_conformance', async () => {
    const findings = await run('non-json');
    expect(checksOf(findings)).toEqual(['response_schema_conformance']);
    expect(findings[0]).toMatchObject({ title: 'Response is not valid JSON', pointer: '', received: '<html>oops</html>' });
  });

  it('catches a dropped auth check with ignored_auth, without and with a bad credential', async () => {
    const findings = await run('dropped-auth');
    expect(checksOf(findings)).toEqual(['ignored_auth']);
    expect(findings.map((f) => f.caseId).sort()).toEqual(['getCurrentUser/no-auth/invalid-ApiKeyBearer', 'getCurrentUser/no-auth/none']);
  });

  it('catches a missing required header with response_headers_conformance', async () => {
    const findings = await run('missing-header');
    expect(checksOf(findings)).toEqual(['response_headers_conformance']);
    expect(findings[0]).toMatchObject({
      header: 'cache-control',
      title: 'Missing required header',
      schemaPath: '/components/headers/Cache-Control/schema',
    });
    expect(findings[0]!.received).toBeUndefined();
  });

  it('catches a header value outside its schema with response_headers_conformance', async () => {
    const findings = await run('invalid-header');
    expect(checksOf(findings)).toEqual(['response_headers_conformance']);
    expect(findings[0]).toMatchObject({
      header: 'cache-control',
      received: 'public, max-age=60',
      schemaPath: '/components/headers/Cache-Control/schema/enum',
    });
  });

  it('catches answers without Access-Control-Allow-Origin with cors_headers, on every operation under /api', async () => {
    const findings = await run('drops-cors');
    expect(checksOf(findings)).toEqual(['cors_headers']);
    expect(new Set(findings.map((f) => f.operationId))).toEqual(new Set(FAKE_OPERATIONS));
    expect(findings[0]).toMatchObject({
      header: 'access-control-allow-origin',
      title: 'Missing CORS header',
      message:
        'The access-control-allow-origin header is absent from the answer to a request with Origin: https://contract.hackatime-kit.test; a browser cannot read this answer.',
      expected: '*',
    });
    expect(findings[0]!.curl).toContain("-H 'Origin: https://contract.hackatime-kit.test'");
  });

  it('catches whole Floats written as integers with float_format, at their pointers (Oj writes 100.0)', async () => {
    const findings = await run('integer-floats');
    expect(checksOf(findings)).toEqual(['float_format']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      operationId: 'getSummaries',
      title: 'Float written as an integer',
      pointer: '/data/0/projects/0/percent',
      received: '100',
      expected: '100.0',
    });
  });

  it('catches an invalid parameter answered with success with negative_data_rejection', async () => {
    const findings = await run('accepts-invalid-param');
    expect(checksOf(findings)).toEqual(['negative_data_rejection']);
    expect(findings.map((f) => f.caseId).sort()).toEqual([
      'getSummaries/invalid-param/query-end-invalid',
      'getSummaries/invalid-param/query-end-missing',
      'getSummaries/invalid-param/query-start-invalid',
      'getSummaries/invalid-param/query-start-missing',
    ]);
  });

  it('catches an answer that breaks only when an optional parameter is sent, in the plain run', async () => {
    const findings = await run('breaks-on-optional-parameter');
    expect(checksOf(findings)).toEqual(['response_schema_conformance']);
    expect(findings[0]).toMatchObject({
      operationId: 'getSummaries',
      caseId: 'getSummaries/positive/ApiKeyBearer/timezone',
      pointer: '/cumulative_total',
      schemaPath: '/components/schemas/SummariesResponse/required',
    });
    expect(findings[0]!.message).toContain('"cumulative_total"');
    expect(findings[0]!.curl).toContain('timezone=America%2FNew_York');
  });

  it('catches an unknown user answered with success with expected_status', async () => {
    const findings = await run('unknown-user-found');
    expect(checksOf(findings)).toEqual(['expected_status']);
    expect(findings[0]).toMatchObject({ caseId: 'getUserTrustFactor/unknown-user/username', expected: [404], received: 200 });
  });

  it('warns about an undocumented property, and fails on it with --strict', async () => {
    const findings = await run('undocumented-property');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: 'undocumented_property', severity: 'warning', pointer: '/karma', received: 12 });
    const strict = await run('undocumented-property', { strict: true });
    expect(strict[0]).toMatchObject({ check: 'undocumented_property', severity: 'error' });
  });

  it('fails on an admin lookup that starts returning an email and an API key, in one finding, without showing them', async () => {
    const findings = await run('admin-lookup-leaks');
    expect(checksOf(findings)).toEqual(['sensitive_data_leak']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      operationId: 'lookupUserBySlackUid',
      severity: 'error',
      pointer: '/email',
      pointers: ['/email', '/api_key'],
      received: '[hidden: a string of 20 characters]',
    });
    expect(findings[0]!.message).toMatch(
      /^2 problems in this answer — \/email \("email"\) is not declared by the schema at .* and looks like an email address\.; \/api_key \("api_key"\) is not declared by the schema at .* and looks like a user API key \(a UUID\)\.$/,
    );
    expect(JSON.stringify(findings)).not.toMatch(/orpheus@hackclub\.com|0a1b2c3d/);
  });

  it('groups the problems of one answer into one finding per check (a server that answers {})', async () => {
    const findings = await run('empty-body', { includeOperationIds: ['getSummaries'] });
    expect(checksOf(findings)).toEqual(['response_schema_conformance']);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointers).toEqual(['/data', '/cumulative_total', '/daily_average', '/start', '/end']);
    expect(findings[0]!.message).toMatch(
      /^5 problems in this answer — \/data: the value is missing required property "data"; \/cumulative_total: /,
    );
    const trust = await run('missing-required');
    expect(trust).toHaveLength(1);
  });

  it('redacts a credential the server echoes back', async () => {
    const findings = await run('leaks-api-key');
    expect(findings[0]).toMatchObject({ pointer: '/data/id', received: '[REDACTED]' });
    expect(JSON.stringify(findings)).not.toContain(API_KEY);
  });
});

describe('the runner against a server that breaks a domain rule (x-invariants)', () => {
  const runRules = (m: Mutation) => run(m, { includeOperationIds: INVARIANT_OPERATIONS });

  it('finds nothing while the rules hold', async () => {
    expect(await runRules('none')).toEqual([]);
  });

  it('catches a status bar whose total_seconds disagrees with its own text', async () => {
    const findings = await runRules('statusbar-text-disagrees');
    expect(checksOf(findings)).toEqual(['domain_invariant']);
    expect(findings[0]).toMatchObject({
      operationId: 'getStatusbarToday',
      title: 'Invariant text-matches-seconds broken',
      pointer: '/data/grand_total/text',
      received: '1h 30m',
    });
    expect(findings[0]!.message).toBe('/data/grand_total/text "1h 30m" says 5400 s, but /data/grand_total/total_seconds is 9000.');
  });

  it('catches limit=3 answered with more items, in the request the plain run adds for the rule', async () => {
    const findings = await runRules('ignores-limit');
    expect(checksOf(findings)).toEqual(['domain_invariant']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      operationId: 'getUserStats',
      caseId: 'getUserStats/positive/none/limit=3&features=languages,projects',
      pointer: '/data/languages',
      expected: 'at most 3 items',
      received: 5,
    });
    expect(findings[0]!.message).toBe('/data/languages has 5 items though the request sent limit=3.');
  });

  it('catches an unsorted leaderboard', async () => {
    const findings = await runRules('unsorted-leaderboard');
    expect(checksOf(findings)).toEqual(['domain_invariant']);
    expect(findings[0]).toMatchObject({
      operationId: 'getLeaderboard',
      pointer: '/entries/1/total_seconds',
      expected: 'total_seconds descending',
    });
    expect(findings[0]!.message).toBe('/entries is not sorted by total_seconds (descending): item 0 has 10800, item 1 has 14400.');
  });
});

describe('the runner against a server whose answers disagree with each other', () => {
  const runAcross = (m: Mutation) => run(m, { includeOperationIds: ['getStatusbarToday', 'getSummaries'] });

  it('finds nothing while they agree', async () => {
    expect(await runAcross('none')).toEqual([]);
  });

  it("catches a status bar ahead of today's summary with consistent_across_answers", async () => {
    const findings = await runAcross('statusbar-ahead-of-summary');
    expect(checksOf(findings)).toEqual(['consistent_across_answers']);
    expect(findings[0]).toMatchObject({
      operationId: 'getStatusbarToday',
      caseId: 'getStatusbarToday/cross/statusbar-matches-summary/1',
      pointer: '/data/grand_total/total_seconds',
      expected: '5428…5432',
      received: 6030,
    });
    expect(findings[0]!.message).toMatch(
      /^Today's status bar says 6030 s \(\/data\/grand_total\/total_seconds\), but the summary of today \(\d{4}-\d{2}-\d{2}\) says 5430 s \(getSummaries \/data\/0\/grand_total\/total_seconds\); they may differ by the rounding of its groups, 2 s at most\. Compared with: curl -X GET '.*\/summaries\?start=/,
    );
  });
});

describe("profiles: where the real server's documented quirks are the contract", () => {
  const fixtures = () => {
    const dir = tempDir('contract-quirk');
    const quirk = { operationId: 'getUserStats', title: 'a negative limit crashes the server (documented 500)', auth: 'none' };
    writeFileSync(join(dir, 'stats.yaml'), stringify({ cases: [{ ...quirk, query: { limit: '-1' }, expect: 500 }] }));
    return dir;
  };
  const runProfile = (m: Mutation, profile: 'hackatime' | 'compatible') =>
    run(m, { includeOperationIds: ['getUserStats'], fixturesDir: fixtures(), profile });

  it('requires the documented crash under --profile hackatime (the default)', async () => {
    expect(await runProfile('none', 'hackatime')).toEqual([]);
    const findings = await runProfile('no-crash-on-negative-limit', 'hackatime');
    expect(checksOf(findings)).toEqual(['expected_status']);
    expect(findings[0]).toMatchObject({ caseId: 'getUserStats/recorded/1', expected: [500], received: 422 });
  });

  it('does not require it under --profile compatible, and still allows it', async () => {
    expect(await runProfile('no-crash-on-negative-limit', 'compatible')).toEqual([]);
    expect(await runProfile('none', 'compatible')).toEqual([]);
  });
});

describe('a run split with --shard', () => {
  const caseIds = async (shard?: { index: number; count: number }) => {
    const ids: string[] = [];
    await run('none', {
      includeOperationIds: [...FAKE_OPERATIONS, ...INVARIANT_OPERATIONS],
      ...(shard ? { shard } : {}),
      onEvent: (e) => {
        if (e.type === 'case-finished') ids.push(e.case.id);
      },
    });
    return ids.sort();
  };

  it('gives disjoint shards whose union is the whole run, the same every time', async () => {
    const whole = await caseIds();
    const shards = [await caseIds({ index: 1, count: 3 }), await caseIds({ index: 2, count: 3 }), await caseIds({ index: 3, count: 3 })];
    expect(shards.every((s) => s.length > 0 && s.length < whole.length)).toBe(true);
    expect(shards.flat().sort()).toEqual(whole);
    expect(await caseIds({ index: 2, count: 3 })).toEqual(shards[1]);
  });
});

describe('a run', () => {
  it('reports each finding once per operation however many cases hit it', async () => {
    mutation = 'server-error';
    const findings = await run('server-error', { includeOperationIds: ['getUserTrustFactor'] });
    const keys = findings.map((f) => `${f.check}:${f.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('waits out a 429 per its Retry-After and sends the request again, without a finding', async () => {
    const before = server.requests.length;
    expect(await run('throttles-once', { includeOperationIds: ['getUserTrustFactor'] })).toEqual([]);
    const sent = server.requests.slice(before).map((r) => r.url.pathname);
    // The throttled request and its retry, then the rest of the cases.
    expect(sent[0]).toBe(sent[1]);
  });

  it('keeps a credential from --header off the requests meant to have none', async () => {
    const findings = await run('none', { headers: { Authorization: `Bearer ${API_KEY}`, 'X-Trace': 'contract' } });
    expect(findings).toEqual([]);
    expect(server.requests.some((r) => r.headers['x-trace'] === 'contract' && r.headers.authorization === undefined)).toBe(true);
  });

  it('sends every request with the secrets it was given, and shows none of them', async () => {
    mutation = 'none';
    const events: RunEvent[] = [];
    const result = await runContract({
      baseUrl: server.url,
      includeOperationIds: ['getCurrentUser'],
      fixturesDir: null,
      seed: 7,
      apiKey: API_KEY,
      variables: { username: USERNAME },
      onEvent: (e) => events.push(e),
    });
    expect(result.summary.operations).toEqual({ passed: 1, failed: 0, skipped: 0 });
    const shown = JSON.stringify(events);
    expect(shown).toContain('[REDACTED]');
    for (const secret of [API_KEY, Buffer.from(API_KEY).toString('base64')]) expect(shown).not.toContain(secret);
    const basic = server.requests.find((r) => r.headers.authorization?.startsWith('Basic '));
    expect(basic?.headers.authorization).toBe(`Basic ${Buffer.from(API_KEY).toString('base64')}`);
  });
});
