/**
 * @module
 * The outcome of one check on one operation, as the file reports show it: failed by an error
 * finding, warned by a warning, skipped when the operation did not run, not applicable when the
 * check judges case kinds the operation did not run (no request without credentials, …), else passed.
 */
import { CASE_KIND_TITLES, type CaseKind } from '../case.js';
import type { OperationResult, RunEvent } from '../events.js';
import type { CheckName } from '../findings.js';
import { CHECKS } from '../judge/checks/index.js';

export type CheckOutcome = 'passed' | 'failed' | 'warning' | 'skipped' | 'not-applicable';

/** The case kinds a check judges, from its own declaration (absent: every kind). */
const APPLIES_TO: ReadonlyMap<CheckName, readonly CaseKind[]> = new Map(
  CHECKS.flatMap((c) => (c.appliesTo === undefined ? [] : [[c.name, c.appliesTo] as const])),
);

/** What happened to `check` on the operation of `r`, and why when it did not run. */
export function checkOutcome(
  r: OperationResult,
  check: CheckName,
  kinds: ReadonlySet<CaseKind>,
): { outcome: CheckOutcome; reason?: string } {
  if (r.status === 'skipped') return { outcome: 'skipped', reason: [...new Set(r.skipped.map((s) => s.reason))].join('; ') };
  const needs = APPLIES_TO.get(check);
  if (needs && !needs.some((kind) => kinds.has(kind)))
    return { outcome: 'not-applicable', reason: `no ${needs.map((kind) => CASE_KIND_TITLES[kind]).join(' or ')}` };
  const findings = r.findings.filter((f) => f.check === check);
  if (findings.some((f) => f.severity === 'error')) return { outcome: 'failed' };
  return { outcome: findings.length > 0 ? 'warning' : 'passed' };
}

/** Collects the case kinds each operation ran, from `case-finished` events. */
export function caseKinds(): { onEvent(e: RunEvent): void; byOperation: ReadonlyMap<string, ReadonlySet<CaseKind>> } {
  const byOperation = new Map<string, Set<CaseKind>>();
  return {
    byOperation,
    onEvent(e) {
      if (e.type !== 'case-finished') return;
      const set = byOperation.get(e.operation.operationId) ?? new Set<CaseKind>();
      set.add(e.case.kind);
      byOperation.set(e.operation.operationId, set);
    },
  };
}
