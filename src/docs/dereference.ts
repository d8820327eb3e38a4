/**
 * @module
 * A copy of the bundled spec with every internal `$ref` replaced by what it points at, for readers
 * and tools that cannot follow references (the served `/openapi.json`, the static docs).
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { SpecError } from '../spec/errors.js';
import { unescapePointerSegment } from '../spec/json-pointer.js';

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolvePointer(doc: Json, ref: string): Json {
  if (!ref.startsWith('#/')) throw new SpecError(`cannot dereference "${ref}": only internal references are expected after bundling`);
  let node: Json = doc;
  for (const segment of ref.slice(2).split('/').map(unescapePointerSegment)) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isObject(node)) node = node[segment];
    else node = undefined;
    if (node === undefined) throw new SpecError(`$ref "${ref}" points at nothing`);
  }
  return node;
}

/**
 * Returns a fresh document without any `$ref`; `components` stay (themselves dereferenced) so
 * security schemes and named schemas remain browsable. Every replacement is a new object, never a
 * shared one, so YAML output has no anchors and callers may mutate the copy.
 * Throws `SpecError` on a recursive reference (the spec has none; a dereferenced copy cannot hold one).
 * @example
 * const flat = dereference(loadSpec().document);
 */
export function dereference(document: OpenAPIObject): OpenAPIObject {
  const walk = (node: Json, trail: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, trail));
    if (!isObject(node)) return node;
    const ref = node['$ref'];
    if (typeof ref === 'string') {
      if (trail.includes(ref)) throw new SpecError(`recursive $ref ${[...trail, ref].join(' → ')}`);
      const target = walk(resolvePointer(document, ref), [...trail, ref]);
      // OpenAPI 3.1 lets a reference carry its own `summary`/`description`, which win over the target's.
      const siblings = Object.entries(node).filter(([key]) => key !== '$ref');
      if (siblings.length === 0 || !isObject(target)) return target;
      return { ...target, ...Object.fromEntries(siblings.map(([key, value]) => [key, walk(value, trail)])) };
    }
    const out: Record<string, Json> = {};
    for (const [key, value] of Object.entries(node)) out[key] = walk(value, trail);
    return out;
  };
  return walk(document, []) as OpenAPIObject;
}

/** True when `value` still holds a `$ref` anywhere (used by tests and the static build's check). */
export function hasRef(value: Json): boolean {
  if (Array.isArray(value)) return value.some(hasRef);
  if (!isObject(value)) return false;
  return '$ref' in value || Object.values(value).some(hasRef);
}
