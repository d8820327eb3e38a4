/**
 * The stateful cross-check by mutation: a stand-in server that stores heartbeats is correct, then
 * double-stores a duplicate, then ignores the 2-minute cap; the runner (writes allowed: the server
 * is on loopback) must find nothing, then each break, by name. Only `consistent_across_answers`
 * is looked at: the stand-in answers what the cross-checks read, not whole documented bodies.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/contract/findings.js';
import { consoleReporter } from '../../src/contract/report/console.js';
import { runContract } from '../../src/contract/runner.js';
import { API_KEY, USERNAME } from './helpers/fake-hackatime.js';
import { fakeHeartbeats, type HeartbeatMutation } from './helpers/fake-heartbeats.js';
import { startTestServer, type TestServer } from './helpers/test-server.js';

// The runner's today when no mock tells it otherwise is its clock's UTC day: the stand-in and the
// runner's clock read one instant, taken once, so a run across midnight cannot split them.
const NOW_MS = Date.now();
const fake = fakeHeartbeats(new Date(NOW_MS).toISOString().slice(0, 10), () => mutation);
let server: TestServer;
let mutation: HeartbeatMutation = 'none';

beforeAll(async () => {
  server = await startTestServer(fake.handle);
});
afterAll(async () => server.close());
beforeEach(() => fake.reset());

/** The console report of the last run. */
let printed = '';

async function across(m: HeartbeatMutation): Promise<Finding[]> {
  mutation = m;
  printed = '';
  const console = consoleReporter({ write: (text) => (printed += text) });
  const result = await runContract({
    onEvent: (e) => console.onEvent(e),
    baseUrl: server.url,
    now: () => NOW_MS,
    includeOperationIds: ['getStatusbarToday', 'getSummaries', 'getMyHeartbeats', 'postHeartbeatsBulk'],
    fixturesDir: null,
    seed: 7,
    apiKey: API_KEY,
    variables: { username: USERNAME },
    timeoutMs: 30_000,
  });
  return result.findings.filter((f) => f.check === 'consistent_across_answers');
}

/** A body the stand-in accepts: a JSON list of heartbeats. */
const isBatchOrList = (body: string): boolean => {
  try {
    return Array.isArray(JSON.parse(body));
  } catch {
    return false;
  }
};

const keys = (findings: Finding[]) => findings.map((f) => f.key).sort();

describe('heartbeats-add-up against a server that stores heartbeats', () => {
  it('finds nothing when the status bar grows by the 2-minute rule and a duplicate is returned, not stored', async () => {
    expect(await across('none')).toEqual([]);
    // The batch (three test entries of the runner's project) was posted twice, in one bulk each.
    const isBatch = (body: string) => {
      let items: unknown;
      try {
        items = JSON.parse(body);
      } catch {
        return false; // the malformed bodies of the operation's own negative cases
      }
      return (
        Array.isArray(items) && items.length === 3 && items.every((h) => h.entity === 'test.txt' && h.project === 'hackatime-kit-contract')
      );
    };
    const posts = server.requests.filter((r) => r.method === 'POST' && r.url.pathname.endsWith('/heartbeats.bulk') && isBatch(r.body));
    expect(posts).toHaveLength(2);
    // The console says what the run left on the server: every accepted bulk post, the check's included.
    const accepted = server.requests.filter(
      (r) => r.method === 'POST' && r.url.pathname.endsWith('/heartbeats.bulk') && isBatchOrList(r.body),
    );
    const bulkWrites = Number(/Left on the server by accepted writes: .*postHeartbeatsBulk ×(\d+)/.exec(printed)?.[1]);
    expect(bulkWrites).toBe(accepted.length);
  });

  it('catches a duplicate stored again', async () => {
    const findings = await across('double-counts-duplicate');
    expect(keys(findings)).toEqual(['heartbeats-add-up:duplicate-rows']);
    expect(findings[0]).toMatchObject({
      operationId: 'getStatusbarToday',
      title: 'A duplicate heartbeat was stored again',
      message: expect.stringContaining('stored 3 more rows'),
    });
  });

  it('catches gaps counted past the 2-minute cap', async () => {
    const findings = await across('ignores-two-minute-cap');
    expect(keys(findings)).toEqual(['heartbeats-add-up:growth']);
    // Rows at 11:00, 11:59:30 and 12:01:40 around the batch: +30 +60 +40 +120 - 120 = 130 s.
    expect(findings[0]!.message).toContain('should add 130 s');
    expect(findings[0]!.message).toContain('(+300 s)');
  });
});
