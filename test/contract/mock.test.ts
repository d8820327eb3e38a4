/**
 * CI's contract run: the runner against the real mock (started here on a free loopback port) over
 * every operation, deprecated ones included, must find nothing and skip nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ContractResult, runContract } from '../../src/contract/runner.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { NOW, SEED } from '../helpers/mock.js';

let mock: RunningMock;
let result: ContractResult;

beforeAll(async () => {
  mock = await startMock({ port: 0, seed: SEED, now: NOW });
  result = await runContract({ baseUrl: mock.url, includeDeprecated: true, seed: 42 });
  // Every case of 78 operations, some answering a megabyte of heartbeats (the admin reads): more than
  // the default 30 s on a machine that runs the rest of the suite beside it.
}, 90_000);
afterAll(async () => mock?.close());

/** One line per finding, so a failure names every operation and check at once. */
const lines = (r: ContractResult) =>
  r.findings.map(
    (f) => `${f.operationId} ${f.check} [${f.caseId} → ${f.status ?? 'no answer'}] ${f.pointer ?? f.header ?? ''} ${f.message}`,
  );

describe('the removed operations against a mock that keeps them (--legacy-endpoints)', () => {
  const removed = ['listYswsPrograms', 'claimYswsHeartbeats', 'createUserFromSlackOauth'];
  let legacy: RunningMock | undefined;
  afterAll(async () => legacy?.close());

  it('finds nothing when the run is told so, and each removed route answered instead of a 404', async () => {
    legacy = await startMock({ port: 0, seed: SEED, now: NOW, legacyEndpoints: true });
    const run = await runContract({ baseUrl: legacy.url, includeOperationIds: removed, legacyEndpoints: true, seed: 42 });
    expect(lines(run)).toEqual([]);
    expect(run.summary.cases.run).toBeGreaterThan(removed.length);
    // Told nothing, the run expects the 404 the server answers today, and finds the old answers.
    const told = await runContract({ baseUrl: legacy.url, includeOperationIds: removed, seed: 42 });
    expect(new Set(told.findings.map((f) => f.operationId))).toEqual(new Set(removed));
  });
});

describe('the contract run against the mock', () => {
  it('covers every operation of the spec, deprecated ones included', () => {
    expect(result.operations).toHaveLength(82);
    expect(result.summary.cases.run).toBeGreaterThan(100);
  });

  it('finds nothing', () => {
    expect(lines(result)).toEqual([]);
  });

  it('expects the removed operations to be unknown routes, as on the server today', () => {
    const removed = result.operations.filter((r) => r.operation.deprecated);
    expect(removed.map((r) => r.operation.operationId).sort()).toEqual([
      'claimYswsHeartbeats',
      'createUserFromSlackOauth',
      'listYswsPrograms',
    ]);
    // One case each (the request of `plan/cases.ts` removedCase, expecting 404), answered as expected.
    for (const r of removed) expect([r.cases, r.findings.length]).toEqual([1, 0]);
  });

  it('skips only what the spec says cannot be generated (state changes, browser flows)', () => {
    const reasons = result.operations.flatMap((r) => r.skipped.map((s) => `${s.id}: ${s.reason}`));
    expect(reasons.filter((r) => !/changes state|browser flow/.test(r))).toEqual([]);
    expect(result.summary.operations.skipped).toBe(0);
  });
});
