/**
 * @module
 * `runContract`: plans the cases of every selected operation, replays them against a base URL with
 * bounded concurrency, applies every check to every answer and reports through events. A library
 * function: it returns the findings and never prints or exits; a kit failure (bad options, an
 * unreachable server, a malformed fixture) is thrown as a KitError.
 */
import { type IndexedOperation, responseFor } from '../spec/operations.js';
import type { SpecValidator } from '../spec/validator.js';
import type { Case, SkippedCase } from './case.js';
import { runCrossChecks } from './cross-driver.js';
import { type FuzzStats, type OperationRef, type OperationResult, operationRef, type RunSummary } from './events.js';
import { dedupe, type Finding } from './findings.js';
import { fuzzOperation } from './fuzz-driver.js';
import { evaluate } from './judge/evaluate.js';
import { type ContractOptions, runContextFrom } from './options.js';
import { plannedAsRemoved, planOperation } from './plan/cases.js';
import { type FuzzArbitraries, fuzzArbitraries } from './plan/fuzz/operation-cases.js';
import { inShard } from './plan/shard.js';
import { writes, writesBlockedReason } from './plan/writes.js';
import type { RunContext } from './run-context.js';
import type { Limit } from './send/limit.js';
import { redactCase } from './send/redact.js';
import { sendCase } from './send/send.js';

export interface ContractResult {
  baseUrl: string;
  seed: number;
  findings: Finding[];
  operations: OperationResult[];
  summary: RunSummary;
}

/**
 * Compiles the schemas of every answer the cases expect before the first request: compiling holds
 * the event loop, and a request in flight meanwhile would look slow to its timeout. An answer no
 * case expects (a broken server's) compiles when it comes.
 */
function compileSchemas(op: IndexedOperation, statuses: Iterable<number>, validator: SpecValidator): void {
  for (const status of new Set(statuses)) {
    const response = responseFor(op, status);
    for (const media of response?.content ?? []) if (media.schemaPointer !== undefined) validator.validate(media.schemaPointer, null);
    for (const header of Object.values(response?.headers ?? {}))
      if (header.schemaPointer !== undefined) validator.validateParameter(header.schemaPointer, '');
  }
}

interface Plan {
  op: IndexedOperation;
  ref: OperationRef;
  runs: Case[];
  skipped: SkippedCase[];
  fuzz?: FuzzArbitraries;
}

interface Executed {
  findings: Finding[];
  durationMs: number;
  fuzz?: FuzzStats;
}

/** Sends the operation's cases through the shared limit and checks each answer as it comes. */
async function executeOperation(plan: Plan, run: RunContext): Promise<Executed> {
  let first: number | undefined;
  let last = 0;
  // The run's limit, timing this operation: from its first request sent to its last answer.
  const limit: Limit = (task) =>
    run.limit(async () => {
      if (first === undefined) {
        first = performance.now();
        run.emit({ type: 'operation-started', operation: plan.ref });
      }
      try {
        return await task();
      } finally {
        last = performance.now();
      }
    });
  const fuzzing = plan.fuzz && run.fuzz ? fuzzOperation(plan.fuzz, plan, { ...run, fuzz: run.fuzz, limit }) : undefined;
  const cases = plan.runs.map((kase) =>
    limit(async () => {
      const outcome = await sendCase(kase, run);
      const findings = evaluate(run, plan.op, kase, outcome);
      const status = outcome.kind === 'response' ? outcome.response.status : undefined;
      const durationMs = outcome.kind === 'response' ? outcome.response.durationMs : outcome.durationMs;
      run.emit({ type: 'case-finished', operation: plan.ref, case: redactCase(kase, run.redactor), status, durationMs, findings });
      return findings;
    }),
  );
  const perCase = await Promise.all(cases);
  const fuzzed = await fuzzing;
  const findings = dedupe([...perCase.flat(), ...(fuzzed?.findings ?? [])]);
  return { findings, durationMs: first === undefined ? 0 : Math.round(last - first), ...(fuzzed ? { fuzz: fuzzed.stats } : {}) };
}

const fuzzRequests = (stats: FuzzStats): number =>
  [...Object.values(stats.valid), ...Object.values(stats.negative)].reduce((n, c) => n + c, 0);

function summarise(results: readonly OperationResult[], durationMs: number): RunSummary {
  const count = (s: OperationResult['status']) => results.filter((r) => r.status === s).length;
  const findings = results.flatMap((r) => r.findings);
  return {
    operations: { passed: count('passed'), failed: count('failed'), skipped: count('skipped') },
    cases: { run: results.reduce((n, r) => n + r.cases, 0), skipped: results.reduce((n, r) => n + r.skipped.length, 0) },
    findings: {
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
    },
    durationMs,
  };
}

/**
 * Replays the contract against `options.baseUrl`.
 * @example
 * const { findings, summary } = await runContract({ baseUrl: mock.url, includeDeprecated: true });
 */
export async function runContract(options: ContractOptions): Promise<ContractResult> {
  const started = performance.now();
  const run = await runContextFrom(options);
  const { baseUrl, seed, emit, redactor } = run;
  const plans: Plan[] = run.operations.map((op) => {
    const planned = planOperation(op, run);
    const writeBlocked = !run.allowWrites && writes(op);
    // A removed route has nothing to generate: every request to it is the same 404.
    const fuzzHere = run.fuzz !== undefined && inShard(`${op.operationId}/fuzz`, run.shard) && !plannedAsRemoved(op, run);
    const fuzzed = fuzzHere && !writeBlocked ? fuzzArbitraries(op, run) : undefined;
    const fuzzReasons = fuzzHere && writeBlocked ? [writesBlockedReason(run.baseUrl)] : (fuzzed?.skipped ?? []);
    const fuzzSkips = fuzzReasons.map(
      (reason, i): SkippedCase => ({
        id: `${op.operationId}/fuzz/${i + 1}`,
        operationId: op.operationId,
        kind: 'positive',
        title: 'generated valid requests',
        reason,
      }),
    );
    return {
      op,
      ref: operationRef(op),
      runs: planned.flatMap((p) => ('run' in p && inShard(p.run.id, run.shard) ? [p.run] : [])),
      skipped: [...planned.flatMap((p): SkippedCase[] => ('skip' in p && inShard(p.skip.id, run.shard) ? [p.skip] : [])), ...fuzzSkips],
      ...(fuzzed ? { fuzz: fuzzed } : {}),
    };
  });
  for (const plan of plans) {
    const documented = plan.op.responses.map((r) => Number(r.status)).filter(Number.isInteger);
    compileSchemas(plan.op, plan.fuzz ? documented : plan.runs.flatMap((c) => c.expectedStatuses), run.validator);
  }
  const cases = plans.reduce((n, p) => n + p.runs.length, 0);
  emit({
    type: 'run-started',
    baseUrl,
    seed,
    target: run.target.source,
    operations: plans.map((p) => p.ref),
    cases,
    concurrency: run.concurrency,
    ...(run.fuzz ? { fuzzRuns: run.fuzz.runs } : {}),
  });

  const running = plans.map((plan) => executeOperation(plan, run));
  const crossing = runCrossChecks(run);

  const results: OperationResult[] = [];
  // Operations finish in spec order, whatever order their cases completed in, so reports are stable.
  for (const [i, plan] of plans.entries()) {
    const executed = await running[i]!;
    const { durationMs, fuzz: fuzzStats } = executed;
    const cross = await crossing;
    const findings = dedupe([...executed.findings, ...(cross.findings.get(plan.op.operationId) ?? [])]);
    const fuzzed = fuzzStats ? fuzzRequests(fuzzStats) : 0;
    const skipped = [...plan.skipped, ...(cross.skipped.get(plan.op.operationId) ?? [])].map((s) => redactor.deep(s));
    // With --shard, an operation none of whose work fell to this shard is another shard's to report.
    if (run.shard && plan.runs.length === 0 && fuzzed === 0 && skipped.length === 0 && findings.length === 0) continue;
    if (plan.runs.length === 0 && fuzzed === 0) emit({ type: 'operation-started', operation: plan.ref });
    const status = findings.some((f) => f.severity === 'error') ? 'failed' : plan.runs.length === 0 && fuzzed === 0 ? 'skipped' : 'passed';
    const result: OperationResult = {
      operation: plan.ref,
      status,
      cases: plan.runs.length,
      skipped,
      findings,
      durationMs,
      ...(fuzzStats ? { fuzz: fuzzStats } : {}),
    };
    results.push(result);
    emit({ type: 'operation-finished', result });
  }
  const findings = results.flatMap((r) => r.findings);
  const summary = summarise(results, Math.round(performance.now() - started));
  emit({ type: 'run-finished', baseUrl, seed, operations: results, findings, summary });
  return { baseUrl, seed, findings, operations: results, summary };
}
