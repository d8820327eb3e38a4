/**
 * @module
 * The console report: a header, one line per operation as it finishes (in spec order), a table of
 * findings per operation and check, then each
 * finding with its case, JSON pointer, expected schema, received value and a curl line (the
 * credentials' environment variables named once above them), and last the summary line
 * `N passed, N failed, N skipped`.
 */
import type { FuzzStats, OperationResult, RunEvent, RunFinished, RunStarted } from '../events.js';
import type { Finding } from '../findings.js';
import { CONTRACT_PROJECT } from '../plan/variables.js';
import { writes as changesState } from '../plan/writes.js';
import { curlVariableNames, formatValue, plural } from './format.js';
import type { Reporter } from './reporter.js';

export interface ConsoleReporterOptions {
  write: (text: string) => void;
}

const LABEL: Record<OperationResult['status'], string> = { passed: 'PASSED ', failed: 'FAILED ', skipped: 'SKIPPED' };
const indent = (lines: string[], by: string): string[] => lines.map((l) => `${by}${l}`);

function header(e: RunStarted): string[] {
  return [
    'hackatime-kit contract',
    `  Base URL:     ${e.baseUrl}`,
    `  Credentials:  ${e.target}`,
    `  Seed:         ${e.seed}`,
    `  Operations:   ${e.operations.length} (${plural(e.cases, 'case')}, concurrency ${e.concurrency})`,
    ...(e.fuzzRuns === undefined ? [] : [`  Fuzz:         ${plural(e.fuzzRuns, 'generated request')} per operation`]),
    '',
  ];
}

function reasons(result: OperationResult): string {
  return [...new Set(result.skipped.map((s) => s.reason))].join('; ');
}

function operationLine(r: OperationResult, idWidth: number, routeWidth: number): string {
  const route = `${r.operation.method.padEnd(4)} ${r.operation.path}`;
  const start = `  ${LABEL[r.status]}  ${r.operation.operationId.padEnd(idWidth)}  ${route.padEnd(routeWidth)}`;
  if (r.status === 'skipped') return `${start}  ${reasons(r)}`;
  const parts = [plural(r.cases, 'case')];
  if (r.fuzz) parts.push(`${fuzzed(r.fuzz)} fuzzed`);
  if (r.skipped.length > 0) parts.push(`${r.skipped.length} skipped (${reasons(r)})`);
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const warnings = r.findings.length - errors;
  if (errors > 0) parts.push(plural(errors, 'finding'));
  if (warnings > 0) parts.push(plural(warnings, 'warning'));
  return `${start}  ${parts.join(', ')}  (${r.durationMs} ms)`;
}

const fuzzed = (stats: FuzzStats): number => [...Object.values(stats.valid), ...Object.values(stats.negative)].reduce((n, c) => n + c, 0);

function findingBlock(f: Finding, n: number, caseTitles: ReadonlyMap<string, string>): string[] {
  const lines = [`${n}. ${f.check}: ${f.title}`, `   ${f.message}`];
  const title = caseTitles.get(f.caseId) ?? f.caseId;
  lines.push(`   Case:     ${title}${f.status === undefined ? '' : ` → ${f.status}`}`);
  if (f.pointers !== undefined && new Set(f.pointers).size > 1) lines.push(`   Pointers: ${[...new Set(f.pointers)].join(', ')}`);
  else if (f.pointer !== undefined) lines.push(`   Pointer:  ${f.pointer === '' ? '(the whole body)' : f.pointer}`);
  if (f.header !== undefined) lines.push(`   Header:   ${f.header}`);
  if (f.expected !== undefined) {
    const value = formatValue(f.expected);
    const label = f.schemaPath ? `   Expected (${f.schemaPath}):` : '   Expected:';
    lines.push(...(value.length === 1 ? [`${label} ${value[0]}`] : [label, ...indent(value, '       ')]));
  } else if (f.schemaPath) {
    lines.push(`   Schema:   ${f.schemaPath}`);
  }
  if (f.received !== undefined || f.pointer !== undefined || f.header !== undefined) {
    const value = formatValue(f.received);
    lines.push(...(value.length === 1 ? [`   Received: ${value[0]}`] : ['   Received:', ...indent(value, '       ')]));
  }
  lines.push('   Reproduce:', `       ${f.curl}`, '');
  return lines;
}

function details(
  title: string,
  results: readonly OperationResult[],
  severity: Finding['severity'],
  caseTitles: ReadonlyMap<string, string>,
): string[] {
  const lines: string[] = [];
  for (const r of results) {
    const findings = r.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    lines.push(`── ${r.operation.operationId} · ${r.operation.method} ${r.operation.path}`, '');
    for (const [i, f] of findings.entries()) lines.push(...findingBlock(f, i + 1, caseTitles));
  }
  return lines.length === 0 ? [] : [title, '', ...lines];
}

/** The environment variables the findings' curl lines read, named once so a person can set them. */
function curlVariablesLine(findings: readonly Finding[]): string[] {
  const names = curlVariableNames(findings);
  if (names.length === 0) return [];
  return [`The curl lines read the run's credentials from ${names.map((n) => `$${n}`).join(', ')}: set them before running one.`, ''];
}

/**
 * Findings per operation and check, as a table: a row per operation with findings, a column per
 * check that has any; a cell is the error count, with warnings as `+Nw`, `·` for none.
 */
function summaryTable(results: readonly OperationResult[]): string[] {
  const rows = results.filter((r) => r.findings.length > 0);
  if (rows.length === 0) return [];
  const checks = [...new Set(rows.flatMap((r) => r.findings.map((f) => f.check)))];
  const cell = (r: OperationResult, check: string): string => {
    const found = r.findings.filter((f) => f.check === check);
    const errors = found.filter((f) => f.severity === 'error').length;
    const warnings = found.length - errors;
    if (found.length === 0) return '·';
    return warnings === 0 ? String(errors) : errors === 0 ? `${warnings}w` : `${errors}+${warnings}w`;
  };
  const idWidth = Math.max(...rows.map((r) => r.operation.operationId.length));
  const line = (first: string, cells: string[]) =>
    `  ${first.padEnd(idWidth)}  ${cells.map((c, i) => c.padStart(checks[i]!.length)).join('  ')}`.trimEnd();
  return [
    'FINDINGS BY OPERATION AND CHECK (errors; w = warnings)',
    '',
    line('', checks),
    ...rows.map((r) =>
      line(
        r.operation.operationId,
        checks.map((c) => cell(r, c)),
      ),
    ),
    '',
  ];
}

/** What the run's accepted writes left on the server, per operation (`postHeartbeat ×3`). */
function leftBehind(writes: ReadonlyMap<string, number>): string[] {
  if (writes.size === 0) return [];
  const list = [...writes].map(([op, n]) => `${op} ×${n}`).join(', ');
  return [`Left on the server by accepted writes: ${list} (recorded heartbeats go to the project ${CONTRACT_PROJECT}).`, ''];
}

function footer(e: RunFinished, caseTitles: ReadonlyMap<string, string>, writes: ReadonlyMap<string, number>): string[] {
  const { summary } = e;
  const seconds = (summary.durationMs / 1000).toFixed(2);
  return [
    '',
    ...leftBehind(writes),
    ...summaryTable(e.operations),
    ...curlVariablesLine(e.findings),
    ...details('FAILURES', e.operations, 'error', caseTitles),
    ...details('WARNINGS', e.operations, 'warning', caseTitles),
    `${plural(summary.findings.errors, 'error')}, ${plural(summary.findings.warnings, 'warning')} · ${summary.cases.run} cases run, ${summary.cases.skipped} skipped · ${seconds} s · seed ${e.seed}`,
    `${summary.operations.passed} passed, ${summary.operations.failed} failed, ${summary.operations.skipped} skipped`,
  ];
}

export function consoleReporter({ write }: ConsoleReporterOptions): Reporter {
  const caseTitles = new Map<string, string>();
  const writes = new Map<string, number>();
  let idWidth = 0;
  let routeWidth = 0;
  const out = (lines: string[]) => write(`${lines.join('\n')}\n`);
  return {
    onEvent(e: RunEvent) {
      if (e.type === 'run-started') {
        idWidth = Math.max(...e.operations.map((o) => o.operationId.length));
        routeWidth = Math.max(...e.operations.map((o) => o.path.length + 5));
        out(header(e));
      } else if (e.type === 'case-finished') {
        caseTitles.set(e.case.id, e.case.title);
        const accepted = e.status !== undefined && e.status >= 200 && e.status < 300;
        if (accepted && changesState(e.case)) writes.set(e.operation.operationId, (writes.get(e.operation.operationId) ?? 0) + 1);
      } else if (e.type === 'operation-finished') {
        out([operationLine(e.result, idWidth, routeWidth)]);
      } else if (e.type === 'run-finished') {
        out(footer(e, caseTitles, writes));
      }
    },
    close: async () => {},
  };
}
