/**
 * Resolving the target against the mock: the project the plan fills in is one the user really has in
 * the windows the plan sends (the real clock too), and a mock that guards `/__mock/*` with its admin
 * token is read with `--admin-token`, which is then a secret like any credential.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planOperation } from '../../../src/contract/plan/cases.js';
import { resolveTarget, type TargetInput } from '../../../src/contract/send/target.js';
import { type RunningMock, startMock } from '../../../src/server/server.js';
import { loadSpec } from '../../../src/spec/load.js';
import { validatorFor } from '../../../src/spec/validator.js';
import { NOW } from '../../helpers/mock.js';

const spec = loadSpec();
const TOKEN = 'team-token-0123456789abcdef';

const input = (baseUrl: string, extra: Partial<TargetInput> = {}): TargetInput => ({
  baseUrl,
  credentials: {},
  variables: {},
  seed: 7,
  detectMock: true,
  timeoutMs: 10_000,
  retries: 0,
  headers: {},
  spec,
  now: Date.now,
  ...extra,
});

/** Every getUserProject request the plan makes for `mock` that expects a 200, with the status it got. */
async function projectAnswers(mock: RunningMock): Promise<{ url: string; status: number }[]> {
  const target = await resolveTarget(input(mock.url));
  const op = spec.byOperationId.get('getUserProject');
  if (!op) throw new Error('no getUserProject in the spec');
  const cases = planOperation(op, { target, validator: validatorFor(spec.document), seed: 7, recorded: [] })
    .flatMap((planned) => ('run' in planned ? [planned.run] : []))
    .filter((c) => c.expectedStatuses.includes(200));
  expect(cases.length).toBeGreaterThan(2);
  return Promise.all(
    cases.map(async (c) => {
      const url = `${mock.url}${c.path}?${new URLSearchParams(c.query).toString()}`;
      return { url, status: (await fetch(url, { headers: c.headers })).status };
    }),
  );
}

describe('the project the plan fills in', () => {
  // The real clock once gave a project without heartbeats in the last week: `start=today-6` → 404.
  for (const [label, now] of [
    ['the real clock', undefined],
    ['a fixed clock', NOW],
  ] as const) {
    it(`has heartbeats in every window the plan sends (${label}, several seeds)`, async () => {
      for (const seed of [1, 2, 3, 42]) {
        const mock = await startMock({ port: 0, seed, ...(now === undefined ? {} : { now }) });
        try {
          for (const answer of await projectAnswers(mock)) expect(answer, `seed ${seed}`).toMatchObject({ status: 200 });
        } finally {
          await mock.close();
        }
      }
    }, 30_000);
  }
});

describe('a mock whose admin API needs its token', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, now: NOW, adminToken: TOKEN });
  });
  afterAll(async () => mock?.close());

  it('is read with the admin token, which joins the secrets to redact', async () => {
    const target = await resolveTarget(input(mock.url, { mockAdminToken: TOKEN }));
    expect(target.source).toContain('/__mock/credentials');
    expect(target.credentials.apiKey).toBe('11111111-1111-4111-8111-111111111111');
    expect(target.secrets).toContain(TOKEN);
  });

  it('without the token, falls back to flags (the credentials stay behind the 401)', async () => {
    const target = await resolveTarget(input(mock.url));
    expect(target.source).toBe('flags, environment and --vars');
    expect(target.credentials.apiKey).toBeUndefined();
  });

  it('refuses to run with a wrong token, saying so', async () => {
    await expect(resolveTarget(input(mock.url, { mockAdminToken: 'wrong-token-0123456789' }))).rejects.toThrow(
      "refused the admin token (--admin-token): check it against the mock's banner",
    );
  });
});
