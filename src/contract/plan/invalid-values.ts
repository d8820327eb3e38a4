/**
 * @module
 * A parameter value the spec's schema rejects, found by trying likely candidates against the shared
 * validator (so "invalid" means exactly what the mock and the spec mean by it).
 */
import type { IndexedParameter } from '../../spec/operations.js';
import type { SpecValidator } from '../../spec/validator.js';

function candidates(schema: Record<string, unknown>): string[] {
  const out: string[] = [];
  const format = schema['format'];
  if (format === 'date') out.push('not-a-date', '2026-02-30');
  if (format === 'date-time') out.push('not-a-date-time');
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  if (types.includes('integer') || types.includes('number')) out.push('not-a-number', '1.5');
  if (types.includes('boolean')) out.push('not-a-boolean');
  if (Array.isArray(schema['enum'])) out.push('hackatime-kit-invalid');
  if (typeof schema['minimum'] === 'number') out.push(String(schema['minimum'] - 1));
  if (typeof schema['maximum'] === 'number') out.push(String(schema['maximum'] + 1));
  if (typeof schema['maxLength'] === 'number') out.push('x'.repeat(schema['maxLength'] + 1));
  // `bad.value.twice`: a route that takes a `.format` still refuses a second dot.
  out.push('bad.value', 'bad.value.twice', 'bad value!', '');
  return out;
}

/**
 * The first candidate the schema rejects; `undefined` when the schema accepts all of them.
 * A path value must stay one non-empty segment, so it never contains `/` and is never empty.
 */
export function invalidValue(param: IndexedParameter, validator: SpecValidator): string | undefined {
  const usable = candidates(param.schema as Record<string, unknown>).filter((c) => param.in !== 'path' || (c !== '' && !c.includes('/')));
  return usable.find((c) => !validator.validateParameter(param.schemaPointer, c).ok);
}
