/**
 * @module
 * What a run tells its reporters, in order: RunStarted, then per operation OperationStarted,
 * CaseFinished…, OperationFinished (operations finish in spec order), then RunFinished.
 */
import type { IndexedOperation } from '../spec/operations.js';
import type { Case, SkippedCase } from './case.js';
import type { Finding } from './findings.js';

export interface OperationRef {
  operationId: string;
  method: string;
  path: string;
  tags: string[];
  deprecated: boolean;
}

/** How events name an operation. */
export const operationRef = (op: IndexedOperation): OperationRef => ({
  operationId: op.operationId,
  method: op.method.toUpperCase(),
  path: op.path,
  tags: op.tags,
  deprecated: op.deprecated,
});

type OperationStatus = 'passed' | 'failed' | 'skipped';

/** What the fuzzer sent to one operation: per generator, the statuses received (`timeout`, `network`). */
export interface FuzzStats {
  valid: Record<string, number>;
  negative: Record<string, number>;
  /** Requests sent while shrinking a failure. */
  shrinking: number;
}

export interface OperationResult {
  operation: OperationRef;
  status: OperationStatus;
  /** Cases that ran. */
  cases: number;
  skipped: SkippedCase[];
  /** Deduplicated, in case order. */
  findings: Finding[];
  durationMs: number;
  /** With `--fuzz`. */
  fuzz?: FuzzStats;
}

export interface RunSummary {
  operations: { passed: number; failed: number; skipped: number };
  cases: { run: number; skipped: number };
  findings: { errors: number; warnings: number };
  durationMs: number;
}

export interface RunStarted {
  type: 'run-started';
  baseUrl: string;
  seed: number;
  /** Where the credentials and variables came from, e.g. `mock (/__mock/credentials)`. */
  target: string;
  operations: OperationRef[];
  cases: number;
  concurrency: number;
  /** With `--fuzz N`: N generated requests per operation. */
  fuzzRuns?: number;
}

interface OperationStarted {
  type: 'operation-started';
  operation: OperationRef;
}

interface CaseFinished {
  type: 'case-finished';
  operation: OperationRef;
  case: Case;
  /** The status received; undefined when no answer came (timeout, network error). */
  status: number | undefined;
  durationMs: number;
  /** This case's findings before deduplication. */
  findings: Finding[];
}

interface OperationFinished {
  type: 'operation-finished';
  result: OperationResult;
}

export interface RunFinished {
  type: 'run-finished';
  baseUrl: string;
  seed: number;
  operations: OperationResult[];
  findings: Finding[];
  summary: RunSummary;
}

export type RunEvent = RunStarted | OperationStarted | CaseFinished | OperationFinished | RunFinished;
