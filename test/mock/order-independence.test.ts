import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.js';
import { urlOf } from '../../src/contract/send/request.js';
import { createMock, type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { plannedGets } from '../helpers/get-cases.js';
import { NOW, SEED } from '../helpers/mock.js';

/**
 * The world generates a user-day when a read first needs it and may forget it later: what a mock
 * answers must not depend on which reads came first, nor on what its cache still holds.
 */
describe('answers do not depend on the order of requests', () => {
  const spec = loadSpec();
  const BASE = 'http://127.0.0.1:4010';
  let planner: RunningMock;
  let cases: Case[];

  beforeAll(async () => {
    planner = await startMock({ port: 0, seed: SEED, now: NOW });
    cases = await plannedGets(spec, planner.url, SEED, NOW);
  });
  afterAll(async () => planner?.close());

  /** Every case's answer, asked in `order`, keyed by case id. */
  async function answers(order: readonly Case[], cacheBytes?: number): Promise<Map<string, string>> {
    const mock = createMock({ seed: SEED, now: NOW, ...(cacheBytes === undefined ? {} : { cacheBytes }) });
    const out = new Map<string, string>();
    for (const kase of order) {
      const res = await mock.app.request(urlOf(BASE, kase), { headers: kase.headers, redirect: 'manual' });
      out.set(kase.id, `${res.status} ${res.headers.get('content-type') ?? ''} ${res.headers.get('location') ?? ''}\n${await res.text()}`);
    }
    return out;
  }

  it('two mocks fed the same GETs in opposite orders answer byte for byte the same', async () => {
    expect(cases.length).toBeGreaterThan(50);
    const forward = await answers(cases);
    const backward = await answers(cases.slice().reverse());
    for (const kase of cases) expect(backward.get(kase.id), kase.id).toBe(forward.get(kase.id));
  });

  it('and so does a mock whose cache of generated days forgets them between reads', async () => {
    const forward = await answers(cases);
    // 64 kB holds a handful of user-days: nearly every read regenerates what it needs.
    const evicting = await answers(cases.slice().reverse(), 64 * 1024);
    for (const kase of cases) expect(evicting.get(kase.id), kase.id).toBe(forward.get(kase.id));
  });
});
