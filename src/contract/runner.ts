/**
 * @module
 * `runContract`: plans the cases of every selected operation, replays them against a base URL with
 * bounded concurrency, applies every check to every answer and reports through events. A library
 * function: it returns the findings and never prints or exits; a kit failure (bad options, an
 * unreachable server, a malformed fixture) is thrown as a KitError.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { UsageError } from '../spec/errors.js';
import { type LoadedSpec, loadSpec } from '../spec/load.js';
import { type IndexedOperation, responseFor } from '../spec/operations.js';
import { type SpecValidator, validatorFor } from '../spec/validator.js';
import type { Case, PlannedCase, SkippedCase } from './case.js';
import type { FuzzStats, OperationRef, OperationResult, RunEvent, RunSummary } from './events.js';
import { type CheckName, dedupe, type Finding, type FindingDraft } from './findings.js';
import { type FuzzOptions, fuzzOperation } from './fuzz-driver.js';
import type { CheckContext } from './judge/checks/index.js';
import { evaluate } from './judge/evaluate.js';
import { planOperation } from './plan/cases.js';
import { FIXTURES_DIR, loadRecordedCases } from './plan/fixtures.js';
import { fuzzContextFor } from './plan/fuzz/context.js';
import { type FuzzArbitraries, fuzzArbitraries } from './plan/fuzz/operation-cases.js';
import { randomSeed } from './plan/seeded.js';
import { type OperationFilters, selectOperations } from './plan/select.js';
import { toCurl } from './send/curl.js';
import { createLimit, type Limit } from './send/limit.js';
import { createRedactor, type Redactor, redactCase, SECRET_HEADER } from './send/redact.js';
import { extraHeadersFor } from './send/request.js';
import { type SendOptions, send } from './send/send.js';
import { resolveTarget } from './send/target.js';

export interface ContractOptions extends OperationFilters {
  baseUrl: string;
  apiKey?: string;
  adminKey?: string;
  oauthToken?: string;
  legacyStatsKey?: string;
  /** Values for `{username}`, `{project}`, `{{name}}` in recorded cases, … */
  variables?: Record<string, string>;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Per request, for the whole answer (default 10 000). */
  timeoutMs?: number;
  /** Retries of a request that failed at the network level (default 1). */
  retries?: number;
  seed?: number;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Warnings (undocumented properties) count as errors. */
  strict?: boolean;
  /** Recorded cases; `null` for none (default `fixtures/cases/`). */
  fixturesDir?: string | null;
  spec?: LoadedSpec;
  /** Read credentials from `/__mock/credentials` when the server has it (default true). */
  detectMock?: boolean;
  onEvent?: (event: RunEvent) => void;
  /** The clock, for "today" against a real server (default Date.now). */
  now?: () => number;
  /** Beyond the replayed cases, `runs` generated requests per operation (`--fuzz N`). */
  fuzz?: FuzzOptions;
}

export interface ContractResult {
  baseUrl: string;
  seed: number;
  findings: Finding[];
  operations: OperationResult[];
  summary: RunSummary;
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new UsageError('--base-url must not carry credentials; use --api-key and friends');
  if (url.search || url.hash) throw new UsageError('--base-url must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new UsageError(`${name} must be a number ≥ ${min}, not ${value}`);
  return value;
}

const refOf = (op: IndexedOperation): OperationRef => ({
  operationId: op.operationId,
  method: op.method.toUpperCase(),
  path: op.path,
  tags: op.tags,
  deprecated: op.deprecated,
});

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

interface RunEnv {
  baseUrl: string;
  headers: Record<string, string>;
  sendOptions: SendOptions;
  timeoutMs: number;
  redactor: Redactor;
  limit: Limit;
  emit: (event: RunEvent) => void;
  document: OpenAPIObject;
  validator: SpecValidator;
  strict: boolean;
  fuzz: Required<FuzzOptions> | undefined;
}

interface Executed {
  findings: Finding[];
  durationMs: number;
  fuzz?: FuzzStats;
}

/** Sends the operation's cases through the shared limit and checks each answer as it comes. */
async function executeOperation(plan: Plan, run: RunEnv): Promise<Executed> {
  const ctx: CheckContext = { op: plan.op, document: run.document, validator: run.validator, strict: run.strict };
  const curls = new Map(plan.runs.map((kase) => [kase.id, toCurl(run.baseUrl, kase, extraHeadersFor(kase, run.headers), run.redactor)]));
  const complete = (check: CheckName, kase: Case, draft: FindingDraft, status?: number): Finding =>
    run.redactor.deep({
      ...draft,
      check,
      operationId: plan.op.operationId,
      method: kase.method,
      pathTemplate: plan.op.path,
      severity: draft.severity ?? 'error',
      ...(status === undefined ? {} : { status }),
      caseId: kase.id,
      curl: curls.get(kase.id)!,
    });
  let first: number | undefined;
  let last = 0;
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
  const fuzzing =
    plan.fuzz && run.fuzz
      ? fuzzOperation(plan.fuzz, run.fuzz, {
          ref: plan.ref,
          ctx,
          sendOptions: run.sendOptions,
          timeoutMs: run.timeoutMs,
          redactor: run.redactor,
          limit,
          emit: run.emit,
        })
      : undefined;
  const cases = plan.runs.map((kase) =>
    limit(async () => {
      const outcome = await send(kase, { ...run.sendOptions, headers: extraHeadersFor(kase, run.headers) });
      const findings = evaluate({ ctx, timeoutMs: run.timeoutMs, complete }, kase, outcome);
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
  const spec = options.spec ?? loadSpec();
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const concurrency = checkNumber('--concurrency', options.concurrency ?? 8, 1);
  const timeoutMs = checkNumber('--timeout', options.timeoutMs ?? 10_000, 1);
  const retries = checkNumber('--retries', options.retries ?? 1, 0);
  const seed = options.seed ?? randomSeed();
  const fuzz = options.fuzz && { runs: checkNumber('--fuzz', options.fuzz.runs, 1), seed: options.fuzz.seed ?? seed };
  const operations = selectOperations(spec.operations, options);
  const recorded = options.fixturesDir === null ? [] : loadRecordedCases(options.fixturesDir ?? FIXTURES_DIR, spec);
  const headers = options.headers ?? {};
  const sendOptions: SendOptions = { baseUrl, timeoutMs, retries, headers };
  const emit = (event: RunEvent) => options.onEvent?.(event);

  const target = await resolveTarget({
    baseUrl,
    credentials: {
      apiKey: options.apiKey,
      adminKey: options.adminKey,
      oauthToken: options.oauthToken,
      legacyStatsKey: options.legacyStatsKey,
    },
    variables: options.variables ?? {},
    seed,
    detectMock: options.detectMock ?? true,
    send: { timeoutMs, retries, headers },
    spec,
    now: options.now ?? Date.now,
  });
  const headerSecrets = Object.entries(headers)
    .filter(([name]) => SECRET_HEADER.test(name))
    .map(([, value]) => value);
  const redactor: Redactor = createRedactor([...target.secrets, ...headerSecrets]);
  const validator = validatorFor(spec.document);

  const fuzzContext = fuzz && fuzzContextFor(spec.document, target, validator);
  const plans: Plan[] = operations.map((op) => {
    const planned: PlannedCase[] = planOperation(op, {
      target,
      validator,
      seed,
      recorded: recorded.filter((r) => r.operationId === op.operationId),
    });
    const fuzzed = fuzzContext && fuzzArbitraries(op, fuzzContext);
    const fuzzSkips = (fuzzed?.skipped ?? []).map(
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
      ref: refOf(op),
      runs: planned.flatMap((p) => ('run' in p ? [p.run] : [])),
      skipped: [...planned.flatMap((p): SkippedCase[] => ('skip' in p ? [p.skip] : [])), ...fuzzSkips],
      ...(fuzzed ? { fuzz: fuzzed } : {}),
    };
  });
  for (const plan of plans) {
    const documented = plan.op.responses.map((r) => Number(r.status)).filter(Number.isInteger);
    compileSchemas(plan.op, plan.fuzz ? documented : plan.runs.flatMap((c) => c.expectedStatuses), validator);
  }
  const cases = plans.reduce((n, p) => n + p.runs.length, 0);
  emit({
    type: 'run-started',
    baseUrl,
    seed,
    target: target.source,
    operations: plans.map((p) => p.ref),
    cases,
    concurrency,
    ...(fuzz ? { fuzzRuns: fuzz.runs } : {}),
  });

  const limit = createLimit(concurrency);
  const run: RunEnv = {
    baseUrl,
    headers,
    sendOptions,
    timeoutMs,
    redactor,
    limit,
    emit,
    document: spec.document,
    validator,
    strict: options.strict === true,
    fuzz,
  };
  const running = plans.map((plan) => executeOperation(plan, run));

  const results: OperationResult[] = [];
  // Operations finish in spec order, whatever order their cases completed in, so reports are stable.
  for (const [i, plan] of plans.entries()) {
    const { findings, durationMs, fuzz: fuzzStats } = await running[i]!;
    const fuzzed = fuzzStats ? fuzzRequests(fuzzStats) : 0;
    if (plan.runs.length === 0 && fuzzed === 0) emit({ type: 'operation-started', operation: plan.ref });
    const status = findings.some((f) => f.severity === 'error') ? 'failed' : plan.runs.length === 0 && fuzzed === 0 ? 'skipped' : 'passed';
    const skipped = plan.skipped.map((s) => redactor.deep(s));
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
