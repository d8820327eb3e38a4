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

/**
 * Whether anything under `raw` is a whole number at a float place: the only thing `JSON.stringify`
 * writes wrong. Most answers have none (times with milliseconds, shares like 41.37), and those are
 * handed to `JSON.stringify` whole.
 */
function hasWholeFloat(raw: unknown, shape: FloatShape, key: string): boolean {
  const value = jsonValue(raw, key);
  if (typeof value === 'number') return shape.float !== undefined && isWholeFloat(value, shape.float);
  if (Array.isArray(value)) {
    if (shape.items === undefined && shape.prefixItems === undefined) return false;
    for (let i = 0; i < value.length; i++) {
      const inner = itemShape(shape, i);
      if (inner !== undefined && hasWholeFloat(value[i], inner, String(i))) return true;
    }
    return false;
  }
  if (typeof value !== 'object' || value === null || shape.properties === undefined) return false;
  for (const [name, inner] of shape.properties) {
    if (Object.hasOwn(value, name) && hasWholeFloat((value as Record<string, unknown>)[name], inner, name)) return true;
  }
  return false;
}

// What stands in for an item with a whole float while its array is written in one go: a string
// starting with U+0000, which `JSON.stringify` writes as the six characters `\u0000`.
const MARK = '\u0000hackatime-kit-float:';
const MARK_TEXT = JSON.stringify(MARK).slice(0, -1);

/**
 * An array in one `JSON.stringify`, the items that hold a whole float swapped for marks and written
 * by `write` into the text after: one call for a thousand heartbeats costs half of a thousand calls.
 * The text is used only if it holds each mark exactly once, in order (a value of the array that
 * itself contains the mark's text falls back to writing item by item).
 */
function writeArray(list: readonly unknown[], shape: FloatShape): string {
  const dirty: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const inner = itemShape(shape, i);
    if (inner !== undefined && hasWholeFloat(list[i], inner, String(i))) dirty.push(i);
  }
  if (dirty.length === 0) return plain(list) ?? 'null';
  const marked = list.slice();
  for (const i of dirty) marked[i] = `${MARK}${i}`;
  const text = JSON.stringify(marked);
  const parts: string[] = [];
  let from = 0;
  for (let at = text.indexOf(MARK_TEXT), n = 0; at !== -1; at = text.indexOf(MARK_TEXT, at + 1), n++) {
    const i = dirty[n];
    const token = `${MARK_TEXT}${i}"`;
    if (i === undefined || text.slice(at, at + token.length) !== token) return writeEach(list, shape);
    parts.push(text.slice(from, at), write(list[i], itemShape(shape, i) ?? {}, String(i)) ?? 'null');
    from = at + token.length;
  }
  if (parts.length !== dirty.length * 2) return writeEach(list, shape);
  parts.push(text.slice(from));
  return parts.join('');
}

/** An array item by item: each item with a whole float by `write`, the others by `JSON.stringify`. */
function writeEach(list: readonly unknown[], shape: FloatShape): string {
  const items = list.map((item, i) => {
    const inner = itemShape(shape, i);
    const text = inner !== undefined && hasWholeFloat(item, inner, String(i)) ? write(item, inner, String(i)) : plain(item);
    // `JSON.stringify` writes an item it cannot represent (undefined, a function) as `null`.
    return text ?? 'null';
  });
  return `[${items.join(',')}]`;
}

function writeObject(object: Record<string, unknown>, properties: ReadonlyMap<string, FloatShape>): string {
  let out = '{';
  let first = true;
  for (const key of Object.keys(object)) {
    const inner = properties.get(key);
    const text = inner === undefined ? plain(object[key]) : write(object[key], inner, key);
    // A member `JSON.stringify` leaves out (undefined, a function) is left out here too.
    if (text === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

function write(raw: unknown, shape: FloatShape, key: string): string | undefined {
  const value = jsonValue(raw, key);
  if (typeof value === 'number' && shape.float !== undefined && isWholeFloat(value, shape.float)) return floatText(value);
  if (Array.isArray(value)) return shape.items || shape.prefixItems ? writeArray(value, shape) : plain(value);
  if (typeof value === 'object' && value !== null && shape.properties)
    return writeObject(value as Record<string, unknown>, shape.properties);
  return plain(value);
}

/**
 * `value` as JSON, whole numbers at the float places of `shape` written with `.0`; exactly
 * `JSON.stringify(value)` when `shape` is undefined.
 * @example
 * stringifyWithFloats({ time: 1795180000, id: 7 }, { properties: new Map([['time', { float: 'always' }]]) })
 * // '{"time":1795180000.0,"id":7}'
 */
export function stringifyWithFloats(value: unknown, shape: FloatShape | undefined): string {
  const text = shape === undefined || !hasWholeFloat(value, shape, '') ? plain(value) : write(value, shape, '');
  return text ?? 'null';
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
