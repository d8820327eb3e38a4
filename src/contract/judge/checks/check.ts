/**
 * @module
 * What a check is: a named function over (context, case, response) that returns findings, never
 * throws. Skip conditions are guards that wrap it, so its body holds only the property it asserts.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { IndexedOperation } from '../../../spec/operations.js';
import type { SpecValidator } from '../../../spec/validator.js';
import type { Case, CaseKind } from '../../case.js';
import type { CheckName, FindingDraft } from '../../findings.js';
import type { InspectedResponse } from '../../send/response.js';

export interface CheckContext {
  op: IndexedOperation;
  document: OpenAPIObject;
  validator: SpecValidator;
  /** `--strict`: warnings count as errors. */
  strict: boolean;
}

export type CheckFn = (ctx: CheckContext, kase: Case, res: InspectedResponse) => FindingDraft[];

export interface Check {
  name: CheckName;
  /** The property it asserts, in one sentence. */
  summary: string;
  run: CheckFn;
}

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
export const onlyJson =
  (fn: CheckFn): CheckFn =>
  (ctx, kase, res) =>
    res.body.kind === 'json' ? fn(ctx, kase, res) : [];

/** Runs `fn` only for cases of these kinds. */
export const onlyKinds =
  (kinds: readonly CaseKind[], fn: CheckFn): CheckFn =>
  (ctx, kase, res) =>
    kinds.includes(kase.kind) ? fn(ctx, kase, res) : [];
