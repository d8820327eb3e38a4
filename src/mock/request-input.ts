/**
 * @module
 * Checks a request's parameters against the operation's spec with the shared validator, and answers
 * a bad one the way the real server does (`x-invalid-response`). Path parameters are not checked
 * here: the router (`rails/scopes/route-recognition.ts`) decided on the raw path what reaches the
 * action, as Rails does, and a value it let through is the action's to judge.
 */
import { type IndexedOperation, type IndexedParameter, responseFor } from '../spec/operations.js';
import type { SpecValidator } from '../spec/validator.js';
import { ApiError, fromTemplate, NOT_FOUND_PAGE } from './errors.js';

interface ParameterCheck {
  param: IndexedParameter;
  /** `x-invalid-response: handler`: the operation's handler checks this parameter itself. */
  byHandler: boolean;
  /** Whether the schema can reject a string at all (plain strings cannot). */
  constrained: boolean;
  invalid: ApiError | undefined;
}

export interface InputPlan {
  checks: ParameterCheck[];
}

const UNCONSTRAINING = new Set(['type', 'description', 'examples', 'default', 'deprecated', 'title', 'x-path-glob']);

function isConstrained(param: IndexedParameter): boolean {
  const schema = param.schema as Record<string, unknown>;
  return schema['type'] !== 'string' || Object.keys(schema).some((k) => !UNCONSTRAINING.has(k));
}

function invalidResponse(op: IndexedOperation, param: IndexedParameter): ApiError | undefined {
  const ext = param.extensions['x-invalid-response'] as { status?: unknown; example?: unknown } | undefined;
  if (ext === undefined) return undefined;
  const status = String(ext.status);
  const response = responseFor(op, Number(status));
  const example = response?.content.flatMap((m) =>
    typeof ext.example === 'string' && ext.example in m.examples ? [m.examples[ext.example]] : [],
  )[0];
  if (!response || example === undefined) {
    throw new Error(
      `${op.operationId}: x-invalid-response of ${param.name} names ${status}/${String(ext.example)}, which is not documented`,
    );
  }
  return new ApiError(Number(status), example);
}

/** Worked out once per operation; throws when the spec leaves a failure mode undefined. */
export function inputPlan(op: IndexedOperation): InputPlan {
  const checks = op.parameters
    .filter((p) => p.in !== 'cookie')
    .map((param) => {
      const byHandler = param.extensions['x-invalid-response'] === 'handler';
      const constrained = param.in !== 'path' && isConstrained(param) && !byHandler;
      const invalid = byHandler ? undefined : invalidResponse(op, param);
      const needsAnswer = param.in !== 'path' && !byHandler && (constrained || param.required);
      if (needsAnswer && !invalid) {
        throw new Error(`${op.operationId}: ${param.in} parameter ${param.name} can be invalid but has no x-invalid-response`);
      }
      return { param, byHandler, constrained, invalid };
    });
  return { checks };
}

export interface RawInput {
  path: Record<string, string>;
  search: URLSearchParams;
  headers: Headers;
}

/** Returns the declared query parameters that were sent, coerced to their schema types. */
export function checkInput(plan: InputPlan, raw: RawInput, validator: SpecValidator): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  for (const { param, byHandler, constrained, invalid } of plan.checks) {
    const value = readParameter(param, raw);
    if (value === undefined) {
      if (byHandler) continue;
      if (param.required) throw param.in === 'path' ? fromTemplate(NOT_FOUND_PAGE) : invalid!;
      continue;
    }
    let coerced: unknown = value;
    if (constrained) {
      const result = validator.validateParameter(param.schemaPointer, value);
      if (!result.ok) throw param.in === 'path' && !invalid ? fromTemplate(NOT_FOUND_PAGE) : invalid!;
      coerced = result.value;
    }
    if (param.in === 'query') query[param.name] = coerced;
  }
  return query;
}

function readParameter(param: IndexedParameter, raw: RawInput): string | string[] | undefined {
  if (param.in === 'path') return raw.path[param.name];
  if (param.in === 'header') return raw.headers.get(param.name) ?? undefined;
  const all = raw.search.getAll(param.name);
  if (all.length === 0) return undefined;
  const schema = param.schema as { type?: unknown };
  // Rails keeps the last of repeated keys (`?a=1&a=2` is 2).
  return schema.type === 'array' ? all : all[all.length - 1];
}
