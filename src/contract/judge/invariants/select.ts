/**
 * @module
 * The values an invariant's `at` names: a JSON pointer in which a `*` segment stands for every item
 * of an array (or value of an object), so `/data/*\/grand_total` is each day's grand total. A path
 * that does not exist selects nothing: a rule judges only what the answer has.
 */
import { escapePointerSegment, unescapePointerSegment } from '../../../spec/json-pointer.js';

export interface Selected {
  /** The concrete JSON pointer of the value in the body. */
  pointer: string;
  value: unknown;
}

/**
 * @example
 * select({ a: [{ b: 1 }, { b: 2 }] }, '/a/*\/b') // [{ pointer: '/a/0/b', value: 1 }, { pointer: '/a/1/b', value: 2 }]
 */
export function select(body: unknown, at: string): Selected[] {
  let found: Selected[] = [{ pointer: '', value: body }];
  for (const segment of at === '' ? [] : at.slice(1).split('/')) {
    found = found.flatMap(({ pointer, value }): Selected[] => {
      if (typeof value !== 'object' || value === null) return [];
      if (segment === '*') {
        const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
        return entries.map(([key, v]) => ({ pointer: `${pointer}/${escapePointerSegment(key)}`, value: v }));
      }
      const key = unescapePointerSegment(segment);
      if (!Object.hasOwn(value, key)) return [];
      return [{ pointer: `${pointer}/${segment}`, value: (value as Record<string, unknown>)[key] }];
    });
  }
  return found;
}

/** A member of an object by a relative path (`range/date`), or undefined. */
export function member(value: unknown, path: string): unknown {
  let at = value;
  for (const key of path.split('/')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}
