/**
 * The GET requests the contract runner would send to a mock (every operation outside `/oauth/`,
 * every security alternative, every negative): the traffic the determinism tests replay.
 */
import type { Case } from '../../src/contract/case.js';
import { planOperation } from '../../src/contract/plan/cases.js';
import type { Target } from '../../src/contract/plan/variables.js';
import { resolveTarget } from '../../src/contract/send/target.js';
import type { LoadedSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';

/** Plans the GET cases against the mock at `baseUrl` (its credentials come from `/__mock/credentials`). */
export async function plannedGets(spec: LoadedSpec, baseUrl: string, seed: number, now: number): Promise<Case[]> {
  const target: Target = await resolveTarget({
    baseUrl,
    credentials: {},
    variables: {},
    seed,
    detectMock: true,
    timeoutMs: 10_000,
    retries: 0,
    headers: {},
    spec,
    now: () => now,
  });
  const validator = validatorFor(spec.document);
  return getOperations(spec)
    .flatMap((op) => planOperation(op, { target, validator, seed, recorded: [] }))
    .flatMap((planned) => ('run' in planned ? [planned.run] : []));
}

/** The operations those cases cover. */
export function getOperations(spec: LoadedSpec): LoadedSpec['operations'] {
  return spec.operations.filter((op) => op.method === 'get' && !op.path.startsWith('/oauth/'));
}
