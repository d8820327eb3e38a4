/**
 * @module
 * A rule of `x-invariants` that needs parameters (`with: {limit: '3'}`) gets a valid request of
 * its own, so the plain run exercises it: the operation's first runnable positive case with those
 * query parameters added (replacing any of the same name).
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case, PlannedCase } from '../case.js';
import { invariantsOf } from '../invariants.js';

/**
 * @example
 * invariantCases(op, positives) // [{ run: { id: 'getUserStats/positive/none/limit=3', query: [['limit', '3']], … } }]
 */
export function invariantCases(op: IndexedOperation, positives: readonly PlannedCase[]): PlannedCase[] {
  const base = positives.find((p): p is { run: Case } => 'run' in p)?.run;
  if (base === undefined) return [];
  const seen = new Set<string>();
  return invariantsOf(op).flatMap((inv): PlannedCase[] => {
    if (inv.with === undefined || inv.quirk !== undefined) return [];
    const params = Object.entries(inv.with);
    const detail = params.map(([k, v]) => `${k}=${v}`).join('&');
    if (seen.has(detail)) return [];
    seen.add(detail);
    const query = [...base.query.filter(([k]) => inv.with?.[k] === undefined), ...params];
    return [{ run: { ...base, id: `${base.id}/${detail}`, title: `${base.title} with ${detail} (${inv.rule})`, query } }];
  });
}
