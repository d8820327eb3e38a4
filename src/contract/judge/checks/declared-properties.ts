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

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class PropertyWalker {
  private readonly schemas = new Map<string, Record<string, unknown> | undefined>();

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
  private applicable(pointer: string, value: unknown, seen: Set<string>): string[] {
    if (seen.has(pointer)) return [];
    seen.add(pointer);
    const schema = this.schema(pointer);
    if (!schema) return [];
    const found = [pointer];
    const ref = typeof schema['$ref'] === 'string' ? refPointer(schema['$ref']) : undefined;
    if (ref !== undefined) found.push(...this.applicable(ref, value, seen));
    const allOf = schema['allOf'];
    if (Array.isArray(allOf)) for (let i = 0; i < allOf.length; i++) found.push(...this.applicable(`${pointer}/allOf/${i}`, value, seen));
    for (const keyword of ['anyOf', 'oneOf'] as const) {
      const branches = schema[keyword];
      if (!Array.isArray(branches)) continue;
      branches.forEach((_, i) => {
        const branch = `${pointer}/${keyword}/${i}`;
        if (this.validator.validate(this.canonical(branch), value).ok) found.push(...this.applicable(branch, value, seen));
      });
    }
    if (schema['if'] !== undefined) {
      const next = this.validator.validate(this.canonical(`${pointer}/if`), value).ok ? 'then' : 'else';
      if (schema[next] !== undefined) found.push(...this.applicable(`${pointer}/${next}`, value, seen));
    }
    return found;
  }

  private walk(pointers: string[], value: unknown, at: string, out: UndeclaredProperty[]): void {
    const seen = new Set<string>();
    const schemas = pointers.flatMap((p) => this.applicable(p, value, seen));
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const children = schemas.flatMap((p) => {
          const s = this.schema(p)!;
          if (Array.isArray(s['prefixItems']) && i < s['prefixItems'].length) return [`${p}/prefixItems/${i}`];
          return s['items'] !== undefined && s['items'] !== false ? [`${p}/items`] : [];
        });
        if (children.length > 0) this.walk(children, item, `${at}/${i}`, out);
      });
      return;
    }
    if (!isObject(value)) return;
    let declaring: string | undefined;
    let open = false;
    for (const p of schemas) {
      const s = this.schema(p)!;
      if (isObject(s['properties']) && Object.keys(s['properties']).length > 0) declaring ??= p;
      for (const k of ['additionalProperties', 'unevaluatedProperties']) if (s[k] !== undefined && s[k] !== false) open = true;
    }
    for (const [name, child] of Object.entries(value)) {
      const children: string[] = [];
      for (const p of schemas) {
        const s = this.schema(p)!;
        if (isObject(s['properties']) && name in s['properties']) children.push(`${p}/properties/${escapePointer(name)}`);
        if (isObject(s['patternProperties'])) {
          for (const pattern of Object.keys(s['patternProperties']))
            if (new RegExp(pattern, 'u').test(name)) children.push(`${p}/patternProperties/${escapePointer(pattern)}`);
        }
      }
      if (children.length === 0) {
        for (const p of schemas) if (isObject(this.schema(p)!['additionalProperties'])) children.push(`${p}/additionalProperties`);
      }
      if (children.length > 0) this.walk(children, child, `${at}/${escapePointer(name)}`, out);
      else if (declaring !== undefined && !open)
        out.push({ pointer: `${at}/${escapePointer(name)}`, name, schemaPointer: declaring, value: child });
    }
  }
}
