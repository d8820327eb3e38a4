/**
 * @module
 * The project spec as the mock tests check answers against it: the bundled document, its validator,
 * and the assertion that a body is what an operation documents for a status.
 */
import { expect } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { responseFor } from '../../src/spec/operations.js';
import { validatorFor } from '../../src/spec/validator.js';

export const spec = loadSpec();
export const validator = validatorFor(spec.document);

/** The schema of an operation's response for `status` (its first media type). */
export function responseSchema(operationId: string, status: number | string): string {
  const op = spec.byOperationId.get(operationId);
  const response = op && responseFor(op, Number(status));
  const pointer = response?.content[0]?.schemaPointer;
  if (pointer === undefined) throw new Error(`${operationId} documents no ${status} body`);
  return pointer;
}

/** Expects `body` to match the schema `operationId` documents for `status`. */
export function expectValid(operationId: string, status: number | string, body: unknown): void {
  const result = validator.validate(responseSchema(operationId, status), body);
  expect(result.ok ? [] : result.issues, JSON.stringify(body).slice(0, 400)).toEqual([]);
}
