/**
 * @module
 * The one validator the mock and the contract runner share: the bundled document is registered once
 * per Ajv instance and each schema is compiled on first use, then cached by its JSON pointer.
 * Two instances: one that coerces strings (path, query and header values), one strict (bodies).
 */
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { escapePointerSegment, resolvePointer } from './json-pointer.js';
import { loadAjv } from './platform.js';

const DOC_ID = 'https://hackatime-kit.local/hackatime.json';

export interface ValidationIssue {
  /** JSON pointer into the validated value ("" is the value itself). */
  pointer: string;
  keyword: string;
  message: string;
  /** JSON pointer into the bundled spec of the failing schema keyword. */
  schemaPath: string;
  /** The schema keyword's value (what was expected). */
  expected: unknown;
  /** The value found at `pointer`. */
  received: unknown;
}

export type ValidationResult = { ok: true } | { ok: false; issues: ValidationIssue[] };

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function makeAjv(coerce: boolean): Ajv2020 {
  const { Ajv, addFormats } = loadAjv();
  // validateSchema off: the document is an OpenAPI file, not a JSON Schema; lint checks its schemas.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    validateSchema: false,
    coerceTypes: coerce ? 'array' : false,
    validateFormats: true,
  });
  addFormats(ajv);
  for (const [name, [min, max]] of Object.entries(INT_RANGES)) {
    ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  }
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  ajv.addFormat('password', true);
  return ajv;
}

export class SpecValidator {
  private strictAjv: Ajv2020 | undefined;
  private coercingAjv: Ajv2020 | undefined;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {}

  // Built on first use: many runs never validate a parameter, or never a body.
  private get strict(): Ajv2020 {
    return (this.strictAjv ??= makeAjv(false).addSchema(this.document as object, DOC_ID));
  }

  private get coercing(): Ajv2020 {
    return (this.coercingAjv ??= makeAjv(true).addSchema(this.document as object, DOC_ID));
  }

  /** Validates a value against the schema at `schemaPointer` (e.g. `/components/schemas/Error`). */
  validate(schemaPointer: string, value: unknown): ValidationResult {
    const fn = this.compiled(this.strict, 's', schemaPointer);
    return fn(value) ? { ok: true } : { ok: false, issues: this.toIssues(fn.errors ?? [], value, schemaPointer) };
  }

  /**
   * Validates one parameter value given as a string (or strings), coercing it to the schema's type.
   * Returns the coerced value on success.
   */
  validateParameter(
    schemaPointer: string,
    raw: string | string[],
  ): { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] } {
    const fn = this.compiled(this.coercing, 'p', schemaPointer, true);
    const holder = { value: raw };
    if (fn(holder)) return { ok: true, value: holder.value };
    const issues = this.toIssues(fn.errors ?? [], holder, schemaPointer).map((i) => ({
      ...i,
      pointer: i.pointer.replace(/^\/value/, ''),
      schemaPath: i.schemaPath.replace(/^#\/properties\/value/, ''),
    }));
    return { ok: false, issues };
  }

  private compiled(ajv: Ajv2020, tag: string, pointer: string, wrapped = false): ValidateFunction {
    const key = `${tag}${pointer}`;
    let fn = this.cache.get(key);
    if (!fn) {
      const ref = { $ref: `${DOC_ID}#${encodeURI(pointer)}` };
      fn = ajv.compile(wrapped ? { type: 'object', properties: { value: ref }, required: ['value'] } : ref);
      this.cache.set(key, fn);
    }
    return fn;
  }

  /**
   * Where the failing keyword is written in the document. Ajv's own `schemaPath` is relative to
   * whichever schema it compiled a function for (through `$ref`s and `oneOf` branches that is
   * ambiguous), so the keyword's parent schema object is looked up in the document instead.
   */
  private absoluteSchemaPath(e: ErrorObject, base: string): string {
    const parent = e.parentSchema === undefined ? undefined : this.locations().get(e.parentSchema);
    if (parent !== undefined) return `${parent}/${escapePointerSegment(e.keyword)}`;
    return e.schemaPath.startsWith(`${DOC_ID}#`)
      ? decodeURI(e.schemaPath.slice(DOC_ID.length + 1))
      : `${base}${decodeURI(e.schemaPath.replace(/^#/, ''))}`;
  }

  private locationIndex: Map<object, string> | undefined;

  /** Every object of the document by its JSON pointer (the first place it appears), built once. */
  private locations(): Map<object, string> {
    if (!this.locationIndex) {
      const index = new Map<object, string>();
      const walk = (node: unknown, at: string) => {
        if (typeof node !== 'object' || node === null || index.has(node)) return;
        index.set(node, at);
        for (const [key, value] of Object.entries(node)) walk(value, `${at}/${escapePointerSegment(key)}`);
      };
      walk(this.document, '');
      this.locationIndex = index;
    }
    return this.locationIndex;
  }

  private toIssues(errors: ErrorObject[], value: unknown, base: string): ValidationIssue[] {
    return errors.map((e) => {
      const schemaPath = this.absoluteSchemaPath(e, base);
      return {
        pointer: e.instancePath,
        keyword: e.keyword,
        message: describe(e),
        schemaPath,
        expected: resolvePointer(this.document, schemaPath) ?? e.params,
        received: resolvePointer(value, e.instancePath),
      };
    });
  }
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? 'the value' : e.instancePath;
  if (e.keyword === 'required') return `${where} is missing required property "${String(e.params['missingProperty'])}"`;
  if (e.keyword === 'additionalProperties') return `${where} has unexpected property "${String(e.params['additionalProperty'])}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

const validators = new WeakMap<OpenAPIObject, SpecValidator>();

/** The validator of a document, built once per document. */
export function validatorFor(document: OpenAPIObject): SpecValidator {
  let v = validators.get(document);
  if (!v) {
    v = new SpecValidator(document);
    validators.set(document, v);
  }
  return v;
}
