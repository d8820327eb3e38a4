/**
 * @module
 * Which statuses a request may get, read from the spec alone, for the negative cases and the
 * fuzzer's requests alike. A valid request: any documented answer but a 5xx (a user that does not
 * exist gets its documented 404, private stats their 403), a 401 (it carries a valid credential),
 * a 413 (its body is small) or a 429 (left to `expected_status`, which only warns). A request with one bad part: the documented 4xx for that
 * part. A 500 only where the spec documents it for a parameter the request sets: the parameter's
 * `x-invalid-response` names it, or its description says the server answers `500` (the real
 * server crashes on an unparseable `start_time`, a negative `limit`).
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { resolvePointer } from '../../spec/json-pointer.js';
import type { IndexedOperation, IndexedParameter } from '../../spec/operations.js';

const documented = (op: IndexedOperation): number[] => op.responses.map((r) => Number(r.status)).filter((s) => Number.isInteger(s));
export const documents = (op: IndexedOperation, status: number): boolean => documented(op).includes(status);

/** Statuses that a request not about credentials, size or rate can never deserve. */
const NEVER_FOR_VALID = new Set([401, 413, 429]);

export function validStatuses(op: IndexedOperation): number[] {
  return documented(op).filter((s) => s < 500 && !NEVER_FOR_VALID.has(s));
}

/** The status `x-invalid-response` names for a bad value (a path parameter's: 404), if documented. */
export function invalidStatus(op: IndexedOperation, param: IndexedParameter): number | undefined {
  const ext = param.extensions['x-invalid-response'];
  const status =
    typeof ext === 'object' && ext !== null
      ? Number((ext as { status?: unknown }).status)
      : param.in === 'path' && ext === undefined
        ? 404
        : undefined;
  return status !== undefined && documents(op, status) ? status : undefined;
}

/**
 * `x-unauthenticated-response` (see openapi/README.md): the documented status the operation gives
 * every request without a key the runner cannot hold (the revocation route's 302), before it looks at
 * the request's body; none for other operations.
 * @example
 * gateStatuses(spec.byOperationId.get('revokeKey')!) // [302]
 */
export function gateStatuses(op: IndexedOperation): number[] {
  const status = Number(op.extensions['x-unauthenticated-response']);
  return Number.isInteger(status) && documents(op, status) ? [status] : [];
}

/** The status of a request without (or with a wrong) credential: 401, else 404, else 403. */
export const noAuthStatus = (op: IndexedOperation): number | undefined => [401, 404, 403].find((s) => documents(op, s));

/**
 * A body the operation cannot use (wrong content type, none at all, an OAuth request that cannot
 * succeed): any documented 4xx that is about the request itself — not 404 (the route exists), not
 * 413 or 429; not 401 unless the operation authenticates a client itself (OAuth's `invalid_client`).
 */
export function rejectedBodyStatuses(op: IndexedOperation, clientAuth: boolean): number[] {
  return documented(op).filter((s) => s >= 400 && s < 500 && s !== 404 && s !== 413 && s !== 429 && (clientAuth || s !== 401));
}

/**
 * Parameters whose documented answer to a bad value is a 500 on an operation that documents 500:
 * a fuzzed value for one of them may get that answer.
 */
export function crashingParameters(document: OpenAPIObject, op: IndexedOperation): Set<string> {
  const out = new Set<string>();
  if (!documents(op, 500)) return out;
  for (const param of op.parameters) {
    const ext = param.extensions['x-invalid-response'];
    const named = typeof ext === 'object' && ext !== null && String((ext as { status?: unknown }).status) === '500';
    const described = resolvePointer(document, param.schemaPointer.replace(/\/schema$/, '')) as { description?: unknown } | undefined;
    const says500 = typeof described?.description === 'string' && /\b500\b/.test(described.description);
    if (named || says500) out.add(`${param.in}:${param.name}`);
  }
  return out;
}
