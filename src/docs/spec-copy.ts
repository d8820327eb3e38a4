/**
 * @module
 * The spec as readers get it: bundled and dereferenced once per process, then given a server list
 * that starts where "try it" should send requests, and printed as JSON or YAML.
 */

import { createRequire } from 'node:module';
import type { OpenAPIObject, ServerObject } from 'openapi3-ts/oas31';
import { loadSpec } from '../spec/load.js';
import { dereference } from './dereference.js';

// Loaded when the YAML copy is first asked for, not at the mock's start-up.
const require = createRequire(import.meta.url);
const stringify = (value: unknown, options: object): string => (require('yaml') as typeof import('yaml')).stringify(value, options);

let cached: OpenAPIObject | undefined;

/** The project's spec with every `$ref` resolved (computed on first use, then shared: do not mutate). */
export function referenceDocument(): OpenAPIObject {
  cached ??= dereference(loadSpec().document);
  return cached;
}

/** A shallow copy of `document` whose first server is `url`; the spec's other servers follow. */
export function withServerFirst(document: OpenAPIObject, url: string, description: string): OpenAPIObject {
  const others = (document.servers ?? []).filter((s: ServerObject) => s.url.replace(/\/$/, '') !== url.replace(/\/$/, ''));
  return { ...document, servers: [{ url, description }, ...others] };
}

export const specJson = (document: OpenAPIObject): string => `${JSON.stringify(document, null, 2)}\n`;

// Long descriptions stay as written (no folding), so a diff of the YAML reads like the source.
export const specYaml = (document: OpenAPIObject): string => stringify(document, { lineWidth: 0, aliasDuplicateObjects: false });
