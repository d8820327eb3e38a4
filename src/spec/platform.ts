/**
 * @module
 * What the spec room takes from its platform, in one place: where the spec files are, how a bundled
 * document is read, how Ajv is loaded and the parameter validators the build generated. This is the Node side; `platform.browser.ts` is the same
 * module for the browser build (the documents travel in the bundle), which `tools/browser-bundle.ts`
 * puts in this one's place.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { type BundleResult, bundleSpec } from './bundle.js';
import { readBundleCache } from './bundle-cache.js';
import { KIT_FORMATS } from './kit-formats.js';

/** The root file of the project's spec (the same relative place from `src/` and `dist/`). */
export const SPEC_ROOT = fileURLToPath(new URL('../../openapi/hackatime.yaml', import.meta.url));

/** The root file of the mock's own admin API spec. */
export const ADMIN_SPEC_ROOT = fileURLToPath(new URL('../../openapi/mock-admin/mock-admin.yaml', import.meta.url));

/**
 * The bundled document of a root file: the build's cache while the files are unchanged, else bundled now.
 * @example
 * readSpecDocument(SPEC_ROOT).document.openapi // '3.1.0'
 */
export function readSpecDocument(rootFile: string): Pick<BundleResult, 'document' | 'files'> {
  return readBundleCache(rootFile) ?? bundleSpec(rootFile);
}

// Ajv is loaded on first use, synchronously (it is CommonJS): most requests to the mock never
// validate anything, and its load is a tenth of the mock's start-up.
const require = createRequire(import.meta.url);

/** Ajv for JSON Schema 2020-12 and its formats. */
export const loadAjv = () => ({
  Ajv: (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')).Ajv2020,
  addFormats: require('ajv-formats') as (ajv: Ajv2020) => Ajv2020,
});

/** What the generated module exports: given the formats by name, each function with its schema's key. */
type ParameterValidatorsModule = (formats: Record<string, unknown>) => [key: string, validate: ValidateFunction][];

/** Where `npm run build` writes the generated parameter validators (src/spec/precompile.ts). */
const PARAMETER_VALIDATORS = fileURLToPath(new URL('./parameter-validators.cjs', import.meta.url));

/**
 * The parameter validators the build generated, by their schema's key (`schema-closure.ts`); none
 * when there is no build (run from `src/`), and then every schema is compiled at run time.
 * @example
 * loadParameterValidators().size // one per parameter schema of the specs, after `npm run build`
 */
export function loadParameterValidators(): ReadonlyMap<string, ValidateFunction> {
  if (!existsSync(PARAMETER_VALIDATORS)) return new Map();
  const generated = require(PARAMETER_VALIDATORS) as ParameterValidatorsModule;
  const { fullFormats } = require('ajv-formats/dist/formats.js') as typeof import('ajv-formats/dist/formats.js');
  return new Map(generated({ ...fullFormats, ...KIT_FORMATS }));
}
