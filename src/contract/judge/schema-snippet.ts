/**
 * @module
 * What a schema finding shows as "expected": the schema object that holds the failing keyword,
 * trimmed to what matters (no prose, nested property schemas reduced to their type or $ref).
 * Reporters render it (`report/format.ts`).
 */

import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { resolvePointer } from '../../spec/json-pointer.js';

const PROSE = new Set(['description', 'title', '$comment']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function outline(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  if (typeof schema['$ref'] === 'string') return { $ref: schema['$ref'] };
  if (schema['type'] !== undefined) return { type: schema['type'] };
  return '…';
}

/**
 * The schema around the failing keyword at `schemaPath`. For `required`, only the missing
 * property's schema is kept, so the reader sees what should have been there.
 */
export function keywordSnippet(document: OpenAPIObject, schemaPath: string, missingProperty?: string): unknown {
  const parentPath = schemaPath.split('/').slice(0, -1).join('/');
  const parent = resolvePointer(document, parentPath);
  if (!isObject(parent)) return parent;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parent)) {
    if (PROSE.has(key)) continue;
    if (key === 'properties' && isObject(value)) {
      const names = missingProperty === undefined ? Object.keys(value) : [missingProperty];
      out[key] = Object.fromEntries(
        names.filter((n) => n in value).map((n) => [n, missingProperty === undefined ? outline(value[n]) : stripProse(value[n])]),
      );
    } else {
      out[key] = value;
    }
  }
  return out;
}

function stripProse(schema: unknown): unknown {
  return isObject(schema) ? Object.fromEntries(Object.entries(schema).filter(([k]) => !PROSE.has(k))) : schema;
}
