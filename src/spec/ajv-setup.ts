/**
 * @module
 * The one way the kit sets Ajv up, for the validator at run time (`validator.ts`) and for the
 * parameter validators generated at build time (`precompile.ts`): the same options and formats
 * make the same checks, so a generated function and a compiled one agree on every value.
 */
import type { Ajv2020 } from 'ajv/dist/2020.js';
import type { Options } from 'ajv/dist/core.js';
import { KIT_FORMATS } from './kit-formats.js';
import { loadAjv } from './platform.js';

/** The id under which a bundled document is registered; `$ref`s into it are `DOC_ID#pointer`. */
export const DOC_ID = 'https://hackatime-kit.local/hackatime.json';

/** What the build may change when it generates code: how it is written, and how much a failure says. */
type CodeGeneration = Pick<Options, 'code' | 'allErrors' | 'verbose'>;

/**
 * An Ajv for JSON Schema 2020-12 with the kit's formats, coercing strings (parameters) or strict (bodies).
 * @example
 * makeAjv(true).addSchema(document, DOC_ID)
 */
export function makeAjv(coerce: boolean, generation: CodeGeneration = {}): Ajv2020 {
  const { Ajv, addFormats } = loadAjv();
  // validateSchema off: the document is an OpenAPI file, not a JSON Schema; lint checks its schemas.
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: false,
    validateSchema: false,
    coerceTypes: coerce ? 'array' : false,
    validateFormats: true,
    ...generation,
  });
  addFormats(ajv);
  for (const [name, format] of Object.entries(KIT_FORMATS)) ajv.addFormat(name, format);
  return ajv;
}

/**
 * What a parameter value is validated as: an object holding it, so that Ajv can coerce it in place.
 * @example
 * parameterSchema('/components/parameters/Start/schema') // { type: 'object', properties: { value: { $ref } }, … }
 */
export function parameterSchema(pointer: string): object {
  return { type: 'object', properties: { value: { $ref: `${DOC_ID}#${encodeURI(pointer)}` } }, required: ['value'] };
}
