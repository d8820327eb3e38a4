/**
 * @module
 * JSON pointers (RFC 6901) into the bundled document and into values: one escape, one unescape,
 * one way to join segments, one lookup. Every room that walks the spec or a body uses these.
 */

/** One reference token: `~` → `~0`, `/` → `~1` (RFC 6901 §3). */
export const escapePointerSegment = (segment: string): string => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** The inverse of `escapePointerSegment`: `~1` first, then `~0` (RFC 6901 §4). */
export const unescapePointerSegment = (token: string): string => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * A pointer from a base and raw (unescaped) segments.
 * @example
 * pointerTo('/paths', '/users/{id}', 'get') // '/paths/~1users~1{id}/get'
 */
export const pointerTo = (base: string, ...segments: readonly (string | number)[]): string =>
  segments.reduce<string>((at, s) => `${at}/${escapePointerSegment(String(s))}`, base);

/**
 * The pointer of an internal `$ref` (`#/components/schemas/A%20B` → `/components/schemas/A B`),
 * `undefined` for an external one. The fragment is a URI fragment, so it is percent-decoded.
 * @example
 * refPointer('#/components/schemas/User') // '/components/schemas/User'
 */
export const refPointer = (ref: string): string | undefined => (ref.startsWith('#/') ? decodeURI(ref.slice(1)) : undefined);

/**
 * The node at `pointer` in `doc`, `undefined` when the path leaves the document.
 * @example
 * resolvePointer({ a: [{ b: 1 }] }, '/a/0/b') // 1
 */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const key = unescapePointerSegment(raw);
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
