/**
 * @module
 * What every operation's generators share: the run's target (credentials, user, project, today),
 * the shared validator and the schema and body arbitraries built once per run.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { SpecValidator } from '../../../spec/validator.js';
import type { Target } from '../variables.js';
import { Bodies } from './bodies.js';
import type { FuzzContext } from './operation-cases.js';
import { SchemaArbitraries } from './schema-arbitrary.js';

export function fuzzContextFor(document: OpenAPIObject, target: Target, validator: SpecValidator): FuzzContext {
  return { document, target, validator, schemas: new SchemaArbitraries(document), bodies: new Bodies(document, validator) };
}
