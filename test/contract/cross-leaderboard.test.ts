/**
 * The `leaderboard-within-stats` cross-check by mutation: a stand-in that answers the weekly board
 * and the run's user's stats (full, and the coding total) is correct while the board's figure for the
 * user is at most the user's coding time, and is caught when the board gives the user more; a user
 * not on the board is not compared. Only `consistent_across_answers` is looked at: the stand-in
 * answers what the cross-check reads, not whole documented bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/findings.js';
import { runContract } from '../../src/contract/runner.js';
import type { TestReply, TestRequest } from './helpers/test-server.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

const USERNAME = 'orpheus';
const USER_ID = 7;
const CODING_SECONDS = 5_000;
let onBoard: number | undefined = 4_000;

function handle(req: TestRequest): TestReply {
  const path = req.url.pathname;
  if (path === '/api/v1/leaderboard/weekly') {
    const entries =
      onBoard === undefined
        ? []
        : [{ rank: 1, user: { id: USER_ID, username: 'Orpheus', avatar_url: 'https://example.test/a.png' }, total_seconds: onBoard }];
    return {
      status: 200,
      json: {
        period: 'last_7_days',
        start_date: '2026-08-22',
        date_range: 'Aug 16 - Aug 22, 2026',
        generated_at: '2026-08-22T18:00:00Z',
        entries,
      },
    };
  }
  if (path === `/api/v1/users/${USERNAME}/stats`) {
    if (req.url.searchParams.get('total_seconds') === 'true') return { status: 200, json: { total_seconds: CODING_SECONDS } };
    return { status: 200, json: { data: { user_id: String(USER_ID), total_seconds: 9_000 } } };
  }
  return { status: 404, json: { error: 'Not found' } };
}

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer(handle);
});
afterAll(async () => server.close());

async function across(): Promise<Finding[]> {
  const result = await runContract({
    baseUrl: server.url,
    now: () => Date.parse('2026-08-22T18:30:00Z'),
    includeOperationIds: ['getWeeklyLeaderboard', 'getUserStats'],
    fixturesDir: null,
    seed: 7,
    variables: { username: USERNAME },
    timeoutMs: 30_000,
  });
  return result.findings.filter((f) => f.check === 'consistent_across_answers');
}

describe('leaderboard-within-stats', () => {
  it('finds nothing while the board gives the user at most their coding time, or does not list them', async () => {
    onBoard = CODING_SECONDS;
    expect(await across()).toEqual([]);
    onBoard = undefined;
    expect(await across()).toEqual([]);
  });

  it('catches a board that gives the user more than their own coding time', async () => {
    onBoard = CODING_SECONDS + 1;
    const findings = await across();
    expect(findings.map((f) => f.key)).toEqual(['leaderboard-within-stats']);
    expect(findings[0]).toMatchObject({ operationId: 'getWeeklyLeaderboard', pointer: '/entries/0/total_seconds' });
    expect(findings[0]!.message).toContain(`gives user ${USER_ID} 5001 s`);
    expect(findings[0]!.message).toContain('start_date=2026-08-16&end_date=2026-08-23&total_seconds=true&filter_by_category=coding');
    expect(findings[0]!.message).toContain('is 5000 s');
  });
});
