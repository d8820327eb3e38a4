/**
 * @module
 * The one place a check's draft becomes a Finding: the operation's and the case's particulars, the
 * status, the curl line that reproduces the request, every known secret redacted.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case } from '../case.js';
import type { CheckName, Finding, FindingDraft } from '../findings.js';
import type { Redactor } from '../send/redact.js';

export interface FindingSubject {
  check: CheckName;
  op: Pick<IndexedOperation, 'operationId' | 'path'>;
  kase: Pick<Case, 'id' | 'method'>;
  /** The response status, when there was a response. */
  status?: number | undefined;
  /** The request as a curl line, already redacted. */
  curl: string;
}

/**
 * @example
 * findingOf({ title: 'Server error', message: '…', key: '500' }, { check: 'not_a_server_error', op, kase, status: 500, curl }, redactor)
 */
export function findingOf(draft: FindingDraft, subject: FindingSubject, redactor: Redactor): Finding {
  const { check, op, kase, status, curl } = subject;
  return redactor.deep({
    ...draft,
    check,
    operationId: op.operationId,
    method: kase.method,
    pathTemplate: op.path,
    severity: draft.severity ?? 'error',
    ...(status === undefined ? {} : { status }),
    caseId: kase.id,
    curl,
  });
}
