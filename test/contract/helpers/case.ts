/**
 * @module
 * A case for unit tests: the anonymous valid request of a spec operation, with overrides.
 */
import type { Case } from '../../../src/contract/case.js';
import { loadSpec } from '../../../src/spec/load.js';

export function caseOf(operationId: string, overrides: Partial<Case> = {}): Case {
  const op = loadSpec().byOperationId.get(operationId);
  if (!op) throw new Error(`no operation ${operationId}`);
  return {
    id: `${operationId}/positive/none`,
    operationId,
    method: op.method.toUpperCase(),
    pathTemplate: op.path,
    path: op.path,
    query: [],
    headers: {},
    expectedStatuses: [200],
    kind: 'positive',
    title: 'valid request (anonymous)',
    auth: 'none',
    ...overrides,
  };
}
