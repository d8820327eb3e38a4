/**
 * @module
 * `--report junit:PATH`: one testcase per operation and check, named `operationId: check`, failed
 * by that check's error findings, skipped when the operation did not run or the check had no case
 * to judge (no request without credentials, no invalid parameter). Written on close.
 */
import type { CaseKind } from '../case.js';
import type { OperationResult, RunEvent, RunFinished } from '../events.js';
import { CHECK_NAMES, type CheckName, type Finding } from '../findings.js';
import { formatValue } from './format.js';
import { caseKinds, checkOutcome } from './outcome.js';
import type { Reporter } from './reporter.js';
import { writeReport } from './write-file.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are dropped
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const xml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!).replace(XML_FORBIDDEN, '');

function describe(f: Finding): string {
  const lines = [f.message];
  if (f.pointers !== undefined && f.pointers.length > 1) lines.push(`Pointers: ${f.pointers.join(', ')}`);
  else if (f.pointer !== undefined) lines.push(`Pointer: ${f.pointer === '' ? '(the whole body)' : f.pointer}`);
  if (f.header !== undefined) lines.push(`Header: ${f.header}`);
  if (f.schemaPath !== undefined) lines.push(`Schema: ${f.schemaPath}`);
  if (f.expected !== undefined) lines.push('Expected:', ...formatValue(f.expected).map((l) => `  ${l}`));
  if (f.received !== undefined || f.pointer !== undefined) lines.push('Received:', ...formatValue(f.received).map((l) => `  ${l}`));
  lines.push(`Reproduce: ${f.curl}`);
  return lines.join('\n');
}

function testcase(r: OperationResult, check: CheckName, kinds: ReadonlySet<CaseKind>): { xml: string; failed: boolean; skipped: boolean } {
  const name = `${r.operation.operationId}: ${check}`;
  const open = `    <testcase classname="${xml(r.operation.operationId)}" name="${xml(name)}" time="${(r.durationMs / 1000).toFixed(3)}">`;
  const close = '    </testcase>';
  const { outcome, reason } = checkOutcome(r, check, kinds);
  if (outcome === 'skipped' || outcome === 'not-applicable')
    return { xml: [open, `      <skipped message="${xml(reason ?? '')}"/>`, close].join('\n'), failed: false, skipped: true };
  const findings = r.findings.filter((f) => f.check === check);
  const errors = findings.filter((f) => f.severity === 'error');
  // One <failure> per testcase, as CI viewers show only one: every error finding of the check in it.
  const message = errors.length === 1 ? `${errors[0]!.title}: ${errors[0]!.message}` : `${errors.length} findings: ${errors[0]?.title}`;
  const body =
    errors.length === 0
      ? []
      : [`      <failure type="${check}" message="${xml(message)}">${xml(errors.map(describe).join('\n\n'))}</failure>`];
  const warnings = findings.filter((f) => f.severity === 'warning');
  if (warnings.length > 0) body.push(`      <system-out>${xml(warnings.map((f) => `warning: ${describe(f)}`).join('\n\n'))}</system-out>`);
  const xmlText = body.length === 0 ? `${open.slice(0, -1)}/>` : [open, ...body, close].join('\n');
  return { xml: xmlText, failed: errors.length > 0, skipped: false };
}

function junitXml(e: RunFinished, kindsByOperation: ReadonlyMap<string, ReadonlySet<CaseKind>>): string {
  const cases = e.operations.flatMap((r) =>
    CHECK_NAMES.map((check) => testcase(r, check, kindsByOperation.get(r.operation.operationId) ?? new Set())),
  );
  const failures = cases.filter((c) => c.failed).length;
  const skipped = cases.filter((c) => c.skipped).length;
  const time = (e.summary.durationMs / 1000).toFixed(3);
  const attrs = `tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hackatime-kit contract" ${attrs}>`,
    `  <testsuite name="${xml(`contract ${e.baseUrl}`)}" ${attrs}>`,
    ...cases.map((c) => c.xml),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export function junitReporter(path: string): Reporter {
  const kinds = caseKinds();
  let finished: RunFinished | undefined;
  return {
    onEvent(e: RunEvent) {
      kinds.onEvent(e);
      if (e.type === 'run-finished') finished = e;
    },
    async close() {
      if (finished) await writeReport(path, junitXml(finished, kinds.byOperation));
    },
  };
}
