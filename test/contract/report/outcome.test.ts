import { describe, expect, it } from 'vitest';
import type { OperationRef, OperationResult } from '../../../src/contract/events.js';
import type { Finding } from '../../../src/contract/findings.js';
import { checkOutcome } from '../../../src/contract/report/outcome.js';

const operation: OperationRef = { operationId: 'lookupUserBySlackUid', method: 'GET', path: '/lookup', tags: [], deprecated: false };
const ran: OperationResult = { operation, status: 'passed', cases: 1, skipped: [], findings: [], durationMs: 1 };
const finding = (severity: 'error' | 'warning'): Finding => ({
  check: 'undocumented_property',
  operationId: operation.operationId,
  method: 'GET',
  pathTemplate: '/lookup',
  title: 'Undocumented property',
  message: 'karma is not documented',
  severity,
  caseId: 'c',
  key: severity,
  curl: 'curl',
});

describe('the outcome of a check on an operation', () => {
  it('is skipped, with the reasons, when the operation did not run', () => {
    const skipped: OperationResult = {
      ...ran,
      status: 'skipped',
      cases: 0,
      skipped: [{ id: 'a', operationId: operation.operationId, kind: 'positive', title: 'valid request', reason: 'needs --admin-key' }],
    };
    expect(checkOutcome(skipped, 'not_a_server_error', new Set())).toEqual({ outcome: 'skipped', reason: 'needs --admin-key' });
  });

  it('is not applicable when the check judges case kinds that did not run', () => {
    expect(checkOutcome(ran, 'ignored_auth', new Set(['positive']))).toEqual({
      outcome: 'not-applicable',
      reason: 'no request without credentials',
    });
  });

  it('is failed by an error, warning by warnings only, else passed', () => {
    const kinds = new Set(['positive'] as const);
    expect(checkOutcome({ ...ran, findings: [finding('warning'), finding('error')] }, 'undocumented_property', kinds).outcome).toBe(
      'failed',
    );
    expect(checkOutcome({ ...ran, findings: [finding('warning')] }, 'undocumented_property', kinds).outcome).toBe('warning');
    expect(checkOutcome({ ...ran, findings: [finding('warning')] }, 'not_a_server_error', kinds).outcome).toBe('passed');
  });
});
