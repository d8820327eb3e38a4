import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../../src/contract/case.js';
import type { OperationRef, OperationResult } from '../../../src/contract/events.js';
import { junitReporter } from '../../../src/contract/report/junit.js';
import { tempDir } from '../../helpers/temp.js';
import { caseOf } from '../helpers/case.js';

const operation: OperationRef = { operationId: 'getSummaries', method: 'GET', path: '/summaries', tags: [], deprecated: false };
const result: OperationResult = { operation, status: 'passed', cases: 1, skipped: [], findings: [], durationMs: 5 };
const positive = caseOf('getSummaries');

async function junit(cases: Case[], operationResult: OperationResult = result): Promise<string> {
  const path = join(tempDir('junit'), 'report.xml');
  const reporter = junitReporter(path);
  for (const kase of cases) reporter.onEvent({ type: 'case-finished', operation, case: kase, status: 200, durationMs: 1, findings: [] });
  const summary = {
    operations: { passed: 1, failed: 0, skipped: 0 },
    cases: { run: 1, skipped: 0 },
    findings: { errors: 0, warnings: 0 },
    durationMs: 5,
  };
  reporter.onEvent({
    type: 'run-finished',
    baseUrl: 'http://127.0.0.1:1',
    seed: 1,
    operations: [operationResult],
    findings: operationResult.findings,
    summary,
  });
  await reporter.close();
  return readFileSync(path, 'utf8');
}

const skipped = (xml: string, check: string): string | undefined =>
  new RegExp(`name="getSummaries: ${check}"[^>]*>\\s*<skipped message="([^"]*)"`).exec(xml)?.[1];

describe('the JUnit report', () => {
  it('skips a check that declares case kinds the operation did not run, naming them', async () => {
    const xml = await junit([positive]);
    expect(skipped(xml, 'ignored_auth')).toBe('no request without credentials');
    expect(skipped(xml, 'negative_data_rejection')).toBe('no request with an invalid parameter');
    expect(skipped(xml, 'response_schema_conformance')).toBeUndefined();
  });

  it('runs it once a case of its kind ran', async () => {
    const xml = await junit([positive, { ...positive, id: 'getSummaries/invalid-param/x', kind: 'invalid-param' }]);
    expect(skipped(xml, 'negative_data_rejection')).toBeUndefined();
    expect(xml).toMatch(/<testcase classname="getSummaries" name="getSummaries: negative_data_rejection" time="0.005"\/>/);
  });

  it('writes one <failure> per testcase, with every finding of the check in it', async () => {
    const finding = (pointer: string) => ({
      check: 'domain_invariant' as const,
      operationId: 'getSummaries',
      method: 'GET',
      pathTemplate: '/summaries',
      title: 'Invariant sorted-by broken',
      message: `${pointer} is not sorted`,
      severity: 'error' as const,
      pointer,
      caseId: 'getSummaries/positive/none',
      key: pointer,
      curl: "curl -X GET 'http://h/summaries'",
    });
    const failed: OperationResult = { ...result, status: 'failed', findings: [finding('/data'), finding('/data/0/projects')] };
    const xml = await junit([positive], failed);
    const testcase = /name="getSummaries: domain_invariant"[^>]*>([\s\S]*?)<\/testcase>/.exec(xml)?.[1] ?? '';
    expect(testcase.match(/<failure /g)).toHaveLength(1);
    expect(testcase).toContain('message="2 findings: Invariant sorted-by broken"');
    expect(testcase).toContain('/data is not sorted');
    expect(testcase).toContain('/data/0/projects is not sorted');
  });
});
