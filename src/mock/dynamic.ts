/**
 * @module
 * Schema-driven fake bodies for Prism's `Prefer: dynamic=true`: a value generated from a response
 * schema of the bundled spec, deterministic for (seed, requestKey), and checked with the shared
 * validator before it is returned, so a dynamic body is never one the contract would reject.
 */

import type { Faker } from '@faker-js/faker';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { escapePointerSegment, resolvePointer } from '../spec/json-pointer.js';
import { type SpecValidator, validatorFor } from '../spec/validator.js';
import { sha256 } from '../world/platform.js';
import { fromPattern, numberRange, stringCandidates } from './dynamic-strings.js';

/** The JSON Schema 2020-12 keywords this generator reads (any others are left to the final validation). */
interface Schema {
  [keyword: string]: unknown;
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  examples?: unknown[];
  allOf?: SchemaLike[];
  anyOf?: SchemaLike[];
  oneOf?: SchemaLike[];
  properties?: Record<string, SchemaLike>;
  required?: string[];
  additionalProperties?: SchemaLike;
  items?: SchemaLike;
  prefixItems?: SchemaLike[];
  pattern?: string;
  format?: string;
  // The numeric keywords read here: bounds of values, lengths, item and property counts.
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  maxProperties?: number;
}
type SchemaLike = Schema | boolean;

/** Whole-value attempts before giving up; each reseeds Faker, so a retry explores other branches. */
const ATTEMPTS = 5;
/** Beyond this many nested objects, arrays and `$ref`s, optional parts are left out so recursive schemas end. */
const SHALLOW_DEPTH = 12;
const MAX_DEPTH = 40;
/** Keywords that do not constrain a value: a `$ref` or `oneOf` with only these beside it keeps its pointer. */
const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly']);

// `base` supplies the locale-independent data (country codes, abbreviations). One shared instance
// is safe: generation is synchronous and every call reseeds it first. It is loaded with the first
// generated body, not at start: Faker's English locale is 3 MB of heap and about 25 ms to load.
let fakerLoading: Promise<Faker> | null = null;
const loadFaker = (): Promise<Faker> => {
  fakerLoading ??= import('../world/faker.js').then((m) => m.englishFaker());
  return fakerLoading;
};

function seedFor(seed: number, requestKey: string, attempt: number): number {
  return new DataView(sha256(`${seed}\0${requestKey}\0${attempt}`).buffer).getUint32(0);
}

const without = (s: Schema, ...keys: string[]): Schema => Object.fromEntries(Object.entries(s).filter(([k]) => !keys.includes(k)));
const onlyAnnotations = (s: Schema) => Object.keys(s).every((k) => ANNOTATIONS.has(k));
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A cheap check of a scalar against a schema's flat keywords, for branches merged with their siblings. */
function admitsScalar(s: Schema, v: unknown): boolean {
  if ('const' in s && !same(s['const'], v)) return false;
  if (s.enum && !s.enum.some((e) => same(e, v))) return false;
  if (typeof v === 'string' && s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) return false;
  return !(typeof v === 'number' && (v < (s.minimum ?? -Infinity) || v > (s.maximum ?? Infinity)));
}

export async function dynamicBody(document: OpenAPIObject, schemaPointer: string, seed: number, requestKey: string): Promise<unknown> {
  const root = resolvePointer(document, schemaPointer);
  if (root === undefined) throw new Error(`dynamicBody: no schema at ${schemaPointer}`);
  const validator = validatorFor(document);
  const faker = await loadFaker();
  let problems = '';
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    faker.seed(seedFor(seed, requestKey, attempt));
    const value = new Generator(document, validator, faker).gen(root as SchemaLike, schemaPointer, '', 0);
    const result = validator.validate(schemaPointer, value);
    if (result.ok) return value;
    problems = result.issues.map((i) => i.message).join('; ');
  }
  throw new Error(`dynamicBody: no valid value for ${schemaPointer} after ${ATTEMPTS} attempts: ${problems}`);
}

class Generator {
  constructor(
    private readonly doc: OpenAPIObject,
    private readonly validator: SpecValidator,
    private readonly faker: Faker,
  ) {}

  /**
   * A value for `s`. `at` is the schema's pointer in the document while it is known (it is lost in
   * merged `allOf`s) and lets `oneOf` check its branches; `hint` is "parent.property" for the strings.
   */
  gen(s: SchemaLike, at: string | undefined, hint: string, depth: number): unknown {
    if (depth > MAX_DEPTH) throw new Error(`dynamicBody: schema nested deeper than ${MAX_DEPTH} at ${at ?? hint}`);
    if (s === true) return this.faker.lorem.word();
    if (s === false) throw new Error(`dynamicBody: schema false admits no value at ${at ?? hint}`);
    if (s.$ref !== undefined) {
      const target = this.deref(s.$ref);
      const rest = without(s, '$ref');
      // A hop counts as depth, so a `$ref` cycle with no object in between still hits the guard.
      if (onlyAnnotations(rest)) return this.gen(target, s.$ref.slice(1), hint, depth + 1);
      return this.gen(this.merge([target, rest]), undefined, hint, depth + 1);
    }
    if (s.allOf) return this.gen(this.merge([without(s, 'allOf'), ...s.allOf]), undefined, hint, depth);
    if (s.oneOf || s.anyOf) return this.branch(s, at, hint, depth);
    // Copies, so a caller editing the body cannot edit the document.
    if ('const' in s) return structuredClone(s['const']);
    if (s.enum) return structuredClone(this.faker.helpers.arrayElement(s.enum));
    const type = this.pickType(s);
    if (type === 'null') return null;
    if (type === 'boolean') return this.faker.datatype.boolean();
    if (type === 'integer' || type === 'number') return this.number(s, hint, type === 'integer');
    if (type === 'array') return this.array(s, at, hint, depth);
    if (type === 'object') return this.object(s, at, hint, depth);
    return this.string(s, hint);
  }

  private deref(ref: string): SchemaLike {
    const target = ref.startsWith('#/') ? resolvePointer(this.doc, ref.slice(1)) : undefined;
    if (target === undefined) throw new Error(`dynamicBody: unresolvable $ref ${ref}`);
    return target as SchemaLike;
  }

  /** Flattens an `allOf` into one schema: properties merged per key, `required` united, bounds and enums narrowed. */
  private merge(parts: SchemaLike[], hops = 0): Schema {
    if (hops > MAX_DEPTH) throw new Error('dynamicBody: $ref/allOf loop');
    const out: Schema = {};
    for (const raw of parts) {
      if (raw === true) continue;
      if (raw === false) throw new Error('dynamicBody: allOf contains false');
      let part = raw;
      if (part.$ref !== undefined) part = this.merge([this.deref(part.$ref), without(part, '$ref')], hops + 1);
      if (part.allOf) part = this.merge([without(part, 'allOf'), ...part.allOf], hops + 1);
      for (const [key, value] of Object.entries(part)) {
        const prev = out[key];
        if (key === 'properties' && out.properties) {
          const props = { ...out.properties };
          for (const [name, sub] of Object.entries(value as Record<string, SchemaLike>)) {
            const had = props[name];
            props[name] = had === undefined ? sub : { allOf: [had, sub] };
          }
          out.properties = props;
        } else if (key === 'required' && out.required) out.required = [...new Set([...out.required, ...(value as string[])])];
        else if (key === 'enum' && out.enum) out.enum = out.enum.filter((e) => (value as unknown[]).some((v) => same(e, v)));
        else if (typeof prev === 'number' && typeof value === 'number' && /^(min|exclusiveMin)/.test(key)) out[key] = Math.max(prev, value);
        else if (typeof prev === 'number' && typeof value === 'number' && /^(max|exclusiveMax)/.test(key)) out[key] = Math.min(prev, value);
        else out[key] = value;
      }
    }
    return out;
  }

  /** One branch of a `oneOf`/`anyOf`, in shuffled order; for `oneOf`, one no other branch also accepts. */
  private branch(s: Schema, at: string | undefined, hint: string, depth: number): unknown {
    const keyword = s.oneOf ? 'oneOf' : 'anyOf';
    const branches = s.oneOf ?? s.anyOf ?? [];
    const rest = without(s, 'oneOf', 'anyOf');
    let value: unknown;
    for (const i of this.faker.helpers.shuffle(branches.map((_, i) => i))) {
      const chosen = branches[i] ?? true;
      value = onlyAnnotations(rest)
        ? this.gen(chosen, at && `${at}/${keyword}/${i}`, hint, depth)
        : this.gen(this.merge([rest, chosen]), undefined, hint, depth);
      // A branch can contradict its siblings (a `const` against a `pattern` added by an allOf): try the next.
      if (!admitsScalar(rest, value)) continue;
      if (keyword === 'anyOf' || at === undefined) return value;
      const alsoOther = branches.some((_, j) => j !== i && this.validator.validate(`${at}/oneOf/${j}`, value).ok);
      if (!alsoOther) return value;
    }
    return value; // every branch overlapped: let the whole-value validation decide
  }

  /** The type to generate: `null` only now and then when another type is allowed, else inferred from keywords. */
  private pickType(s: Schema): string {
    const types = typeof s.type === 'string' ? [s.type] : (s.type ?? []);
    const concrete = types.filter((t) => t !== 'null');
    if (types.includes('null') && (concrete.length === 0 || this.faker.number.float() < 0.15)) return 'null';
    if (concrete.length > 0) return this.faker.helpers.arrayElement(concrete);
    if (s.properties || s.additionalProperties !== undefined || s.maxProperties !== undefined) return 'object';
    if (s.items !== undefined || s.prefixItems) return 'array';
    if (s.minimum !== undefined || s.maximum !== undefined || s.multipleOf !== undefined) return 'number';
    return 'string';
  }

  private number(s: Schema, hint: string, integer: boolean): number {
    const step = integer ? 1 : 0.01;
    const low = Math.max(s.minimum ?? -Infinity, s.exclusiveMinimum === undefined ? -Infinity : s.exclusiveMinimum + step);
    const high = Math.min(s.maximum ?? Infinity, s.exclusiveMaximum === undefined ? Infinity : s.exclusiveMaximum - step);
    const [natLow, natHigh] = numberRange(hint);
    let [lo, hi] = [Math.max(natLow, low), Math.min(natHigh, high)];
    // The plausible range misses the schema's bounds entirely: stay near whichever bound exists.
    if (lo > hi) [lo, hi] = Number.isFinite(low) ? [low, Math.min(high, low + 100)] : [high - 100, high];
    let n = integer
      ? this.faker.number.int({ min: Math.ceil(lo), max: Math.floor(hi) })
      : this.faker.number.float({ min: lo, max: hi, fractionDigits: /time$/.test(hint) ? 1 : 2 });
    if (s.multipleOf !== undefined) {
      n = Math.round(n / s.multipleOf) * s.multipleOf;
      if (n < low) n += s.multipleOf;
      if (n > high) n -= s.multipleOf;
    }
    return n;
  }

  private string(s: Schema, hint: string): string {
    const examples = (s.examples ?? []).filter((e): e is string => typeof e === 'string');
    const fits = (v: string) =>
      v.length >= (s.minLength ?? 0) &&
      v.length <= (s.maxLength ?? Infinity) &&
      (s.pattern === undefined || new RegExp(s.pattern, 'u').test(v));
    // Nothing specific for this name: an example of the schema reads better than lorem.
    const generic = examples.length > 0 ? this.faker.helpers.arrayElement(examples) : this.faker.lorem.words({ min: 1, max: 3 });
    const specific = stringCandidates(this.faker, hint, s.format);
    const first = specific[0] ?? generic;
    const candidates = [
      ...specific,
      // The first candidate stretched or cut to the length bounds.
      (first + this.faker.string.alpha(s.minLength ?? 0)).slice(0, s.maxLength ?? Infinity),
      // A fresh match of the pattern varies more than the examples, which come after it.
      ...(s.pattern === undefined ? [] : [fromPattern(s.pattern, this.faker) ?? '']),
      generic,
      ...examples,
      ...(typeof s.default === 'string' ? [s.default] : []),
    ];
    return candidates.find(fits) ?? first;
  }

  private array(s: Schema, at: string | undefined, hint: string, depth: number): unknown[] {
    const prefix = s.prefixItems ?? [];
    const min = Math.max(s.minItems ?? 0, 0);
    const max = s.maxItems ?? Infinity;
    const wanted = depth >= SHALLOW_DEPTH ? min : this.faker.number.int({ min: 1, max: 3 });
    // A tuple gets all its prefix items, and more only when `items` allows them.
    let count = Math.max(wanted, min);
    if (prefix.length > 0) count = s.items === false ? prefix.length : Math.max(count, prefix.length);
    count = Math.min(count, max);
    const out: unknown[] = [];
    for (let i = 0, tries = 0; i < count && tries < count * 5; tries++) {
      const sub = i < prefix.length ? (prefix[i] ?? true) : (s.items ?? true);
      const where = at && (i < prefix.length ? `${at}/prefixItems/${i}` : `${at}/items`);
      const item = this.gen(sub, where, hint, depth + 1);
      // uniqueItems: draw again rather than repeat (a short array is still valid above minItems).
      if (s['uniqueItems'] === true && out.some((o) => same(o, item))) continue;
      out.push(item);
      i++;
    }
    return out;
  }

  private object(s: Schema, at: string | undefined, hint: string, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const limit = s.maxProperties ?? Infinity;
    const required = new Set(s.required ?? []);
    const parent = hint.slice(hint.lastIndexOf('.') + 1);
    for (const [name, sub] of Object.entries(s.properties ?? {})) {
      if (Object.keys(out).length >= limit) break;
      // Optional properties come and go, so different request keys see both shapes.
      if (!required.has(name) && (depth >= SHALLOW_DEPTH || this.faker.datatype.boolean())) continue;
      out[name] = this.gen(sub, at && `${at}/properties/${escapePointerSegment(name)}`, `${parent}.${name}`, depth + 1);
    }
    // A required name with no property schema is still emitted, from `additionalProperties` (or anything).
    for (const name of required)
      if (!(name in out)) out[name] = this.gen(s.additionalProperties ?? true, undefined, `${parent}.${name}`, depth + 1);
    const extra = s.additionalProperties;
    if (extra !== undefined && extra !== false && !s.properties && depth < SHALLOW_DEPTH) {
      const n = Math.min(this.faker.number.int({ min: 1, max: 3 }), limit - Object.keys(out).length);
      for (let i = 0; i < n; i++) out[this.faker.lorem.word()] = this.gen(extra, at && `${at}/additionalProperties`, parent, depth + 1);
    }
    return out;
  }
}
