/**
 * @module
 * Calling the admin API (`/api/admin/v1/*`) in tests: the seeded keys of each admin level, and a
 * call that checks the answer against the spec's documented response of its status.
 */
import { expect } from 'vitest';
import { responseFor } from '../../src/spec/operations.js';
import { ADMIN_KEY, type MockTarget } from './mock.js';
import { spec, validator } from './spec.js';

/** The JSON schema an operation documents for `status` (a 401 may also document the text challenge). */
function jsonSchema(operationId: string, status: number): string {
  const op = spec.byOperationId.get(operationId);
  const pointer = (op && responseFor(op, status))?.content.find((c) => c.mediaType.includes('json'))?.schemaPointer;
  if (pointer === undefined) throw new Error(`${operationId} documents no JSON ${status} body`);
  return pointer;
}

/** The seeded admin keys by level (`/__mock/credentials` lists them; `admin` is the demo admin key). */
export const LEVEL_KEY = {
  viewer: `hka_${'b'.repeat(64)}`,
  admin: ADMIN_KEY,
  superadmin: `hka_${'c'.repeat(64)}`,
  ultraadmin: `hka_${'d'.repeat(64)}`,
} as const;

export type Level = keyof typeof LEVEL_KEY;

export const ADMIN_OAUTH_TOKEN = 'demo-oauth-admin';

/** Rails' token challenge, byte for byte (`http_authentication.rb:555-559`). */
export const ACCESS_DENIED = 'HTTP Token: Access denied.\n';

export interface AdminCall {
  method?: string;
  /** A level's seeded key, or any credential as `Bearer`. */
  as?: Level | { bearer: string };
  body?: unknown;
}

/**
 * Sends one admin API request and checks its JSON answer has `status` and fits the spec's response.
 * @example
 * const body = await adminCall(t, 'adminCheck', '/api/admin/v1/check', 200, { as: 'viewer' });
 */
export async function adminCall<T = Record<string, unknown>>(
  t: MockTarget,
  operationId: string,
  path: string,
  status: number,
  call: AdminCall = {},
): Promise<T> {
  const as = call.as ?? 'admin';
  const token = typeof as === 'string' ? LEVEL_KEY[as] : as.bearer;
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (call.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await t.fetch(path, {
    method: call.method ?? 'GET',
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
  });
  const text = await res.text();
  expect(res.status, `${call.method ?? 'GET'} ${path}: ${text}`).toBe(status);
  expect(text, 'the token challenge is not a JSON answer').not.toBe(ACCESS_DENIED);
  const body: unknown = JSON.parse(text);
  const result = validator.validate(jsonSchema(operationId, status), body);
  expect(result.ok ? [] : result.issues, path).toEqual([]);
  return body as T;
}

/** `POST /__mock/reset`: the seeded world again, before a test that writes. */
export async function resetMock(t: MockTarget): Promise<void> {
  const res = await t.fetch('/__mock/reset', { method: 'POST' });
  expect(res.status).toBe(200);
}
