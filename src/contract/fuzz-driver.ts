/**
 * @module
 * Runs an operation's generators as fast-check properties: each generated request is sent (through
 * the run's shared concurrency limit, under its per-request timeout) and judged by every check; a
 * request with an error finding fails the property, and fast-check shrinks it to the smallest
 * request that still fails. That request's findings are reported, with the seed to generate the
 * same requests again and its curl line. Shrinking is bounded (requests and time), so a server that
 * hangs cannot hold the run.
 */
import fc from 'fast-check';
import type { Case } from './case.js';
import type { FuzzStats, OperationRef, RunEvent } from './events.js';
import type { CheckName, Finding, FindingDraft, FuzzOrigin } from './findings.js';
import type { CheckContext } from './judge/checks/index.js';
import { evaluate } from './judge/evaluate.js';
import type { FuzzArbitraries, FuzzCase } from './plan/fuzz/operation-cases.js';
import { seededHex } from './plan/seeded.js';
import { toCurl } from './send/curl.js';
import type { Limit } from './send/limit.js';
import { type Redactor, redactCase } from './send/redact.js';
import { extraHeadersFor } from './send/request.js';
import { type SendOptions, send } from './send/send.js';

export interface FuzzOptions {
  /** Generated requests per operation. */
  runs: number;
  /** Default: the run's seed. */
  seed?: number;
}

export interface FuzzEnv {
  ref: OperationRef;
  ctx: CheckContext;
  sendOptions: SendOptions;
  timeoutMs: number;
  redactor: Redactor;
  limit: Limit;
  emit: (event: RunEvent) => void;
}

/** At most this many requests, or this long, go into shrinking one failure. */
const SHRINK_REQUESTS = 300;
const SHRINK_MS = 30_000;

type Group = FuzzOrigin['group'];

/** fast-check's seed for one generator: the run's seed, the operation and the generator. */
const fcSeedOf = (seed: number, operationId: string, group: Group): number =>
  parseInt(seededHex(seed, `fuzz:${operationId}:${group}`, 8), 16) | 0;

function judge(env: FuzzEnv, kase: Case, outcome: Awaited<ReturnType<typeof send>>): Finding[] {
  const extra = extraHeadersFor(kase, env.sendOptions.headers);
  const complete = (check: CheckName, k: Case, draft: FindingDraft, status?: number): Finding =>
    env.redactor.deep({
      ...draft,
      check,
      operationId: env.ctx.op.operationId,
      method: k.method,
      pathTemplate: env.ctx.op.path,
      severity: draft.severity ?? 'error',
      ...(status === undefined ? {} : { status }),
      caseId: k.id,
      curl: toCurl(env.sendOptions.baseUrl, k, extra, env.redactor),
    });
  return evaluate({ ctx: env.ctx, timeoutMs: env.timeoutMs, complete }, kase, outcome);
}

async function runGroup(
  group: Group,
  arb: fc.Arbitrary<FuzzCase>,
  numRuns: number,
  seed: number,
  runs: number,
  env: FuzzEnv,
  stats: FuzzStats,
): Promise<Finding[]> {
  const operationId = env.ctx.op.operationId;
  const fcSeed = fcSeedOf(seed, operationId, group);
  let requests = 0;
  let shrinks = 0;
  let failedAt: number | undefined;
  let shrinkStarted = 0;
  let failure: Finding[] | undefined;
  const warnings: Finding[] = [];
  const property = fc.asyncProperty(arb, async (generated) => {
    const shrinking = failedAt !== undefined;
    // Out of budget: every further candidate "passes", which ends shrinking at the smallest failure so far.
    if (shrinking && (shrinks >= SHRINK_REQUESTS || performance.now() - shrinkStarted > SHRINK_MS)) return true;
    if (shrinking) {
      shrinks++;
      stats.shrinking++;
    } else requests++;
    const kase: Case = { ...generated, id: `${operationId}/fuzz/${group}/${shrinking ? `shrink-${shrinks}` : requests}` };
    const outcome = await env.limit(() => send(kase, { ...env.sendOptions, headers: extraHeadersFor(kase, env.sendOptions.headers) }));
    const findings = judge(env, kase, outcome);
    const status = outcome.kind === 'response' ? String(outcome.response.status) : outcome.kind;
    if (!shrinking) stats[group][status] = (stats[group][status] ?? 0) + 1;
    const durationMs = outcome.kind === 'response' ? outcome.response.durationMs : outcome.durationMs;
    env.emit({
      type: 'case-finished',
      operation: env.ref,
      case: redactCase(kase, env.redactor),
      status: outcome.kind === 'response' ? outcome.response.status : undefined,
      durationMs,
      findings,
    });
    if (findings.some((f) => f.severity === 'error')) {
      if (!shrinking) {
        failedAt = requests;
        shrinkStarted = performance.now();
      }
      failure = findings;
      return false;
    }
    if (!shrinking) warnings.push(...findings);
    return true;
  });
  const details = await fc.check(property, { seed: fcSeed, numRuns });
  if (!details.failed) return warnings;
  // A property that threw (not one that returned false) is a bug of the fuzzer itself.
  if (failure === undefined)
    throw details.errorInstance instanceof Error
      ? details.errorInstance
      : new Error(`fuzzing ${operationId} failed: ${String(details.errorInstance)}`);
  const origin: FuzzOrigin = {
    seed,
    runs,
    group,
    request: failedAt ?? 0,
    shrinks: details.numShrinks,
    fcSeed,
    fcPath: details.counterexamplePath ?? '',
  };
  const note = ` Found by the fuzzer (seed ${seed}, ${group} request ${origin.request} of ${numRuns}, shrunk ${origin.shrinks} times); generate it again with --fuzz ${runs} --seed ${seed} --include-operation-id ${operationId}.`;
  return [...failure.map((f) => ({ ...f, message: `${f.message}${note}`, fuzz: origin })), ...warnings];
}

/** Fuzzes one operation with `runs` generated requests (split between its two generators). */
export async function fuzzOperation(
  arbs: FuzzArbitraries,
  options: Required<FuzzOptions>,
  env: FuzzEnv,
): Promise<{ findings: Finding[]; stats: FuzzStats }> {
  const stats: FuzzStats = { valid: {}, negative: {}, shrinking: 0 };
  const { valid, negative } = arbs;
  const validRuns = valid && negative ? Math.ceil(options.runs / 2) : valid ? options.runs : 0;
  const groups = await Promise.all([
    valid && validRuns > 0 ? runGroup('valid', valid, validRuns, options.seed, options.runs, env, stats) : [],
    negative && options.runs > validRuns
      ? runGroup('negative', negative, options.runs - validRuns, options.seed, options.runs, env, stats)
      : [],
  ]);
  return { findings: groups.flat(), stats };
}
