/**
 * @module
 * What the spec room takes from its platform, in one place: where the spec files are, how a bundled
 * document is read, and how Ajv is loaded. This is the Node side; `platform.browser.ts` is the same
 * module for the browser build (the documents travel in the bundle), which `tools/browser-bundle.ts`
 * puts in this one's place.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { type BundleResult, bundleSpec } from './bundle.js';
import { readBundleCache } from './bundle-cache.js';

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
