/**
 * Each check on its own, with fixed requests and answers.
 */
import { describe, expect, it } from 'vitest';
import { CHECK_NAMES } from '../../../src/contract/findings.js';
import { appliesTo, type CheckContext } from '../../../src/contract/judge/checks/check.js';
import { contentTypeConformance } from '../../../src/contract/judge/checks/content-type-conformance.js';
import { corsHeaders } from '../../../src/contract/judge/checks/cors-headers.js';
import { expectedStatus } from '../../../src/contract/judge/checks/expected-status.js';
import { ignoredAuth } from '../../../src/contract/judge/checks/ignored-auth.js';
import { CHECKS } from '../../../src/contract/judge/checks/index.js';
import { negativeDataRejection } from '../../../src/contract/judge/checks/negative-data-rejection.js';
import { notAServerError } from '../../../src/contract/judge/checks/not-a-server-error.js';
import { responseHeadersConformance } from '../../../src/contract/judge/checks/response-headers-conformance.js';
import { responseSchemaConformance } from '../../../src/contract/judge/checks/response-schema-conformance.js';
import { statusCodeConformance } from '../../../src/contract/judge/checks/status-code-conformance.js';
import { undocumentedProperty } from '../../../src/contract/judge/checks/undocumented-property.js';
import { evaluate } from '../../../src/contract/judge/evaluate.js';
import { createRedactor } from '../../../src/contract/send/redact.js';
import { type InspectedResponse, inspect } from '../../../src/contract/send/response.js';
import { loadSpec } from '../../../src/spec/load.js';
import { responseFor } from '../../../src/spec/operations.js';
import { validatorFor } from '../../../src/spec/validator.js';
import { caseOf } from '../helpers/case.js';

const spec = loadSpec();

function context(strict = false): CheckContext {
  return { spec, validator: validatorFor(spec.document), strict };
}

const kase = caseOf;

function answer(
  operationId: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' },
): InspectedResponse {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return inspect(spec.byOperationId.get(operationId)!, { status, headers: new Headers(headers), text, durationMs: 1 });
}

const TRUST = { trust_level: 'green', trust_value: 2 };

describe('the check list', () => {
  it('uses the Schemathesis names and lists every check once', () => {
    const names = CHECKS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'not_a_server_error',
        'status_code_conformance',
        'content_type_conformance',
        'response_schema_conformance',
        'response_headers_conformance',
        'ignored_auth',
        'negative_data_rejection',
        'undocumented_property',
      ]),
    );
    for (const name of names) expect(CHECK_NAMES).toContain(name);
  });

  it('finds nothing on a correct answer', () => {
    const ctx = context();
    expect(
      CHECKS.filter((c) => appliesTo(c, 'positive')).flatMap((c) =>
        c.run(ctx, kase('getUserTrustFactor'), answer('getUserTrustFactor', 200, TRUST)),
      ),
    ).toEqual([]);
  });
});

describe('not_a_server_error', () => {
  it('flags a 5xx', () => {
    const found = notAServerError.run(
      context(),
      kase('getUserTrustFactor'),
      answer('getUserTrustFactor', 502, 'Bad Gateway', { 'content-type': 'text/plain' }),
    );
    expect(found).toMatchObject([{ key: '502', received: 'Bad Gateway' }]);
  });

  it('accepts a documented 500 the case expects', () => {
    const crash = { error: 'Internal Server Error', message: 'Something went wrong on our end, but we are looking into it!', status: 500 };
    const ctx = context();
    expect(
      notAServerError.run(ctx, kase('getUserStats', { kind: 'recorded', expectedStatuses: [500] }), answer('getUserStats', 500, crash)),
    ).toEqual([]);
    expect(notAServerError.run(ctx, kase('getUserStats'), answer('getUserStats', 500, crash))[0]?.message).toMatch(/documented, but/);
  });

  it('only warns about a documented 503 (try again later)', () => {
    const generating = answer('getLeaderboard', 503, { error: 'Leaderboard is being generated' });
    expect(notAServerError.run(context(), kase('getLeaderboard'), generating)).toMatchObject([{ severity: 'warning', key: '503' }]);
  });
});

describe('status_code_conformance', () => {
  it('flags a status no response documents, listing the documented ones', () => {
    const [finding] = statusCodeConformance.run(
      context(),
      kase('getUserTrustFactor'),
      answer('getUserTrustFactor', 401, { error: 'Unauthorized' }),
    );
    expect(finding).toMatchObject({ key: '401', expected: [200, 404, 429], received: 401 });
  });
});

describe('expected_status', () => {
  it('flags a status the case does not expect', () => {
    const found = expectedStatus.run(
      context(),
      kase('getUserTrustFactor', { kind: 'unknown-user', expectedStatuses: [404] }),
      answer('getUserTrustFactor', 200, TRUST),
    );
    expect(found).toMatchObject([{ expected: [404], received: 200 }]);
  });

  it('leaves 5xx and successes of negative cases to their own checks, and only warns on 429', () => {
    const ctx = context();
    const noAuth = kase('getCurrentUser', { kind: 'no-auth', expectedStatuses: [401] });
    expect(expectedStatus.run(ctx, noAuth, answer('getCurrentUser', 200, {}))).toEqual([]);
    expect(expectedStatus.run(ctx, noAuth, answer('getCurrentUser', 500, {}))).toEqual([]);
    expect(expectedStatus.run(ctx, noAuth, answer('getCurrentUser', 429, {}))).toMatchObject([{ severity: 'warning' }]);
  });
});

describe('ignored_auth', () => {
  it('flags a request without credentials that succeeds', () => {
    const noAuth = kase('getCurrentUser', { kind: 'no-auth', expectedStatuses: [401], title: 'request without credentials' });
    expect(ignoredAuth.run(context(), noAuth, answer('getCurrentUser', 200, {}))).toHaveLength(1);
    expect(ignoredAuth.run(context(), noAuth, answer('getCurrentUser', 401, { error: 'Unauthorized' }))).toEqual([]);
  });

  it('judges only requests without credentials, by its declaration', () => {
    expect(ignoredAuth.appliesTo).toEqual(['no-auth']);
    expect(appliesTo(ignoredAuth, 'positive')).toBe(false);
    expect(appliesTo(ignoredAuth, 'no-auth')).toBe(true);
  });
});

describe('negative_data_rejection', () => {
  it('flags an invalid parameter answered with success', () => {
    const invalid = kase('getSummaries', {
      kind: 'invalid-param',
      expectedStatuses: [400],
      title: 'invalid query parameter start = "not-a-date"',
    });
    expect(negativeDataRejection.run(context(), invalid, answer('getSummaries', 200, {}))).toMatchObject([
      { expected: [400], received: 200 },
    ]);
    expect(
      negativeDataRejection.run(context(), invalid, answer('getSummaries', 400, { error: 'Invalid date format. Use YYYY-MM-DD.' })),
    ).toEqual([]);
    expect(appliesTo(negativeDataRejection, 'invalid-param')).toBe(true);
    expect(appliesTo(negativeDataRejection, 'recorded')).toBe(false);
  });
});

describe('evaluate', () => {
  const run = {
    ...context(),
    timeoutMs: 1000,
    baseUrl: 'http://127.0.0.1:1',
    headers: {},
    redactor: createRedactor([]),
    curlVariables: new Map(),
  };
  const op = spec.byOperationId.get('getCurrentUser')!;
  const response = (status: number) =>
    ({
      kind: 'response',
      response: { status, headers: new Headers({ 'content-type': 'application/json' }), text: '{}', durationMs: 1 },
    }) as const;

  it('runs a check only on the case kinds it declares', () => {
    const noAuth = kase('getCurrentUser', { id: 'getCurrentUser/no-auth/none', kind: 'no-auth', expectedStatuses: [401] });
    expect(evaluate(run, op, noAuth, response(200)).map((f) => f.check)).toContain('ignored_auth');
    expect(evaluate(run, op, kase('getCurrentUser'), response(200)).map((f) => f.check)).not.toContain('ignored_auth');
  });

  it('completes every finding with the operation, the case, the status and its curl line', () => {
    const noAuth = kase('getCurrentUser', { id: 'getCurrentUser/no-auth/none', kind: 'no-auth', expectedStatuses: [401] });
    const finding = evaluate(run, op, noAuth, response(200)).find((f) => f.check === 'ignored_auth');
    expect(finding).toMatchObject({
      operationId: 'getCurrentUser',
      method: 'GET',
      pathTemplate: op.path,
      severity: 'error',
      status: 200,
      caseId: 'getCurrentUser/no-auth/none',
      curl: `curl -X GET 'http://127.0.0.1:1${op.path}'`,
    });
    expect(evaluate(run, op, noAuth, { kind: 'timeout', durationMs: 1000 })).toMatchObject([
      { check: 'request_timeout', caseId: 'getCurrentUser/no-auth/none', expected: 'at most 1000 ms' },
    ]);
  });
});

describe('content_type_conformance', () => {
  it('flags an undocumented media type and a body without Content-Type', () => {
    const ctx = context();
    expect(
      contentTypeConformance.run(
        ctx,
        kase('getUserTrustFactor'),
        answer('getUserTrustFactor', 200, TRUST, { 'content-type': 'text/plain' }),
      ),
    ).toMatchObject([{ title: 'Undocumented Content-Type', received: 'text/plain' }]);
    expect(contentTypeConformance.run(ctx, kase('getUserTrustFactor'), answer('getUserTrustFactor', 200, TRUST, {}))).toMatchObject([
      { title: 'Missing Content-Type header' },
    ]);
  });

  it("accepts Doorkeeper's body-less challenge where JSON is documented for the status", () => {
    const challenge = {
      'www-authenticate': 'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"',
    };
    const noAuth = kase('getAuthenticatedMe', { kind: 'no-auth', expectedStatuses: [401] });
    expect(contentTypeConformance.run(context(), noAuth, answer('getAuthenticatedMe', 401, '', challenge))).toEqual([]);
    expect(contentTypeConformance.run(context(), noAuth, answer('getAuthenticatedMe', 401, '', {}))).toMatchObject([
      { title: 'Missing body' },
    ]);
  });

  it('ignores a status whose answer documents no body', () => {
    expect(contentTypeConformance.run(context(), kase('getBadge'), answer('getBadge', 400, '', {}))).toEqual([]);
  });
});

describe('response_schema_conformance', () => {
  it('reports every error with its pointer, schema path and the schema around the keyword', () => {
    const found = responseSchemaConformance.run(
      context(),
      kase('getUserTrustFactor'),
      answer('getUserTrustFactor', 200, { trust_level: 'purple', trust_value: 2 }),
    );
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found[0]).toMatchObject({
      pointer: '/trust_level',
      received: 'purple',
      expected: expect.objectContaining({ enum: expect.arrayContaining(['green']) }),
    });
    expect(found[0]!.schemaPath).toMatch(/^\/components\/schemas\/(Public)?TrustFactor\//);
  });

  it('says when no anyOf branch matches', () => {
    const found = responseSchemaConformance.run(
      context(),
      kase('getUserStats', { expectedStatuses: [404] }),
      answer('getUserStats', 404, { nope: true }),
    );
    expect(found.find((f) => f.schemaPath?.endsWith('/anyOf'))?.message).toMatch(/matches none of the 2 anyOf branches/);
  });

  it('validates a text body against its string schema', () => {
    const found = responseSchemaConformance.run(
      context(),
      kase('getGlobalStats'),
      answer('getGlobalStats', 200, '12 hours', { 'content-type': 'text/plain' }),
    );
    expect(found).toMatchObject([{ pointer: '', received: '12 hours' }]);
  });

  it('flags an empty JSON body as not JSON', () => {
    expect(responseSchemaConformance.run(context(), kase('getUserTrustFactor'), answer('getUserTrustFactor', 200, ''))).toMatchObject([
      { title: 'Response is not valid JSON' },
    ]);
  });
});

describe('response_headers_conformance', () => {
  it('checks required headers and the value of present ones', () => {
    const ctx = context();
    const example = Object.values(responseFor(spec.byOperationId.get('getMyMostRecentHeartbeat')!, 200)!.content[0]!.examples)[0];
    const ok = answer('getMyMostRecentHeartbeat', 200, example, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    expect(responseHeadersConformance.run(ctx, kase('getMyMostRecentHeartbeat'), ok)).toEqual([]);
    const bad = answer('getMyMostRecentHeartbeat', 200, example, { 'content-type': 'application/json', 'cache-control': 'public' });
    expect(responseHeadersConformance.run(ctx, kase('getMyMostRecentHeartbeat'), bad)).toMatchObject([
      { header: 'cache-control', received: 'public' },
    ]);
  });

  it('checks the rate-limit headers of a 429', () => {
    const ctx = context();
    const limited = answer(
      'getUserTrustFactor',
      429,
      { error: 'Rate limit exceeded', message: 'slow down', retry_after: 3, reset_at: '2026-08-22T14:01:00+00:00' },
      { 'content-type': 'application/json', 'retry-after': 'soon' },
    );
    const found = responseHeadersConformance.run(ctx, kase('getUserTrustFactor'), limited);
    expect(found.map((f) => f.header)).toEqual(expect.arrayContaining(['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining']));
  });
});

describe('cors_headers', () => {
  const origin = { Origin: 'https://contract.hackatime-kit.test' };
  const trust = (headers: Record<string, string>) =>
    answer('getUserTrustFactor', 200, TRUST, { 'content-type': 'application/json', ...headers });

  it('wants Access-Control-Allow-Origin: * on an answer under /api to a request with an Origin, whatever its status', () => {
    const ctx = context();
    const cross = kase('getUserTrustFactor', { headers: origin });
    expect(corsHeaders.run(ctx, cross, trust({ 'access-control-allow-origin': '*' }))).toEqual([]);
    expect(corsHeaders.run(ctx, cross, trust({}))).toMatchObject([
      { header: 'access-control-allow-origin', title: 'Missing CORS header', expected: '*' },
    ]);
    expect(corsHeaders.run(ctx, cross, trust({ 'access-control-allow-origin': 'https://evil.example' }))).toMatchObject([
      { header: 'access-control-allow-origin', title: 'Invalid header value', received: 'https://evil.example' },
    ]);
    const notFound = answer('getUserTrustFactor', 404, { error: 'User not found' });
    expect(corsHeaders.run(ctx, cross, notFound)).toHaveLength(1);
  });

  it('judges nothing without an Origin, or outside /api (rack-cors answers those without CORS headers)', () => {
    const ctx = context();
    expect(corsHeaders.run(ctx, kase('getUserTrustFactor'), trust({}))).toEqual([]);
    expect(spec.byOperationId.get('createOAuthToken')!.cors).toBeUndefined();
    expect(spec.byOperationId.get('getUserTrustFactor')!.cors).toHaveProperty('access-control-allow-origin');
  });
});

describe('undocumented_property', () => {
  it('warns about a property the schema does not declare, an error with --strict', () => {
    const res = answer('getUserTrustFactor', 200, { ...TRUST, karma: 1 });
    expect(undocumentedProperty.run(context(), kase('getUserTrustFactor'), res)).toMatchObject([
      { pointer: '/karma', severity: 'warning', received: 1 },
    ]);
    expect(undocumentedProperty.run(context(true), kase('getUserTrustFactor'), res)).toMatchObject([{ severity: 'error' }]);
  });
});
