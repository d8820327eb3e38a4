/**
 * @module
 * What an operation's generators read of the run: the target (credentials, user, project, today),
 * the spec and the shared validator; and the schema and body arbitraries, built once per validator
 * (that is, per document) because they only cache what they compile.
 */
import type { SpecValidator } from '../../../spec/validator.js';
import type { RunContext } from '../../run-context.js';
import { Bodies } from './bodies.js';
import { SchemaArbitraries } from './schema-arbitrary.js';

export type FuzzPlanContext = Pick<RunContext, 'spec' | 'target' | 'validator'>;

interface Generators {
  schemas: SchemaArbitraries;
  bodies: Bodies;
}

const generators = new WeakMap<SpecValidator, Generators>();

export function generatorsOf(ctx: Pick<RunContext, 'spec' | 'validator'>): Generators {
  let found = generators.get(ctx.validator);
  if (!found) {
    found = { schemas: new SchemaArbitraries(ctx.spec.document), bodies: new Bodies(ctx.spec.document, ctx.validator) };
    generators.set(ctx.validator, found);
  }
  return found;
}
