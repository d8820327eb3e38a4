/**
 * @module
 * Where a body's floats are, read from the spec's `x-float` marks. The real server writes JSON with
 * Oj in Rails mode (`config/initializers/oj.rb` of hackclub/hackatime, `Oj.optimize_rails`), which
 * writes a whole Float as `100.0` and an Integer as `100`; a schema property marked `x-float` is a
 * Ruby Float there (a `t.float` column, `db/schema.rb:353`, or a `.to_f`/`100.0 *` expression). The
 * mock's serialiser writes those places with `.0` and the contract runner checks them, both from the
 * shape compiled here, so the spec stays the one list of float fields.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { SpecError } from './errors.js';
import { refPointer, resolvePointer } from './json-pointer.js';

/**
 * How a marked number is written: `always` a float; `except-zero` a float except the Integer `0` of a
 * `x > 0 ? f.round(1) : 0` branch (last_7_days' `daily_average`, `hackatime_controller.rb:118`).
 */
export type FloatKind = 'always' | 'except-zero';

/**
 * The parts of a schema that lead to a float; absent parts hold none. A schema that combines several
 * (`oneOf` of arrays and objects) merges them: a value is read by whichever part its type selects.
 */
export interface FloatShape {
  /** The value itself, when it is a number. */
  float?: FloatKind;
  /** Object members that are or contain floats. */
  properties?: Map<string, FloatShape>;
  /** Array items (after `prefixItems`). */
  items?: FloatShape;
  /** Tuple positions (`prefixItems`); `undefined` where a position holds no float. */
  prefixItems?: (FloatShape | undefined)[];
}

type Schema = Record<string, unknown>;

const isObject = (value: unknown): value is Schema => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `x-float` of a schema, checked: `true` (always) or `except-zero`. */
function floatKindOf(schema: Schema, pointer: string): FloatKind | undefined {
  const mark = schema['x-float'];
  if (mark === undefined || mark === false) return undefined;
  if (mark === true) return 'always';
  if (mark === 'except-zero') return 'except-zero';
  throw new SpecError(`x-float at ${pointer} must be true or 'except-zero'`);
}

function merge(a: FloatShape | undefined, b: FloatShape | undefined): FloatShape | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out: FloatShape = {};
  const float = a.float ?? b.float;
  if (float !== undefined) out.float = float;
  if (a.properties || b.properties) {
    const properties = new Map(a.properties);
    for (const [name, shape] of b.properties ?? []) properties.set(name, merge(properties.get(name), shape) ?? shape);
    out.properties = properties;
  }
  const items = merge(a.items, b.items);
  if (items) out.items = items;
  if (a.prefixItems || b.prefixItems) {
    const length = Math.max(a.prefixItems?.length ?? 0, b.prefixItems?.length ?? 0);
    out.prefixItems = Array.from({ length }, (_, i) => merge(a.prefixItems?.[i], b.prefixItems?.[i]));
  }
  return out;
}

/** Compiles the schema at `pointer`; `visiting` holds the `$ref`s being followed (a recursive schema stops there). */
function compile(doc: OpenAPIObject, node: unknown, pointer: string, visiting: Set<string>): FloatShape | undefined {
  if (!isObject(node)) return undefined;
  let shape: FloatShape | undefined;
  const ref = typeof node.$ref === 'string' ? refPointer(node.$ref) : undefined;
  if (ref !== undefined && !visiting.has(ref)) {
    visiting.add(ref);
    shape = compile(doc, resolvePointer(doc, ref), ref, visiting);
    visiting.delete(ref);
  }
  const float = floatKindOf(node, pointer);
  if (float !== undefined) shape = merge(shape, { float });
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const list = node[keyword];
    if (!Array.isArray(list)) continue;
    for (const [i, part] of list.entries()) shape = merge(shape, compile(doc, part, `${pointer}/${keyword}/${i}`, visiting));
  }
  if (isObject(node.properties)) {
    const properties = new Map<string, FloatShape>();
    for (const [name, child] of Object.entries(node.properties)) {
      const inner = compile(doc, child, `${pointer}/properties/${name}`, visiting);
      if (inner) properties.set(name, inner);
    }
    if (properties.size > 0) shape = merge(shape, { properties });
  }
  const items = compile(doc, node.items, `${pointer}/items`, visiting);
  if (items) shape = merge(shape, { items });
  if (Array.isArray(node.prefixItems)) {
    const prefixItems = node.prefixItems.map((part, i) => compile(doc, part, `${pointer}/prefixItems/${i}`, visiting));
    if (prefixItems.some((p) => p !== undefined)) shape = merge(shape, { prefixItems });
  }
  return shape;
}

// Per document: the loaded spec is the same for every mock and every run, so the memo is too.
const memo = new WeakMap<OpenAPIObject, Map<string, FloatShape | undefined>>();

/**
 * The float shape of the schema at `schemaPointer` in the bundled document, `undefined` when no
 * value under it is marked `x-float` (then plain `JSON.stringify` writes it as the server does).
 * @example
 * floatShape(doc, '/components/schemas/Span')?.properties?.get('start_time') // { float: 'always' }
 */
export function floatShape(doc: OpenAPIObject, schemaPointer: string): FloatShape | undefined {
  let shapes = memo.get(doc);
  if (!shapes) memo.set(doc, (shapes = new Map()));
  if (shapes.has(schemaPointer)) return shapes.get(schemaPointer);
  const shape = compile(doc, resolvePointer(doc, schemaPointer), schemaPointer, new Set([schemaPointer]));
  shapes.set(schemaPointer, shape);
  return shape;
}
