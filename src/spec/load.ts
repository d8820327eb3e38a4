/**
 * @module
 * Loads the Hackatime spec once per process: bundle, type, index.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { SpecError } from './errors.js';
import { type IndexedOperation, indexOperations } from './operations.js';
import { readSpecDocument, SPEC_ROOT } from './platform.js';

export { SPEC_ROOT };

export interface LoadedSpec {
  document: OpenAPIObject;
  operations: IndexedOperation[];
  byOperationId: ReadonlyMap<string, IndexedOperation>;
  files: string[];
}

const cache = new Map<string, LoadedSpec>();

export function loadSpec(rootFile: string = SPEC_ROOT): LoadedSpec {
  const hit = cache.get(rootFile);
  if (hit) return hit;
  const { document, files } = readSpecDocument(rootFile);
  if (typeof document['openapi'] !== 'string' || !document['openapi'].startsWith('3.1')) {
    throw new SpecError(`${rootFile}: expected an OpenAPI 3.1 document`);
  }
  const doc = document as unknown as OpenAPIObject;
  const operations = indexOperations(doc);
  const loaded: LoadedSpec = {
    document: doc,
    operations,
    byOperationId: new Map(operations.map((op) => [op.operationId, op])),
    files,
  };
  cache.set(rootFile, loaded);
  return loaded;
}
