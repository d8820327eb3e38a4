/**
 * @module
 * Runs the cross-checks (`judge/cross/`): for each whose operations are all selected, its requests
 * in order through the run's limit, then its comparison. A finding is `consistent_across_answers`
 * on the first request's operation, with that request's curl line and the others' in its message;
 * a cross-check that cannot be filled (a missing credential or variable), or that writes where
 * writes are not allowed, is a skipped case there.
 */
import type { Case, SkippedCase } from './case.js';
import { operationRef } from './events.js';
import type { Finding } from './findings.js';
import { type CrossCheck, crossCase } from './judge/cross/cross-check.js';
import { CROSS_CHECKS } from './judge/cross/index.js';
import { findingOf } from './judge/finding.js';
import { inShard } from './plan/shard.js';
import { writes, writesBlockedReason } from './plan/writes.js';
import type { RunContext } from './run-context.js';
import { toCurl } from './send/curl.js';
import { redactCase } from './send/redact.js';
import { extraHeadersFor } from './send/request.js';
import { inspect } from './send/response.js';
import { sendCase } from './send/send.js';

export interface CrossOutcome {
  /** By operationId. */
  findings: Map<string, Finding[]>;
  skipped: Map<string, SkippedCase[]>;
}

const push = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

async function runOne(check: CrossCheck, run: RunContext, out: CrossOutcome): Promise<void> {
  const requests = check.requests(run);
  const ops = requests.map((r) => run.operations.find((op) => op.operationId === r.operationId));
  if (ops.some((op) => op === undefined)) return;
  const anchor = ops[0]!;
  const skip = {
    id: `${anchor.operationId}/cross/${check.name}`,
    operationId: anchor.operationId,
    kind: 'positive' as const,
    title: check.name,
  };
  if (!run.allowWrites && ops.some((op) => writes(op!))) {
    push(out.skipped, anchor.operationId, { ...skip, reason: writesBlockedReason(run.baseUrl) });
    return;
  }
  const cases: Case[] = [];
  for (const [i, request] of requests.entries()) {
    const filled = crossCase(check, ops[i]!, request, run, i + 1);
    if (!filled.ok) {
      push(out.skipped, anchor.operationId, { ...skip, reason: filled.missing });
      return;
    }
    cases.push(filled.value);
  }
  const bodies: unknown[] = [];
  // In order: a cross-check may ask the same thing before and after to see whether the data moved.
  for (const [i, kase] of cases.entries()) {
    const outcome = await run.limit(() => sendCase(kase, run));
    // Told like every case, so that reporters see what the check's writes left behind.
    run.emit({
      type: 'case-finished',
      operation: operationRef(ops[i]!),
      case: redactCase(kase, run.redactor),
      status: outcome.kind === 'response' ? outcome.response.status : undefined,
      durationMs: outcome.kind === 'response' ? outcome.response.durationMs : outcome.durationMs,
      findings: [],
    });
    if (outcome.kind !== 'response' || !kase.expectedStatuses.includes(outcome.response.status)) return;
    const res = inspect(ops[i]!, outcome.response);
    if (res.body.kind !== 'json') return;
    bodies.push(res.body.value);
  }
  const curl = (i: number) => toCurl(run.baseUrl, cases[i]!, extraHeadersFor(cases[i]!, run.headers), run.redactor, run.curlVariables);
  const others = cases.slice(1).map((_, i) => curl(i + 1));
  for (const draft of check.judge(bodies, cases)) {
    const message = `${draft.message} Compared with: ${[...new Set(others)].join(' ; ')}`;
    const subject = { check: 'consistent_across_answers' as const, op: anchor, kase: cases[0]!, status: 200, curl: curl(0) };
    push(out.findings, anchor.operationId, findingOf({ ...draft, message }, subject, run.redactor));
  }
}

/**
 * @example
 * const { findings } = await runCrossChecks(run); findings.get('getStatusbarToday') // Finding[] | undefined
 */
export async function runCrossChecks(run: RunContext): Promise<CrossOutcome> {
  const out: CrossOutcome = { findings: new Map(), skipped: new Map() };
  const mine = CROSS_CHECKS.filter((check) => inShard(`cross/${check.name}`, run.shard));
  await Promise.all(mine.map((check) => runOne(check, run, out)));
  return out;
}
