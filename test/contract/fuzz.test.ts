/**
 * `contract --fuzz`: CI's fuzz run (a fixed seed, 200 generated requests per operation, every
 * operation, deprecated ones included) against the real mock must find nothing; and against a mock
 * with one planted bug the fuzzer must find it, shrink it to the smallest failing request and print
 * the seed and that request's curl line.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractOptions } from '../../src/contract/command.js';
import type { RunEvent } from '../../src/contract/events.js';
import { crashingParameters } from '../../src/contract/plan/expectations.js';
import { consoleReporter } from '../../src/contract/report/console.js';
import { type ContractResult, runContract } from '../../src/contract/runner.js';
import { mountAdmin } from '../../src/mock/admin/routes.js';
import { buildApp } from '../../src/mock/app.js';
import { handlers } from '../../src/mock/handlers/index.js';
import { MockState } from '../../src/mock/state.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { fixedClock } from '../../src/world/clock.js';
import { createWorld } from '../../src/world/store.js';
import { NOW, SEED } from '../helpers/mock.js';

// Requests per operation: 82 operations × 100 (more than 200 × 37 before the admin API came in).
const RUNS = 100;
const spec = loadSpec();
/** Operations with a parameter whose bad value the spec documents as a 500 (getMyHeartbeats' start_time, …). */
const DOCUMENTED_CRASHES = spec.operations.filter((op) => crashingParameters(spec.document, op).size > 0).map((op) => op.operationId);

/** One line per finding, so a failure names every operation and check at once. */
const lines = (r: ContractResult) =>
  r.findings.map((f) => `${f.operationId} ${f.check} [${f.caseId} → ${f.status ?? 'no answer'}] ${f.message}\n    ${f.curl.slice(0, 400)}`);

const sum = (counts: Record<string, number>, keep: (status: string) => boolean = () => true) =>
  Object.entries(counts).reduce((n, [status, c]) => n + (keep(status) ? c : 0), 0);

describe('the fuzz run against the mock (CI)', () => {
  let mock: RunningMock;
  let result: ContractResult;

  /** The operations the server still has: the removed ones are planned as one 404 each, not fuzzed. */
  const live = (r: ContractResult) => r.operations.filter((o) => !o.operation.deprecated);

  beforeAll(async () => {
    // The fuzzer tests how requests are read and refused, not the history's length: a month of it
    // (a year of first reads per generated user and window would double the run's time).
    mock = await startMock({ port: 0, seed: SEED, now: NOW, days: 30 });
    // A timeout far above any local answer: a busy machine must not turn into a finding.
    result = await runContract({ baseUrl: mock.url, includeDeprecated: true, seed: 42, fuzz: { runs: RUNS }, timeoutMs: 30_000 });
    // A hang guard, not a speed check: 82 operations × 200 requests take about 30 s on a quiet
    // 2-core machine, several times that on a busy one.
  }, 480_000);
  afterAll(async () => mock?.close());

  it('finds nothing, not even a warning', () => {
    expect(lines(result)).toEqual([]);
  });

  it(`sends ${RUNS} generated requests to every operation but the removed ones (all the same 404)`, () => {
    expect(result.operations).toHaveLength(82);
    const short = live(result)
      .filter((r) => !r.fuzz || sum(r.fuzz.valid) + sum(r.fuzz.negative) !== RUNS)
      .map((r) => r.operation.operationId);
    expect(short).toEqual([]);
  });

  it('never answers a timeout, a network error, or a 5xx but for a parameter documented to crash', () => {
    const broken = live(result).flatMap((r) =>
      Object.entries({ ...r.fuzz!.valid, ...r.fuzz!.negative })
        .filter(
          ([status]) =>
            status === 'timeout' ||
            status === 'network' ||
            (Number(status) >= 500 && !DOCUMENTED_CRASHES.includes(r.operation.operationId)),
        )
        .map(([status, n]) => `${r.operation.operationId}: ${n}× ${status}`),
    );
    expect(broken).toEqual([]);
  });

  it('gets a success for most valid requests (realistic users, projects and dates)', () => {
    const valid = live(result).map((r) => r.fuzz!.valid);
    const all = valid.reduce((n, v) => n + sum(v), 0);
    const ok = valid.reduce((n, v) => n + sum(v, (s) => Number(s) >= 200 && Number(s) < 400), 0);
    expect(ok / all).toBeGreaterThan(0.7);
  });

  it('sends every kind of hostile request', () => {
    const negative = Object.fromEntries(live(result).map((r) => [r.operation.operationId, r.fuzz!.negative]));
    expect(negative['postHeartbeat']).toMatchObject({
      400: expect.any(Number),
      401: expect.any(Number),
      404: expect.any(Number),
      413: expect.any(Number),
    });
    expect(negative['getSummaries']).toMatchObject({ 400: expect.any(Number) });
    expect(negative['createOAuthToken']).toMatchObject({ 400: expect.any(Number), 413: expect.any(Number) });
  });
});

describe('the fuzzer against a planted bug', () => {
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const clock = fixedClock(NOW);
    const world = createWorld({ seed: SEED, now: NOW, users: 12, days: 3 });
    const state = new MockState(world);
    // An operation none of whose parameters documents a 500 for a bad value.
    const original = handlers['getBadge']!;
    const app = buildApp({
      state,
      clock,
      extend: (a) => mountAdmin(a, { state, clock }),
      handlers: {
        ...handlers,
        // The bug: any query value over 50 characters crashes the badge.
        getBadge: {
          ...original,
          handle(ctx) {
            if ([...ctx.search.values()].some((v) => v.length > 50)) throw new Error('planted bug');
            return original.handle(ctx);
          },
        },
      },
    });
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((resolve) => server.close(() => resolve()));
  });
  afterAll(async () => close?.());

  it('finds it, shrinks it to one 51-character value and prints the seed and the curl line', async () => {
    let printed = '';
    const reporter = consoleReporter({ write: (text) => (printed += text) });
    const result = await runContract({
      baseUrl: url,
      includeOperationIds: ['getBadge'],
      fixturesDir: null,
      seed: 7,
      fuzz: { runs: 100 },
      onEvent: (e: RunEvent) => reporter.onEvent(e),
    });
    const errors = result.findings.filter((f) => f.severity === 'error');
    // (status_code_conformance also fires while the spec documents no 500 for the operation.)
    expect(errors.map((f) => f.check)).toContain('not_a_server_error');
    const finding = errors.find((f) => f.check === 'not_a_server_error')!;
    expect(finding.fuzz).toMatchObject({ seed: 7, runs: 100, group: 'valid' });
    expect(finding.fuzz!.shrinks).toBeGreaterThan(0);
    // The smallest failing request: anonymous, one query value of exactly 51 'a'.
    expect(finding.curl).toMatch(/^curl -X GET 'http:\/\/127\.0\.0\.1:\d+\/api\/v1\/badge\/[^?]+\?\w+=a{51}'$/);
    expect(printed).toContain(`--fuzz 100 --seed 7 --include-operation-id getBadge`);
    expect(printed).toContain(finding.curl);
  });
});

describe('--fuzz on the command line', () => {
  it('sets the generated requests per operation; --seed seeds them', () => {
    const parsed = contractOptions(['--base-url', 'http://127.0.0.1:4010', '--fuzz', '200', '--seed', '42'], {});
    expect(parsed).not.toBe('help');
    expect(typeof parsed === 'object' && 'options' in parsed && parsed.options).toMatchObject({ fuzz: { runs: 200 }, seed: 42 });
  });

  it('refuses a count that is not a whole number of at least 1', () => {
    expect(() => contractOptions(['--base-url', 'http://127.0.0.1:4010', '--fuzz', 'lots'], {})).toThrow(
      '--fuzz must be a whole number, not "lots"',
    );
    expect(() => contractOptions(['--base-url', 'http://127.0.0.1:4010', '--fuzz', '0'], {})).toThrow('--fuzz must be at least 1');
  });
});
