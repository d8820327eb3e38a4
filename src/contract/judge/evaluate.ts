/**
 * @module
 * One answer judged: a timeout or network failure is a finding of its own, a response goes through
 * every check that applies to the case's kind, one finding per check (`group.ts`). Shared by the
 * replayed cases and the fuzzer.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case } from '../case.js';
import type { CheckName, Finding } from '../findings.js';
import type { RunContext } from '../run-context.js';
import { toCurl } from '../send/curl.js';
import { extraHeadersFor } from '../send/request.js';
import { inspect } from '../send/response.js';
import type { SendOutcome } from '../send/send.js';
import { appliesTo, type CheckContext } from './checks/check.js';
import { CHECKS } from './checks/index.js';
import { findingOf } from './finding.js';
import { groupDrafts } from './group.js';

/** What judging reads of the run: the checks' context, and what a finding's curl line and message need. */
export type JudgeContext = CheckContext & Pick<RunContext, 'timeoutMs' | 'baseUrl' | 'headers' | 'redactor' | 'curlVariables'>;

export function evaluate(run: JudgeContext, op: IndexedOperation, kase: Case, outcome: SendOutcome): Finding[] {
  let curl: string | undefined;
  const about = (check: CheckName, status?: number) => ({
    check,
    op,
    kase,
    status,
    curl: (curl ??= toCurl(run.baseUrl, kase, extraHeadersFor(kase, run.headers), run.redactor, run.curlVariables)),
  });
  if (outcome.kind === 'timeout') {
    const draft = {
      title: 'Response timed out',
      message: `No complete answer within ${run.timeoutMs} ms.`,
      key: 'timeout',
      expected: `at most ${run.timeoutMs} ms`,
    };
    return [findingOf(draft, about('request_timeout'), run.redactor)];
  }
  if (outcome.kind === 'network') {
    const draft = { title: 'Network error', message: `The request failed: ${outcome.message}.`, key: 'network' };
    return [findingOf(draft, about('network_error'), run.redactor)];
  }
  const res = inspect(op, outcome.response);
  return CHECKS.filter((check) => appliesTo(check, kase.kind)).flatMap((check) =>
    groupDrafts(check.run(run, kase, res)).map((draft) => findingOf(draft, about(check.name, res.status), run.redactor)),
  );
}
