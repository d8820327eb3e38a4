/**
 * @module
 * One answer judged: a timeout or network failure is a finding of its own, a response goes through
 * every check. Shared by the replayed cases and the fuzzer.
 */
import type { Case } from '../case.js';
import type { CheckName, Finding, FindingDraft } from '../findings.js';
import { inspect } from '../send/response.js';
import type { SendOutcome } from '../send/send.js';
import { CHECKS, type CheckContext } from './checks/index.js';

export interface Evaluation {
  ctx: CheckContext;
  timeoutMs: number;
  complete: (check: CheckName, kase: Case, draft: FindingDraft, status?: number) => Finding;
}

export function evaluate(e: Evaluation, kase: Case, outcome: SendOutcome): Finding[] {
  if (outcome.kind === 'timeout') {
    const draft = {
      title: 'Response timed out',
      message: `No complete answer within ${e.timeoutMs} ms.`,
      key: 'timeout',
      expected: `at most ${e.timeoutMs} ms`,
    };
    return [e.complete('request_timeout', kase, draft)];
  }
  if (outcome.kind === 'network')
    return [
      e.complete('network_error', kase, { title: 'Network error', message: `The request failed: ${outcome.message}.`, key: 'network' }),
    ];
  const res = inspect(e.ctx.op, outcome.response);
  return CHECKS.flatMap((check) => check.run(e.ctx, kase, res).map((draft) => e.complete(check.name, kase, draft, res.status)));
}
