/**
 * @module
 * `platform.ts` for the browser build: the bundled documents come from the bundle (the build
 * bundles `openapi/` into it), Ajv is imported with the rest.
 */
import { specDocuments } from 'hackatime-kit:bundled-data';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { BundleResult } from './bundle.js';
import { SpecError } from './errors.js';

export const SPEC_ROOT: string = 'openapi/hackatime.yaml';
export const ADMIN_SPEC_ROOT: string = 'openapi/mock-admin/mock-admin.yaml';

/** The bundled document of a root file, as the build bundled it. */
export function readSpecDocument(rootFile: string): Pick<BundleResult, 'document' | 'files'> {
  const bundled = specDocuments[rootFile];
  if (bundled === undefined) throw new SpecError(`${rootFile}: not in the browser bundle`);
  return bundled;
}

export const loadAjv = () => ({ Ajv: Ajv2020, addFormats: addFormats as unknown as (ajv: Ajv2020) => Ajv2020 });

/** The browser build compiles every parameter schema when first used: no generated validators. */
export function loadParameterValidators(): ReadonlyMap<string, ValidateFunction> {
  return new Map();
}
