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
import type { IndexedOperation } from '../spec/operations.js';
import type { Case } from './case.js';
import type { FuzzStats, OperationRef } from './events.js';
import type { Finding, FuzzOrigin } from './findings.js';
import { evaluate, type JudgeContext } from './judge/evaluate.js';
import type { FuzzArbitraries, FuzzCase } from './plan/fuzz/operation-cases.js';
import { seededHex } from './plan/seeded.js';
import type { RunContext } from './run-context.js';
import { redactCase } from './send/redact.js';
import { sendCase } from './send/send.js';

/** What fuzzing one operation reads of the run (`limit` is the operation's, which times it). */
type FuzzRun = JudgeContext & Pick<RunContext, 'retries' | 'limit' | 'emit'> & { fuzz: NonNullable<RunContext['fuzz']> };

/** The operation being fuzzed. */
interface Fuzzed {
  op: IndexedOperation;
  ref: OperationRef;
}

/** At most this many requests, or this long, go into shrinking one failure. */
const SHRINK_REQUESTS = 300;
const SHRINK_MS = 30_000;

type Group = FuzzOrigin['group'];

/** fast-check's seed for one generator: the run's seed, the operation and the generator. */
const fcSeedOf = (seed: number, operationId: string, group: Group): number =>
  parseInt(seededHex(seed, `fuzz:${operationId}:${group}`, 8), 16) | 0;

async function runGroup(
  group: Group,
  arb: fc.Arbitrary<FuzzCase>,
  numRuns: number,
  { op, ref }: Fuzzed,
  run: FuzzRun,
  stats: FuzzStats,
): Promise<Finding[]> {
  const { seed, runs } = run.fuzz;
  const operationId = op.operationId;
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
    const outcome = await run.limit(() => sendCase(kase, run));
    const findings = evaluate(run, op, kase, outcome);
    const status = outcome.kind === 'response' ? String(outcome.response.status) : outcome.kind;
    if (!shrinking) stats[group][status] = (stats[group][status] ?? 0) + 1;
    const durationMs = outcome.kind === 'response' ? outcome.response.durationMs : outcome.durationMs;
    run.emit({
      type: 'case-finished',
      operation: ref,
      case: redactCase(kase, run.redactor),
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
  fuzzed: Fuzzed,
  run: FuzzRun,
): Promise<{ findings: Finding[]; stats: FuzzStats }> {
  const runs = run.fuzz.runs;
  const stats: FuzzStats = { valid: {}, negative: {}, shrinking: 0 };
  const { valid, negative } = arbs;
  const validRuns = valid && negative ? Math.ceil(runs / 2) : valid ? runs : 0;
  const groups = await Promise.all([
    valid && validRuns > 0 ? runGroup('valid', valid, validRuns, fuzzed, run, stats) : [],
    negative && runs > validRuns ? runGroup('negative', negative, runs - validRuns, fuzzed, run, stats) : [],
  ]);
  return { findings: groups.flat(), stats };
}
