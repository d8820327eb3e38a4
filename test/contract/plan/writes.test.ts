/**
 * The writes policy: against a host that is not loopback, nothing that can change state is sent
 * without --allow-writes, and each skip says why.
 */
import { describe, expect, it } from 'vitest';
import type { PlannedCase } from '../../../src/contract/case.js';
import { planOperation } from '../../../src/contract/plan/cases.js';
import { FIXTURES_DIR, loadRecordedCases } from '../../../src/contract/plan/fixtures.js';
import type { Target } from '../../../src/contract/plan/variables.js';
import { isLoopback } from '../../../src/contract/plan/writes.js';
import { loadSpec } from '../../../src/spec/load.js';
import { validatorFor } from '../../../src/spec/validator.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);
const recorded = loadRecordedCases(FIXTURES_DIR, spec);

const target: Target = {
  baseUrl: 'https://hackatime.example.org',
  credentials: { apiKey: 'api-key-123456', oauthTokens: [] },
  variables: { username: 'orpheus', unknown_user: 'nobody-1' },
  today: '2026-08-22',
  source: 'flags',
  secrets: [],
};

const plan = (operationId: string, allowWrites: boolean): PlannedCase[] =>
  planOperation(spec.byOperationId.get(operationId)!, {
    target,
    validator,
    seed: 1,
    recorded: recorded.filter((r) => r.operationId === operationId),
    allowWrites,
  });

describe('isLoopback', () => {
  it('knows this machine by name and address, and nothing else', () => {
    for (const url of ['http://127.0.0.1:4010', 'http://localhost:4010', 'http://api.localhost', 'http://[::1]:4010', 'http://127.8.9.10'])
      expect(isLoopback(url), url).toBe(true);
    for (const url of ['https://hackatime.hackclub.com', 'http://10.0.0.2:4010', 'http://192.168.1.5', 'http://127.0.0.1.example.org'])
      expect(isLoopback(url), url).toBe(false);
  });
});

describe('writes against a host that is not loopback', () => {
  it('are skipped without --allow-writes, saying why; requests without credentials still run', () => {
    const planned = plan('postHeartbeat', false);
    const skipped = planned.flatMap((p) => ('skip' in p ? [p.skip] : []));
    const run = planned.flatMap((p) => ('run' in p ? [p.run] : []));
    expect(skipped.filter((s) => s.kind === 'recorded').length).toBeGreaterThan(0);
    expect(new Set(skipped.filter((s) => s.kind === 'recorded').map((s) => s.reason))).toEqual(
      new Set(['changes state on hackatime.example.org, which is not loopback: needs --allow-writes']),
    );
    expect(run.length).toBeGreaterThan(0);
    expect(run.every((c) => c.kind === 'no-auth')).toBe(true);
  });

  it('are planned with --allow-writes, and reads are never touched', () => {
    expect(plan('postHeartbeat', true).some((p) => 'run' in p && p.run.kind === 'recorded')).toBe(true);
    expect(plan('getUserStats', false)).toEqual(plan('getUserStats', true));
  });
});
