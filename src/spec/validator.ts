/**
 * @module
 * The one validator the mock and the contract runner share: the bundled document is registered once
 * per Ajv instance and each schema is compiled on first use, then cached by its JSON pointer.
 * Two instances: one that coerces strings (path, query and header values), one strict (bodies).
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { resolvePointer } from './operations.js';

// ajv-formats ships CommonJS whose default export lands on `.default` under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

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
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: coerce ? 'array' : false, validateFormats: true });
  addFormats(ajv);
  for (const [name, [min, max]] of Object.entries(INT_RANGES)) {
    ajv.addFormat(name, { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= min && n <= max });
  }
  for (const name of ['float', 'double']) ajv.addFormat(name, { type: 'number', validate: () => true });
  ajv.addFormat('password', true);
  return ajv;
}

export class SpecValidator {
  private readonly strict = makeAjv(false);
  private readonly coercing = makeAjv(true);
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(private readonly document: OpenAPIObject) {
    this.strict.addSchema(document as object, DOC_ID);
    this.coercing.addSchema(document as object, DOC_ID);
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
  validateParameter(schemaPointer: string, raw: string | string[]): { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] } {
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

  private toIssues(errors: ErrorObject[], value: unknown, base: string): ValidationIssue[] {
    return errors.map((e) => {
      const schemaPath = e.schemaPath.startsWith(`${DOC_ID}#`)
        ? decodeURI(e.schemaPath.slice(DOC_ID.length + 1))
        : `${base}${e.schemaPath.replace(/^#/, '')}`;
      const keywordPath = schemaPath.split('/');
      return {
        pointer: e.instancePath,
        keyword: e.keyword,
        message: describe(e),
        schemaPath,
        expected: resolvePointer(this.document, keywordPath.join('/')) ?? e.params,
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
