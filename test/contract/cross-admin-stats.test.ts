/**
 * The `admin-stats-match-public` cross-check by mutation: a stand-in that answers the admin API's
 * `user/stats` and the user's public stats is correct while both totals agree, and is caught when the
 * admin figure drifts by a second; without the user's numeric id the check is a skipped case saying so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractResult, runContract } from '../../src/contract/runner.js';
import type { TestReply, TestRequest } from './helpers/test-server.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const USERNAME = 'orpheus';
const USER_ID = '7';
const PUBLIC_SECONDS = 5_000;
let adminSeconds = PUBLIC_SECONDS;
const asked: string[] = [];

function handle(req: TestRequest): TestReply {
  const path = req.url.pathname;
  if (path === '/api/admin/v1/user/stats') {
    asked.push(req.url.search);
    if (req.url.searchParams.get('user_id') !== USER_ID) return { status: 404, json: { error: 'user not found' } };
    return { status: 200, json: { user_id: 7, total_heartbeats: 3, total_duration: adminSeconds } };
  }
  if (path === `/api/v1/users/${USERNAME}/stats`) return { status: 200, json: { total_seconds: PUBLIC_SECONDS } };
  return { status: 404, json: { error: 'Not found' } };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(handle);
});
afterAll(async () => server.close());

function run(variables: Record<string, string>): Promise<ContractResult> {
  return runContract({
    baseUrl: server.url,
    now: () => Date.parse('2026-08-22T18:30:00Z'),
    includeOperationIds: ['getAdminUserStats', 'getUserStats'],
    fixturesDir: null,
    seed: 7,
    adminKey: `hka_${'a'.repeat(64)}`,
    apiKey: '11111111-1111-4111-8111-111111111111',
    variables: { username: USERNAME, ...variables },
    timeoutMs: 30_000,
  });
}

const across = async (variables: Record<string, string>) =>
  (await run(variables)).findings.filter((f) => f.check === 'consistent_across_answers');

describe('admin-stats-match-public', () => {
  it('finds nothing while the totals agree, asking for yesterday by the numeric id', async () => {
    adminSeconds = PUBLIC_SECONDS;
    expect(await across({ user_numeric_id: USER_ID })).toEqual([]);
    expect(asked).toContain('?user_id=7&date=2026-08-21');
  });

  it('catches an admin total one second off', async () => {
    adminSeconds = PUBLIC_SECONDS + 1;
    const findings = await across({ user_numeric_id: USER_ID });
    expect(findings.map((f) => f.key)).toEqual(['admin-stats-match-public']);
    expect(findings[0]).toMatchObject({ operationId: 'getAdminUserStats', pointer: '/total_duration' });
    expect(findings[0]!.message).toContain('gives 5001 s');
    expect(findings[0]!.message).toContain('give 5000 s');
  });

  it('is a skipped case without the numeric id', async () => {
    const result = await run({});
    const skipped = result.operations.flatMap((o) => o.skipped).filter((s) => s.id.includes('admin-stats-match-public'));
    expect(skipped.map((s) => s.reason)).toEqual(['needs --var user_numeric_id=…']);
  });
});
