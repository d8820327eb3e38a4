/**
 * @module
 * `domain_invariant`: a successful JSON answer keeps the rules its operation declares in
 * `x-invariants` (openapi/README.md) — what a schema cannot say about one answer. A rule marked as
 * a quirk of the real server is listed, not enforced.
 */
import { isSuccess } from '../../case.js';
import { invariantsOf } from '../../invariants.js';
import { RULES } from '../invariants/index.js';
import { type Check, onlyDocumentedJson } from './check.js';

export const domainInvariant: Check = {
  name: 'domain_invariant',
  summary: "A successful answer keeps its operation's x-invariants (see the rules below).",
  appliesTo: ['positive', 'recorded'],
  run: onlyDocumentedJson((_ctx, kase, res) => {
    if (!isSuccess(res.status) || res.body.kind !== 'json') return [];
    const body = res.body.value;
    return invariantsOf(res.operation)
      .filter((inv) => inv.quirk === undefined)
      .flatMap((inv) => RULES[inv.rule].judge(inv, body, kase));
  }),
};
