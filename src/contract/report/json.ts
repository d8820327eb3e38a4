/**
 * @module
 * `--report json:PATH`: the run summary, every operation's outcome and one entry per finding.
 * The format is documented in docs/contract-report.md; `formatVersion` changes when it breaks.
 */
import type { RunEvent, RunFinished } from '../events.js';
import type { Reporter } from './reporter.js';
import { writeReport } from './write-file.js';

const JSON_REPORT_VERSION = 1;

/** The JSON report's shape (docs/contract-report.md), as written and as `--merge-reports` reads it. */
export type JsonReport = ReturnType<typeof jsonReport>;

function jsonReport(e: RunFinished) {
  return {
    tool: 'hackatime-kit contract',
    formatVersion: JSON_REPORT_VERSION as number,
    baseUrl: e.baseUrl,
    seed: e.seed,
    summary: e.summary,
    operations: e.operations.map((r) => ({
      operationId: r.operation.operationId,
      method: r.operation.method,
      path: r.operation.path,
      tags: r.operation.tags,
      deprecated: r.operation.deprecated,
      status: r.status,
      cases: r.cases,
      findings: r.findings.length,
      skipped: r.skipped.map((s) => ({ caseId: s.id, kind: s.kind, title: s.title, reason: s.reason })),
      durationMs: r.durationMs,
      fuzz: r.fuzz ?? null,
    })),
    findings: e.findings.map((f) => ({
      operationId: f.operationId,
      method: f.method,
      path: f.pathTemplate,
      check: f.check,
      severity: f.severity,
      title: f.title,
      message: f.message,
      status: f.status ?? null,
      pointer: f.pointer ?? null,
      pointers: f.pointers ?? (f.pointer === undefined ? [] : [f.pointer]),
      header: f.header ?? null,
      schemaPath: f.schemaPath ?? null,
      expected: f.expected ?? null,
      received: f.received ?? null,
      caseId: f.caseId,
      key: f.key,
      curl: f.curl,
      fuzz: f.fuzz ?? null,
    })),
  };
}

export const writeJsonReport = (path: string, report: JsonReport): Promise<void> =>
  writeReport(path, `${JSON.stringify(report, null, 2)}\n`);

export function jsonReporter(path: string): Reporter {
  let finished: RunFinished | undefined;
  return {
    onEvent(e: RunEvent) {
      if (e.type === 'run-finished') finished = e;
    },
    async close() {
      if (finished) await writeJsonReport(path, jsonReport(finished));
    },
  };
}
