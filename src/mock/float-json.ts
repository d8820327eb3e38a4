/**
 * @module
 * JSON as the real server writes it: Oj in Rails mode (`Oj.optimize_rails`,
 * `config/initializers/oj.rb` of hackclub/hackatime) writes a whole Float as `1795180000.0`, which
 * `JSON.stringify` cannot. The places that are Floats on the server come from the spec's `x-float`
 * marks (`floatShape`, src/spec/floats.ts). Only the paths down to a whole float are walked here;
 * every other subtree, and a body without one, is handed to `JSON.stringify` whole.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { type FloatKind, type FloatShape, floatShape } from '../spec/floats.js';
import { isJsonMediaType, mediaTypeOf } from '../spec/media-type.js';
import { type IndexedOperation, responseFor } from '../spec/operations.js';

// Beyond 2^53 a double prints in exponent form or loses digits; Ruby prints those as `1.0e+16`, and
// no field of the API comes near, so they are left to `JSON.stringify`.
const SAFE = 2 ** 53;

/** Whether a number at a float place is written differently from `JSON.stringify`: whole, short of 2^53, not an `except-zero` 0. */
const isWholeFloat = (value: number, kind: FloatKind): boolean =>
  Number.isInteger(value) && Math.abs(value) < SAFE && !(kind === 'except-zero' && value === 0);

/** A whole number at a float place: `N.0` (`-0` is a whole Float too: Ruby writes `-0.0`). */
const floatText = (value: number): string => (Object.is(value, -0) ? '-0.0' : `${value}.0`);

/** One member or item outside the float paths: what `JSON.stringify` writes for it inside its parent. */
const plain = (value: unknown): string | undefined => JSON.stringify(value);

/** `JSON.stringify`'s first step: a value with `toJSON` is replaced by what it returns (generated rows fill their hash so). */
function jsonValue(value: unknown, key: string): unknown {
  const toJSON = typeof value === 'object' && value !== null ? (value as { toJSON?: unknown }).toJSON : undefined;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

const itemShape = (shape: FloatShape, i: number): FloatShape | undefined =>
  shape.prefixItems !== undefined && i < shape.prefixItems.length ? shape.prefixItems[i] : shape.items;

// What stands in for a whole float while the body is written in one go: a string starting with
// U+0000, which `JSON.stringify` writes as the six characters `\u0000`, and then the float's text.
const MARK = '\u0000hackatime-kit-float:';
const MARKED = new RegExp(`"${JSON.stringify(MARK).slice(1, -1).replace(/\\/g, '\\\\')}(-?[0-9]+\\.0)"`, 'g');

/**
 * `raw` with each whole number at a float place swapped for a mark holding its text; objects and
 * arrays copied only along the paths to a mark, everything else shared. The same value (not a
 * copy) when there is none: most answers (times with milliseconds, shares like 41.37) have none.
 */
function marked(raw: unknown, shape: FloatShape, key: string, marks: { count: number }): unknown {
  const value = jsonValue(raw, key);
  if (typeof value === 'number') {
    if (shape.float === undefined || !isWholeFloat(value, shape.float)) return raw;
    marks.count++;
    return `${MARK}${floatText(value)}`;
  }
  if (Array.isArray(value)) {
    if (shape.items === undefined && shape.prefixItems === undefined) return raw;
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const inner = itemShape(shape, i);
      if (inner === undefined) continue;
      const item = marked(value[i], inner, String(i), marks);
      if (item !== value[i]) {
        copy ??= value.slice();
        copy[i] = item;
      }
    }
    return copy ?? raw;
  }
  if (typeof value !== 'object' || value === null || shape.properties === undefined) return raw;
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const [name, inner] of shape.properties) {
    if (!Object.hasOwn(object, name)) continue;
    const member = marked(object[name], inner, name, marks);
    if (member !== object[name]) {
      copy ??= { ...object };
      copy[name] = member;
    }
  }
  return copy ?? raw;
}

/** `value` written member by member: the exact way, for a body in which a value looks like a mark. */
function writeEach(raw: unknown, shape: FloatShape, key: string): string | undefined {
  const value = jsonValue(raw, key);
  if (typeof value === 'number' && shape.float !== undefined && isWholeFloat(value, shape.float)) return floatText(value);
  if (Array.isArray(value) && (shape.items || shape.prefixItems)) {
    // `JSON.stringify` writes an item it cannot represent (undefined, a function) as `null`.
    const items = value.map((item, i) => {
      const inner = itemShape(shape, i);
      return (inner === undefined ? plain(item) : writeEach(item, inner, String(i))) ?? 'null';
    });
    return `[${items.join(',')}]`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !shape.properties) return plain(value);
  let out = '{';
  let first = true;
  for (const name of Object.keys(value)) {
    const inner = shape.properties.get(name);
    const member = (value as Record<string, unknown>)[name];
    const text = inner === undefined ? plain(member) : writeEach(member, inner, name);
    // A member `JSON.stringify` leaves out (undefined, a function) is left out here too.
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(name)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * `value` as JSON, whole numbers at the float places of `shape` written with `.0`; exactly
 * `JSON.stringify(value)` when `shape` is undefined. The body is written in one `JSON.stringify`
 * with marks in place of the whole floats, which are then written over; if the text holds other
 * than exactly those marks (a value of the body looks like one), it is written member by member.
 * @example
 * stringifyWithFloats({ time: 1795180000, id: 7 }, { properties: new Map([['time', { float: 'always' }]]) })
 * // '{"time":1795180000.0,"id":7}'
 */
export function stringifyWithFloats(value: unknown, shape: FloatShape | undefined): string {
  const marks = { count: 0 };
  const withMarks = shape === undefined ? value : marked(value, shape, '', marks);
  if (marks.count === 0) return plain(value) ?? 'null';
  let found = 0;
  const text = (plain(withMarks) ?? 'null').replace(MARKED, (_, float: string) => {
    found++;
    return float;
  });
  return found === marks.count ? text : (writeEach(value, shape as FloatShape, '') ?? 'null');
}

/** The float shape of an operation's JSON answer of a status, looked up once per status. */
export type FloatsByStatus = (status: number) => FloatShape | undefined;

/**
 * The float shapes of `op`'s documented JSON responses, by status (as `responseFor` matches them).
 * @example
 * floatsOf(doc, spec.byId.get('getUserSpans'))(200)?.properties?.has('spans') // true
 */
export function floatsOf(doc: OpenAPIObject, op: Pick<IndexedOperation, 'responses'>): FloatsByStatus {
  const byStatus = new Map<number, FloatShape | undefined>();
  return (status) => {
    if (byStatus.has(status)) return byStatus.get(status);
    const pointer = responseFor(op, status)?.content.find((m) => isJsonMediaType(mediaTypeOf(m.mediaType)))?.schemaPointer;
    const shape = pointer === undefined ? undefined : floatShape(doc, pointer);
    byStatus.set(status, shape);
    return shape;
  };
}
