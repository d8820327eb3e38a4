/**
 * @module
 * Finds the object properties of a value that its schema does not declare: walks schema and value
 * together, following `$ref`, every `allOf` branch, the `anyOf`/`oneOf` branches the value matches
 * and `if`/`then`/`else`. An object whose schemas declare no property at all, or allow any
 * (`additionalProperties` other than `false`), is free-form and never reported.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { escapePointerSegment as escapePointer, refPointer, resolvePointer } from '../../../spec/json-pointer.js';
import type { SpecValidator } from '../../../spec/validator.js';

export interface UndeclaredProperty {
  /** JSON pointer of the property in the value. */
  pointer: string;
  name: string;
  /** Pointer of the (first) object schema that declares its siblings. */
  schemaPointer: string;
  value: unknown;
}

/** The schemas that apply at one place of a value, and their children by property name or item. */
interface Layout {
  schemas: string[];
  /** The first schema that declares properties (the one a finding names). */
  declaring: string | undefined;
  /** Some schema allows properties it does not declare. */
  open: boolean;
  /** Some schema has `prefixItems` (children differ by index). */
  tuple: boolean;
  /** Child pointers by `.<property name>`, or `#`/`#<index>` for array items. */
  children: Map<string, string[]>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class PropertyWalker {
  private readonly schemas = new Map<string, Record<string, unknown> | undefined>();
  private readonly layouts = new Map<string, Layout>();

  constructor(
    private readonly document: OpenAPIObject,
    private readonly validator: SpecValidator,
  ) {}

  undeclared(schemaPointer: string, value: unknown): UndeclaredProperty[] {
    const out: UndeclaredProperty[] = [];
    this.walk([schemaPointer], value, '', out);
    return out;
  }

  private schema(pointer: string): Record<string, unknown> | undefined {
    if (this.schemas.has(pointer)) return this.schemas.get(pointer);
    const s = resolvePointer(this.document, pointer);
    const schema = isObject(s) ? s : undefined;
    this.schemas.set(pointer, schema);
    return schema;
  }

  /**
   * A branch that is only a `$ref` is validated at its target, whose compiled validator every
   * operation shares, instead of compiling the same schema again under each branch's pointer.
   */
  private canonical(pointer: string): string {
    let at = pointer;
    for (let hops = 0; hops < 20; hops++) {
      const schema = this.schema(at);
      const ref = schema?.['$ref'];
      const target = typeof ref === 'string' ? refPointer(ref) : undefined;
      if (target === undefined || Object.keys(schema!).length !== 1) break;
      at = target;
    }
    return at;
  }

  /** Every subschema that applies to `value` at `pointer`, the schema itself first. */
  private applicable(pointer: string, value: unknown, seen: Set<string>, branching: { found: boolean }): string[] {
    if (seen.has(pointer)) return [];
    seen.add(pointer);
    const schema = this.schema(pointer);
    if (!schema) return [];
    const found = [pointer];
    const ref = typeof schema['$ref'] === 'string' ? refPointer(schema['$ref']) : undefined;
    if (ref !== undefined) found.push(...this.applicable(ref, value, seen, branching));
    const allOf = schema['allOf'];
    if (Array.isArray(allOf))
      for (let i = 0; i < allOf.length; i++) found.push(...this.applicable(`${pointer}/allOf/${i}`, value, seen, branching));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      branching.found = true;
      branches.forEach((_, i) => {
        const branch = `${pointer}/${keyword}/${i}`;
        if (this.validator.validate(this.canonical(branch), value).ok) found.push(...this.applicable(branch, value, seen, branching));
      });
    }
    if (schema['if'] !== undefined) {
      branching.found = true;
      const next = this.validator.validate(this.canonical(`${pointer}/if`), value).ok ? 'then' : 'else';
      if (schema[next] !== undefined) found.push(...this.applicable(`${pointer}/${next}`, value, seen, branching));
    }
    return found;
  }

  /**
   * The schemas that apply at a place and what they say about its children. Cached by the pointers
   * it starts from when no `anyOf`/`oneOf`/`if` made it depend on the value (most places: a page of
   * heartbeats is one layout per row), else computed for this value.
   */
  private layout(pointers: string[], value: unknown): Layout {
    const key = pointers.length === 1 ? (pointers[0] as string) : pointers.join('\n');
    const cached = this.layouts.get(key);
    if (cached) return cached;
    const seen = new Set<string>();
    const branching = { found: false };
    const schemas = pointers.flatMap((p) => this.applicable(p, value, seen, branching));
    const layout = this.layoutOf(schemas);
    if (!branching.found) this.layouts.set(key, layout);
    return layout;
  }

  private layoutOf(schemas: string[]): Layout {
    let declaring: string | undefined;
    let open = false;
    let tuple = false;
    for (const p of schemas) {
      const s = this.schema(p)!;
      if (isObject(s['properties']) && Object.keys(s['properties']).length > 0) declaring ??= p;
      for (const k of ['additionalProperties', 'unevaluatedProperties']) if (s[k] !== undefined && s[k] !== false) open = true;
      if (Array.isArray(s['prefixItems'])) tuple = true;
    }
    return { schemas, declaring, open, tuple, children: new Map() };
  }

  private itemChildren(layout: Layout, i: number): string[] {
    const key = layout.tuple ? `#${i}` : '#';
    const cached = layout.children.get(key);
    if (cached) return cached;
    const children = layout.schemas.flatMap((p) => {
      const s = this.schema(p)!;
      if (Array.isArray(s['prefixItems']) && i < s['prefixItems'].length) return [`${p}/prefixItems/${i}`];
      return s['items'] !== undefined && s['items'] !== false ? [`${p}/items`] : [];
    });
    layout.children.set(key, children);
    return children;
  }

  private propertyChildren(layout: Layout, name: string): string[] {
    const cached = layout.children.get(`.${name}`);
    if (cached) return cached;
    const children: string[] = [];
    for (const p of layout.schemas) {
      const s = this.schema(p)!;
      if (isObject(s['properties']) && name in s['properties']) children.push(`${p}/properties/${escapePointer(name)}`);
      if (isObject(s['patternProperties'])) {
        for (const pattern of Object.keys(s['patternProperties']))
          if (new RegExp(pattern, 'u').test(name)) children.push(`${p}/patternProperties/${escapePointer(pattern)}`);
      }
    }
    if (children.length === 0) {
      for (const p of layout.schemas) if (isObject(this.schema(p)!['additionalProperties'])) children.push(`${p}/additionalProperties`);
    }
    layout.children.set(`.${name}`, children);
    return children;
  }

  private walk(pointers: string[], value: unknown, at: string, out: UndeclaredProperty[]): void {
    if (!Array.isArray(value) && !isObject(value)) return;
    const layout = this.layout(pointers, value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const children = this.itemChildren(layout, i);
        if (children.length > 0) this.walk(children, item, `${at}/${i}`, out);
      });
      return;
    }
    for (const [name, child] of Object.entries(value)) {
      const children = this.propertyChildren(layout, name);
      if (children.length > 0) this.walk(children, child, `${at}/${escapePointer(name)}`, out);
      else if (layout.declaring !== undefined && !layout.open)
        out.push({ pointer: `${at}/${escapePointer(name)}`, name, schemaPointer: layout.declaring, value: child });
    }
  }
}
