import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.js';
import { urlOf } from '../../src/contract/send/request.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { getOperations, plannedGets } from '../helpers/get-cases.js';
import { NOW, SEED } from '../helpers/mock.js';

/**
 * Same seed, same `--now`, same requests → byte-identical answers, from two separately started
 * servers: every GET the contract runner would send (every security alternative, every negative).
 */
describe('two mocks with the same seed and clock', () => {
  const spec = loadSpec();
  let a: RunningMock;
  let b: RunningMock;
  let c: RunningMock;
  let cases: Case[];

  beforeAll(async () => {
    [a, b, c] = await Promise.all([
      startMock({ port: 0, seed: SEED, now: NOW }),
      startMock({ port: 0, seed: SEED, now: NOW }),
      startMock({ port: 0, seed: SEED + 1, now: NOW }),
    ]);
    cases = await plannedGets(spec, a.url, SEED, NOW);
  });
  afterAll(async () => Promise.all([a, b, c].map((m) => m?.close())));

  const body = async (mock: RunningMock, kase: Case) => {
    const res = await fetch(urlOf(mock.url, kase), { headers: kase.headers, redirect: 'manual' });
    // A redirect to the request's own host (GET /api/hackatime/v1) names the server's port: not the world's.
    const location = (res.headers.get('location') ?? '').replace(mock.url, '<this mock>');
    return `${res.status} ${res.headers.get('content-type') ?? ''} ${location}\n${await res.text()}`;
  };

  it('answer every GET of every operation byte for byte the same', async () => {
    const operations = new Set(cases.map((k) => k.operationId));
    expect(operations.size).toBe(getOperations(spec).length);
    for (const kase of cases) {
      const [first, second] = await Promise.all([body(a, kase), body(b, kase)]);
      expect(second, kase.id).toBe(first);
    }
  });

  it('while another seed makes another world', async () => {
    const stats = cases.find((k) => k.operationId === 'getUserStats' && k.kind === 'positive')!;
    const leaderboard = cases.find((k) => k.operationId === 'getWeeklyLeaderboard' && k.kind === 'positive')!;
    expect(await body(c, leaderboard)).not.toBe(await body(a, leaderboard));
    expect(await body(c, stats)).not.toBe(await body(a, stats));
  });
});
