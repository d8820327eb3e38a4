/**
 * @module
 * `--merge-reports`: the JSON reports of one run split with `--shard` put back together as the
 * report of the whole run — each operation's cases, skips and fuzzing added up, its findings
 * joined (a problem found by two shards counted once), its status and the summary recomputed, the
 * duration the longest shard's (they run side by side).
 */
import { readFileSync } from 'node:fs';
import { UsageError } from '../../spec/errors.js';
import type { FuzzStats } from '../events.js';
import type { JsonReport } from './json.js';

type JsonOperation = JsonReport['operations'][number];
type JsonFinding = JsonReport['findings'][number];

/** Reads one JSON report, or says why it is not one. */
export function readJsonReport(path: string): JsonReport {
  let report: Partial<JsonReport>;
  try {
    report = JSON.parse(readFileSync(path, 'utf8')) as Partial<JsonReport>;
  } catch (err) {
    throw new UsageError(`--merge-reports ${path}: ${(err as Error).message}`);
  }
  if (
    report.tool !== 'hackatime-kit contract' ||
    report.formatVersion !== 1 ||
    !Array.isArray(report.operations) ||
    !Array.isArray(report.findings)
  )
    throw new UsageError(`--merge-reports ${path}: not a JSON report of hackatime-kit contract (format 1)`);
  return report as JsonReport;
}

const addCounts = (a: Record<string, number>, b: Record<string, number>): Record<string, number> => {
  const out = { ...a };
  for (const [k, n] of Object.entries(b)) out[k] = (out[k] ?? 0) + n;
  return out;
};

function addFuzz(a: FuzzStats | null, b: FuzzStats | null): FuzzStats | null {
  if (a === null || b === null) return a ?? b;
  return { valid: addCounts(a.valid, b.valid), negative: addCounts(a.negative, b.negative), shrinking: a.shrinking + b.shrinking };
}

const findingKey = (f: JsonFinding): string => `${f.check}\u0000${f.operationId}\u0000${f.key ?? `${f.message}\u0000${f.pointer}`}`;

/**
 * @example
 * mergeReports([readJsonReport('shard-1.json'), readJsonReport('shard-2.json')]).summary.cases.run
 */
export function mergeReports(reports: readonly JsonReport[]): JsonReport {
  const [first] = reports;
  if (first === undefined) throw new UsageError('--merge-reports needs at least one report');
  for (const r of reports)
    if (r.baseUrl !== first.baseUrl || r.seed !== first.seed)
      throw new UsageError(
        `--merge-reports: the reports are of different runs (${r.baseUrl} seed ${r.seed} vs ${first.baseUrl} seed ${first.seed})`,
      );
  const seen = new Set<string>();
  const findings = reports.flatMap((r) => r.findings).filter((f) => !seen.has(findingKey(f)) && seen.add(findingKey(f)));
  const operations = new Map<string, JsonOperation>();
  for (const op of reports.flatMap((r) => r.operations)) {
    const known = operations.get(op.operationId);
    operations.set(
      op.operationId,
      known === undefined
        ? { ...op }
        : {
            ...known,
            cases: known.cases + op.cases,
            skipped: [...known.skipped, ...op.skipped],
            durationMs: Math.max(known.durationMs, op.durationMs),
            fuzz: addFuzz(known.fuzz, op.fuzz),
          },
    );
  }
  const merged = [...operations.values()].map((op) => {
    const own = findings.filter((f) => f.operationId === op.operationId);
    const status = own.some((f) => f.severity === 'error') ? 'failed' : op.cases === 0 && op.fuzz === null ? 'skipped' : 'passed';
    return { ...op, findings: own.length, status: status as JsonOperation['status'] };
  });
  const count = (s: string) => merged.filter((o) => o.status === s).length;
  return {
    ...first,
    summary: {
      operations: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
      cases: { run: merged.reduce((n, o) => n + o.cases, 0), skipped: merged.reduce((n, o) => n + o.skipped.length, 0) },
      findings: {
        errors: findings.filter((f) => f.severity === 'error').length,
        warnings: findings.filter((f) => f.severity === 'warning').length,
      },
      durationMs: Math.max(...reports.map((r) => r.summary.durationMs)),
    },
    operations: merged,
    findings,
  };
}
