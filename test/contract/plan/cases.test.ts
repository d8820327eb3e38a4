/**
 * Planning: which cases each operation gets from the spec, the recorded fixtures and the negative
 * cases, and what a skipped case says it needs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case, PlannedCase, SkippedCase } from '../../../src/contract/case.js';
import { FixtureError } from '../../../src/contract/errors.js';
import { planOperation } from '../../../src/contract/plan/cases.js';
import { FIXTURES_DIR, loadRecordedCases, type RecordedCase } from '../../../src/contract/plan/fixtures.js';
import { invalidValue } from '../../../src/contract/plan/invalid-values.js';
import { interpolate, type Target } from '../../../src/contract/plan/variables.js';
import { loadSpec } from '../../../src/spec/load.js';
import { validatorFor } from '../../../src/spec/validator.js';
import { tempDir } from '../../helpers/temp.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);
const recorded = loadRecordedCases(FIXTURES_DIR, spec);

const MOCK_TARGET: Target = {
  baseUrl: 'http://127.0.0.1:4010',
  credentials: {
    apiKey: 'api-key-123456',
    adminKey: 'hka_admin-key',
    oauthTokens: [{ token: 'oauth-read', scopes: ['profile', 'read'] }],
    legacyStatsKey: 'legacy-key',
  },
  variables: { username: 'demo', email: 'demo@hackatime.test', slack_uid: 'U0DEMO0001', project: 'hackatime', unknown_user: 'nobody-1' },
  today: '2026-08-22',
  source: 'test',
  secrets: [],
};
const LIVE_TARGET: Target = { ...MOCK_TARGET, credentials: { oauthTokens: [] }, variables: { unknown_user: 'nobody-1' } };

function plan(operationId: string, target: Target = MOCK_TARGET, cases: RecordedCase[] = recorded): { runs: Case[]; skips: SkippedCase[] } {
  const planned: PlannedCase[] = planOperation(spec.byOperationId.get(operationId)!, {
    target,
    validator,
    seed: 1,
    recorded: cases.filter((r) => r.operationId === operationId),
  });
  return { runs: planned.flatMap((p) => ('run' in p ? [p.run] : [])), skips: planned.flatMap((p) => ('skip' in p ? [p.skip] : [])) };
}

describe('profiles', () => {
  it('relax only a case that expects a documented crash, under compatible', () => {
    const byTitle = (profile: 'hackatime' | 'compatible') => {
      const planned = planOperation(spec.byOperationId.get('getUserStats')!, {
        target: MOCK_TARGET,
        validator,
        seed: 1,
        recorded: recorded.filter((r) => r.operationId === 'getUserStats'),
        profile,
      });
      return planned.flatMap((p) => ('run' in p && p.run.kind === 'recorded' ? [p.run] : []));
    };
    const crash = (cases: Case[]) => cases.find((c) => c.query.some(([k, v]) => k === 'limit' && v === '-1'))!;
    expect(crash(byTitle('hackatime')).expectedStatuses).toEqual([500]);
    expect(crash(byTitle('compatible')).expectedStatuses).toEqual([500, 200, 403, 404, 422]);
    expect(crash(byTitle('compatible')).title).toContain('not required under --profile compatible');
    const others = (cases: Case[]) => cases.filter((c) => c !== crash(cases)).map((c) => c.expectedStatuses);
    expect(others(byTitle('compatible'))).toEqual(others(byTitle('hackatime')));
  });
});

describe('optional parameters', () => {
  it('are each sent once, on the first valid request, with a value the run stands behind', () => {
    const sent = (operationId: string) =>
      Object.fromEntries(
        plan(operationId)
          .runs.filter((c) => /\/positive\/[^/]+\/[a-z_]+$/.test(c.id))
          .map((c) => [c.id.split('/').at(-1), c.query.find(([k]) => k === c.id.split('/').at(-1))?.[1]]),
      );
    expect(sent('getUserStats')).toMatchObject({
      start_date: '2026-08-16',
      end_date: '2026-08-22',
      filter_by_project: 'hackatime',
      limit: '5',
      total_seconds: 'true',
    });
    expect(sent('getSummaries')).toEqual({ timezone: 'America/New_York', project: 'hackatime' });
    expect(plan('getSummaries').runs.find((c) => c.id.endsWith('/timezone'))?.query).toEqual([
      ['start', '2026-08-16'],
      ['end', '2026-08-22'],
      ['timezone', 'America/New_York'],
    ]);
  });
});

describe('valid requests', () => {
  it('are one per security alternative, each with its own credential', () => {
    const positives = plan('getCurrentUser').runs.filter((c) => c.kind === 'positive');
    expect(positives.map((c) => c.auth)).toEqual(['ApiKeyBearer', 'ApiKeyBasic', 'ApiKeyQuery']);
    expect(positives[0]).toMatchObject({
      path: '/api/hackatime/v1/users/current',
      headers: { Authorization: 'Bearer api-key-123456' },
      expectedStatuses: [200],
    });
    expect(positives[1]!.headers['Authorization']).toBe(`Basic ${Buffer.from('api-key-123456').toString('base64')}`);
    expect(positives[2]!.query).toEqual([['api_key', 'api-key-123456']]);
  });

  it('fill required dates relative to today and send no optional parameter', () => {
    const [positive] = plan('getSummaries').runs;
    expect(positive!.query).toEqual([
      ['start', '2026-08-16'],
      ['end', '2026-08-22'],
    ]);
    const stats = plan('getUserStats').runs.find((c) => c.kind === 'positive');
    expect(stats).toMatchObject({ path: '/api/v1/users/demo/stats', query: [] });
  });

  it('are skipped, saying what they need, without credentials or a username', () => {
    const live = plan('getCurrentUser', LIVE_TARGET);
    expect(live.skips.filter((s) => s.kind === 'positive').map((s) => s.reason)).toEqual([
      'needs --api-key',
      'needs --api-key',
      'needs --api-key',
    ]);
    expect(live.runs.map((c) => c.kind)).toEqual(['no-auth', 'no-auth']);
    expect(plan('lookupUserByEmail', LIVE_TARGET).skips.map((s) => s.reason)).toContain('needs --admin-key');
    expect(plan('getUserStats', LIVE_TARGET).skips.map((s) => s.reason)).toContain('needs --username');
    expect(plan('getAuthenticatedStreak', LIVE_TARGET).skips.map((s) => s.reason)).toContain('needs --oauth-token with scope read');
  });

  it('are not generated for state-changing requests or browser flows', () => {
    expect(plan('postHeartbeat').skips.map((s) => s.reason)).toEqual(['changes state: only recorded cases are replayed']);
    const oauth = plan('createOAuthToken');
    expect(oauth.skips.map((s) => s.reason)).toEqual(['a browser flow (OAuth): only recorded cases are replayed']);
    expect(oauth.runs.every((c) => c.kind === 'recorded')).toBe(true);
  });

  it('are replaced by recorded ones when the operation cannot succeed from its examples alone', () => {
    const summary = plan('getSummary');
    expect(summary.runs.filter((c) => c.kind === 'positive')).toEqual([]);
    expect(summary.runs[0]).toMatchObject({ kind: 'recorded', query: [['user', 'demo']], expectedStatuses: [200] });
  });
});

describe('negative cases', () => {
  it('send no credential, then an invalid one, and expect the documented 401', () => {
    const noAuth = plan('getCurrentUser', LIVE_TARGET).runs.filter((c) => c.kind === 'no-auth');
    expect(noAuth.map((c) => [c.title, c.expectedStatuses])).toEqual([
      ['request without credentials', [401]],
      ['request with an invalid ApiKeyBearer credential', [401]],
    ]);
    // No credential; the Origin of every request under /api (x-cors) is all it sends.
    expect(noAuth[0]!.headers).toEqual({ Origin: 'https://contract.hackatime-kit.test' });
    expect(noAuth[1]!.headers['Authorization']).toMatch(/^Bearer [0-9a-f]{8}-[0-9a-f]{4}-4/);
  });

  it('are not generated for operations that allow anonymous access', () => {
    expect(plan('getUserStats').runs.filter((c) => c.kind === 'no-auth')).toEqual([]);
  });

  it('carry a harmless recorded body to a state-changing operation', () => {
    const noAuth = plan('postHeartbeat').runs.find((c) => c.kind === 'no-auth');
    expect(noAuth?.body).toMatchObject({ mediaType: 'application/json', value: [expect.objectContaining({ entity: 'test.txt' })] });
  });

  it('ask about an unknown user and expect 404', () => {
    const unknown = plan('lookupUserByEmail').runs.find((c) => c.kind === 'unknown-user');
    expect(unknown).toMatchObject({
      path: '/api/v1/users/lookup_email/nobody-1%40example.invalid',
      expectedStatuses: [404],
      auth: 'AdminKeyBearer',
    });
  });

  it('break one parameter at a time with the status x-invalid-response names', () => {
    const invalid = plan('getSummaries').runs.filter((c) => c.kind === 'invalid-param');
    expect(invalid.map((c) => [c.title, c.expectedStatuses[0]])).toEqual([
      ['unroutable path parameter id = "bad.value"', 404],
      ['invalid query parameter start = "not-a-date"', 400],
      ['missing required query parameter start', 400],
      ['invalid query parameter end = "not-a-date"', 400],
      ['missing required query parameter end', 400],
    ]);
    // Everything else as in the valid request: only the one value differs.
    expect(invalid[1]).toMatchObject({
      query: [
        ['start', 'not-a-date'],
        ['end', '2026-08-22'],
      ],
      headers: { Authorization: 'Bearer api-key-123456' },
    });
  });
});

describe('recorded cases', () => {
  it('all parse, and name operations of the spec', () => {
    expect(recorded.length).toBeGreaterThan(20);
    for (const r of recorded) expect(spec.byOperationId.has(r.operationId)).toBe(true);
  });

  it('fill {{variables}}, including dates relative to today', () => {
    expect(interpolate({ q: '{{today-1}}..{{today}}', u: '{{username}}' }, MOCK_TARGET)).toEqual({
      ok: true,
      value: { q: '2026-08-21..2026-08-22', u: 'demo' },
    });
    expect(interpolate('{{project}}', LIVE_TARGET)).toEqual({ ok: false, missing: 'project' });
  });

  it('are skipped when a variable is missing', () => {
    expect(plan('getSummaries', { ...MOCK_TARGET, variables: { unknown_user: 'nobody-1' } }).skips).toContainEqual(
      expect.objectContaining({ kind: 'recorded', reason: 'needs --var project=…' }),
    );
  });

  it('reject a malformed file with its name and the case number', () => {
    const dir = tempDir('contract-fixtures');
    writeFileSync(
      join(dir, 'bad.yaml'),
      'cases:\n  - operationId: getCurrentUser\n    title: x\n    expect: 200\n  - operationId: noSuchOperation\n    title: y\n    expect: 200\n',
    );
    expect(() => loadRecordedCases(dir, spec)).toThrow(FixtureError);
    expect(() => loadRecordedCases(dir, spec)).toThrow(/bad\.yaml#2: unknown operationId "noSuchOperation"/);
    writeFileSync(join(dir, 'bad.yaml'), 'cases:\n  - operationId: getCurrentUser\n    title: x\n    auth: OAuth2\n    expect: 200\n');
    expect(() => loadRecordedCases(dir, spec)).toThrow(/auth OAuth2 is not a security alternative/);
  });
});

describe('invalid values', () => {
  const param = (operationId: string, name: string) => spec.byOperationId.get(operationId)!.parameters.find((p) => p.name === name)!;

  it('are values the shared validator rejects', () => {
    expect(invalidValue(param('getSummaries', 'start'), validator)).toBe('not-a-date');
    expect(invalidValue(param('getUserStats', 'username'), validator)).toBe('bad.value');
    expect(invalidValue(param('authorizeOAuthApp', 'response_type'), validator)).toBe('hackatime-kit-invalid');
  });

  it('do not exist for a plain string, or for a path parameter that accepts any segment', () => {
    expect(invalidValue(param('getSummaries', 'timezone'), validator)).toBeUndefined();
    expect(invalidValue(param('getBadge', 'project'), validator)).toBeUndefined();
  });
});
