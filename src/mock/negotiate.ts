/**
 * @module
 * Decides, before anything is built, what kind of answer a request gets — Prism's `Prefer` controls:
 *   (1) `Prefer: code=NNN` — the documented response NNN with its first (or the named) example;
 *   (2) `Prefer: example=NAME` — the named example of the operation (2xx first);
 *   (3) `Prefer: dynamic=true` — data generated from the 2xx schema;
 *   (4) otherwise the world's answer.
 * (1) is decided before authentication, so error paths can be rehearsed without credentials;
 * (2) and (3) replace only the body of an authorised, valid request.
 */
import { type IndexedOperation, type IndexedResponse, responseFor } from '../spec/operations.js';
import { ApiError } from './errors.js';

export type Negotiation =
  | { kind: 'world' }
  | { kind: 'example'; status: number; response: IndexedResponse; mediaType: string | undefined; example: unknown }
  | { kind: 'dynamic'; status: number; response: IndexedResponse; schemaPointer: string };

export interface PreferHeader {
  code?: string;
  example?: string;
  dynamic?: boolean;
  /** Milliseconds to wait before answering. */
  delay?: number;
  fault?: 'reset' | 'empty' | 'truncate';
}

const NO_PREFERENCE: PreferHeader = Object.freeze({});

export function parsePrefer(header: string | undefined): PreferHeader {
  if (header === undefined) return NO_PREFERENCE;
  const prefer: PreferHeader = {};
  for (const part of (header ?? '').split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = rawKey?.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key === 'code') prefer.code = value;
    else if (key === 'example') prefer.example = value;
    else if (key === 'dynamic') prefer.dynamic = value === 'true';
    else if (key === 'delay' && /^\d{1,9}$/.test(value)) prefer.delay = Number(value);
    else if (key === 'fault' && (value === 'reset' || value === 'empty' || value === 'truncate')) prefer.fault = value;
  }
  return prefer;
}

const documented = (op: IndexedOperation) => op.responses.map((r) => r.status).join(', ');

function exampleOf(response: IndexedResponse, name?: string): { mediaType: string | undefined; example: unknown; found: boolean } {
  for (const media of response.content) {
    const names = Object.keys(media.examples);
    const pick = name === undefined ? names[0] : names.find((n) => n === name);
    if (pick !== undefined) return { mediaType: media.mediaType, example: media.examples[pick], found: true };
  }
  return { mediaType: response.content[0]?.mediaType, example: undefined, found: response.content.length === 0 && name === undefined };
}

/** Step (1): a documented status, or a 400 that names the documented ones. */
export function negotiateCode(op: IndexedOperation, prefer: PreferHeader): Extract<Negotiation, { kind: 'example' }> | undefined {
  if (prefer.code === undefined) return undefined;
  const response = /^\d{3}$/.test(prefer.code) ? responseFor(op, Number(prefer.code)) : undefined;
  if (!response) {
    throw new ApiError(400, {
      error: `Prefer: code=${prefer.code} is not documented for ${op.operationId}; documented: ${documented(op)}`,
    });
  }
  const picked = exampleOf(response, prefer.example);
  if (!picked.found && prefer.example !== undefined) {
    throw new ApiError(400, { error: `Prefer: example=${prefer.example} is not an example of ${op.operationId} ${prefer.code}` });
  }
  return { kind: 'example', status: Number(prefer.code), response, mediaType: picked.mediaType, example: picked.example };
}

/** Steps (2)–(4), for a request that passed authentication and validation. */
export function negotiateBody(op: IndexedOperation, prefer: PreferHeader): Negotiation {
  const ordered = [...op.responses].sort((a, b) => Number(!a.status.startsWith('2')) - Number(!b.status.startsWith('2')));
  if (prefer.example !== undefined) {
    for (const response of ordered) {
      const picked = exampleOf(response, prefer.example);
      if (picked.found)
        return { kind: 'example', status: Number(response.status), response, mediaType: picked.mediaType, example: picked.example };
    }
    const names = op.responses.flatMap((r) => r.content.flatMap((m) => Object.keys(m.examples)));
    throw new ApiError(400, {
      error: `Prefer: example=${prefer.example} is not an example of ${op.operationId}; examples: ${names.join(', ')}`,
    });
  }
  if (prefer.dynamic) {
    const success = ordered.find((r) => r.status.startsWith('2') && r.content[0]?.schemaPointer !== undefined);
    if (success)
      return { kind: 'dynamic', status: Number(success.status), response: success, schemaPointer: success.content[0]!.schemaPointer! };
  }
  return { kind: 'world' };
}
