/**
 * @module
 * What a check is: a named function over (context, case, response) that returns finding drafts,
 * never throws. Which cases it judges is declared (`appliesTo`), and the other skip conditions are
 * guards that wrap it, so its body holds only the property it asserts.
 */
import type { Case, CaseKind } from '../../case.js';
import type { CheckName, FindingDraft } from '../../findings.js';
import type { RunContext } from '../../run-context.js';
import type { InspectedResponse } from '../../send/response.js';

/** What a check reads of the run; the operation is the response's (`res.operation`). */
export type CheckContext = Pick<RunContext, 'spec' | 'validator' | 'strict'>;

type CheckFn = (ctx: CheckContext, kase: Case, res: InspectedResponse) => FindingDraft[];

export interface Check {
  name: CheckName;
  /** The property it asserts, in one sentence. */
  summary: string;
  /** The kinds of case it judges; every kind when absent. */
  appliesTo?: readonly CaseKind[];
  run: CheckFn;
}

/** Whether `check` judges a case of `kind`. */
export const appliesTo = (check: Check, kind: CaseKind): boolean => check.appliesTo === undefined || check.appliesTo.includes(kind);

/** Runs `fn` only when the status is documented (status_code_conformance reports the others). */
export const onlyDocumentedStatus =
  (fn: CheckFn): CheckFn =>
  (ctx, kase, res) =>
    res.documented ? fn(ctx, kase, res) : [];

/** Runs `fn` only when the Content-Type matches a documented media type that has a schema. */
export const onlyDocumentedMedia =
  (fn: CheckFn): CheckFn =>
  (ctx, kase, res) =>
    res.media?.schemaPointer !== undefined ? fn(ctx, kase, res) : [];

/** Runs `fn` only when the body parsed as JSON. */
const onlyJson =
  (fn: CheckFn): CheckFn =>
  (ctx, kase, res) =>
    res.body.kind === 'json' ? fn(ctx, kase, res) : [];

/** Runs `fn` only on a documented status whose documented JSON media type has a schema, the body parsed. */
export const onlyDocumentedJson = (fn: CheckFn): CheckFn => onlyDocumentedStatus(onlyDocumentedMedia(onlyJson(fn)));
