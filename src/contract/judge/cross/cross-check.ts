/**
 * @module
 * What a cross-check is: a rule that spans operations, so no spec extension can hold it. It names
 * the requests it needs (built like valid requests, with its own query parameters) and compares
 * their answers. Only what the real server guarantees is asserted; an answer that is not a 200 with
 * a JSON body is not compared (the operation's own cases report it).
 */
import type { IndexedOperation } from '../../../spec/operations.js';
import type { Case, CaseBody } from '../../case.js';
import type { FindingDraft } from '../../findings.js';
import { alternativesOf } from '../../plan/auth.js';
import type { PlanContext } from '../../plan/plan-context.js';
import { buildParts } from '../../plan/request-parts.js';
import { type Filled, howToSet, interpolate } from '../../plan/variables.js';

/** One request of a cross-check: an operation, and query parameters on top of a valid request. */
export interface CrossRequest {
  operationId: string;
  /** Values may name the run's variables (`{{user_numeric_id}}`); a missing one skips the check. */
  query: Record<string, string>;
  /** The body to send (a write: the driver sends it only where writes are allowed). */
  body?: CaseBody;
  /** The statuses whose answers are compared; 200 when absent. */
  expect?: number[];
}

export interface CrossCheck {
  name: string;
  /** What it asserts, in one sentence. */
  summary: string;
  /** Its requests, in sending order; findings are reported on the first one's operation. */
  requests: (ctx: Pick<PlanContext, 'target'>) => readonly CrossRequest[];
  /** The JSON bodies of the answers (each of an expected status), in request order. */
  judge: (bodies: readonly unknown[], cases: readonly Case[]) => FindingDraft[];
}

/**
 * A valid request of `op` with `query` set on top, authenticated by the first credentialed
 * alternative the run can fill (anonymous last: a user's own data is what is compared).
 */
export function crossCase(
  check: CrossCheck,
  op: IndexedOperation,
  request: CrossRequest,
  ctx: Pick<PlanContext, 'target'>,
  n: number,
): Filled<Case> {
  const alternatives = [...alternativesOf(op)].sort((a, b) => Number(a.scheme === 'none') - Number(b.scheme === 'none'));
  const filled = interpolate(request.query, ctx.target);
  if (!filled.ok) return { ok: false, missing: howToSet(filled.missing) };
  let missing = 'no security alternative';
  for (const alt of alternatives) {
    const parts = buildParts(op, ctx.target, alt);
    if (!parts.ok) {
      missing = parts.missing;
      continue;
    }
    const names = new Set(Object.keys(filled.value));
    const query: [string, string][] = [...parts.value.query.filter(([k]) => !names.has(k)), ...Object.entries(filled.value)];
    return {
      ok: true,
      value: {
        id: `${op.operationId}/cross/${check.name}/${n}`,
        operationId: op.operationId,
        kind: 'positive',
        title: `${check.name}: request ${n}`,
        method: op.method.toUpperCase(),
        pathTemplate: op.path,
        ...parts.value,
        query,
        ...(request.body === undefined ? {} : { body: request.body }),
        expectedStatuses: request.expect ?? [200],
        auth: alt.scheme,
      },
    };
  }
  return { ok: false, missing };
}
