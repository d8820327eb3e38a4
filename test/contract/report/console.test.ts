/**
 * The console report's table of findings per operation and check.
 */
import { describe, expect, it } from 'vitest';
import type { OperationResult } from '../../../src/contract/events.js';
import type { CheckName, Finding } from '../../../src/contract/findings.js';
import { consoleReporter } from '../../../src/contract/report/console.js';
import { caseOf } from '../helpers/case.js';

const finding = (operationId: string, check: CheckName, severity: Finding['severity'] = 'error'): Finding => ({
  check,
  operationId,
  method: 'GET',
  pathTemplate: '/p',
  title: 'T',
  message: 'M',
  severity,
  caseId: `${operationId}/positive/none`,
  key: `${check}${severity}${Math.random()}`,
  curl: "curl -X GET 'http://h/p'",
});

const result = (operationId: string, findings: Finding[]): OperationResult => ({
  operation: { operationId, method: 'GET', path: '/p', tags: [], deprecated: false },
  status: findings.some((f) => f.severity === 'error') ? 'failed' : 'passed',
  cases: 1,
  skipped: [],
  findings,
  durationMs: 1,
});

describe('the console report', () => {
  it('tables the findings per operation and check, errors and warnings apart', () => {
    const operations = [
      result('getUserStats', [finding('getUserStats', 'domain_invariant'), finding('getUserStats', 'domain_invariant')]),
      result('getSummaries', [finding('getSummaries', 'undocumented_property', 'warning'), finding('getSummaries', 'domain_invariant')]),
      result('getLeaderboard', []),
    ];
    const findings = operations.flatMap((r) => r.findings);
    let text = '';
    const reporter = consoleReporter({ write: (t) => (text += t) });
    const summary = {
      operations: { passed: 1, failed: 2, skipped: 0 },
      cases: { run: 3, skipped: 0 },
      findings: { errors: 3, warnings: 1 },
      durationMs: 5,
    };
    reporter.onEvent({ type: 'run-finished', baseUrl: 'http://h', seed: 1, operations, findings, summary });
    const table = text.split('\n').slice(text.split('\n').indexOf('FINDINGS BY OPERATION AND CHECK (errors; w = warnings)') + 2, -1);
    expect(table.slice(0, 3)).toEqual([
      '                domain_invariant  undocumented_property',
      '  getUserStats                 2                      ·',
      '  getSummaries                 1                     1w',
    ]);
  });

  it('says what accepted writes left on the server', () => {
    let text = '';
    const reporter = consoleReporter({ write: (t) => (text += t) });
    const operation = { operationId: 'postHeartbeat', method: 'POST', path: '/h', tags: [], deprecated: false };
    const kase = { ...caseOf('postHeartbeat'), method: 'POST' };
    for (const status of [201, 201, 400])
      reporter.onEvent({ type: 'case-finished', operation, case: kase, status, durationMs: 1, findings: [] });
    const summary = {
      operations: { passed: 1, failed: 0, skipped: 0 },
      cases: { run: 3, skipped: 0 },
      findings: { errors: 0, warnings: 0 },
      durationMs: 5,
    };
    reporter.onEvent({
      type: 'run-finished',
      baseUrl: 'http://h',
      seed: 1,
      operations: [result('postHeartbeat', [])],
      findings: [],
      summary,
    });
    expect(text).toContain(
      'Left on the server by accepted writes: postHeartbeat ×2 (recorded heartbeats go to the project hackatime-kit-contract).',
    );
  });
});
