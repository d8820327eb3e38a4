/**
 * @module
 * What an invariant rule is: a named function over one answer's body (and the request that got
 * it, for rules about parameters) that returns finding drafts for the values `at` selects.
 */
import type { Case } from '../../case.js';
import type { FindingDraft } from '../../findings.js';
import type { Invariant, InvariantRule } from '../../invariants.js';

export interface RuleImpl {
  name: InvariantRule;
  /** What it asserts, in one sentence. */
  summary: string;
  judge: (inv: Invariant, body: unknown, kase: Case) => FindingDraft[];
}

/** A string argument of a rule, or the default. */
export function stringArg(inv: Invariant, name: string, fallback: string): string {
  const value = inv.args[name];
  return typeof value === 'string' ? value : fallback;
}

/** The draft's fields every rule shares: its title and the key that deduplicates it per rule and place. */
export const draftOf = (inv: Invariant, pointer: string, message: string, expected: unknown, received: unknown): FindingDraft => ({
  title: `Invariant ${inv.rule} broken`,
  message,
  pointer,
  key: `${inv.rule}:${inv.at}`,
  expected,
  received,
});

/** A query parameter of the request (the last one, as Rails reads it). */
export const queryValue = (kase: Case, name: string): string | undefined => kase.query.findLast(([k]) => k === name)?.[1];
