/**
 * @module
 * A schema and every schema it reaches through `$ref`, written out as one string: what a function
 * compiled from the schema depends on. A validator generated at build time is used for a schema only
 * while this string is the one it was generated from (`precompile.ts`), so a spec edited after the
 * build is never checked by stale code.
 */
import { refPointer, resolvePointer } from './json-pointer.js';

/** Keywords that move the base a `$ref` resolves against: schemas using them are not keyed. */
const BASE_KEYWORDS = new Set(['$id', '$anchor', '$dynamicRef', '$dynamicAnchor']);

/**
 * The key of the schema at `pointer` in `document`: the schema and each `$ref` target, with their
 * pointers, in the order first reached; `undefined` when a `$ref` leaves the document or a keyword
 * moves the base (no key, no generated function: such a schema is compiled at run time).
 * @example
 * schemaClosure(document, '/components/schemas/Error') // '[["/components/schemas/Error",{…}]]'
 */
export function schemaClosure(document: unknown, pointer: string): string | undefined {
  const reached: [string, unknown][] = [];
  const seen = new Set<string>();
  const pending = [pointer];
  for (let at = pending.pop(); at !== undefined; at = pending.pop()) {
    if (seen.has(at)) continue;
    seen.add(at);
    const schema = resolvePointer(document, at);
    if (schema === undefined) return undefined;
    reached.push([at, schema]);
    const refs: string[] = [];
    if (!collectRefs(schema, refs)) return undefined;
    for (const ref of refs.reverse()) pending.push(ref);
  }
  return JSON.stringify(reached);
}

/** Adds the pointer of each `$ref` under `node` to `into`; false when one cannot be keyed. */
function collectRefs(node: unknown, into: string[]): boolean {
  if (typeof node !== 'object' || node === null) return true;
  if (Array.isArray(node)) return node.every((item) => collectRefs(item, into));
  for (const [key, value] of Object.entries(node)) {
    if (BASE_KEYWORDS.has(key)) return false;
    if (key === '$ref') {
      const target = typeof value === 'string' ? refPointer(value) : undefined;
      if (target === undefined) return false;
      into.push(target);
    } else if (!collectRefs(value, into)) return false;
  }
  return true;
}
