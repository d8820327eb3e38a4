/**
 * The parameter validators the build generates (`src/spec/parameter-validators.ts`, run by `npm run
 * build` through src/spec/precompile.ts) are the validator's own checks written out: with them the
 * shared validator gives every parameter the verdict, the coerced value and the issues it gives
 * without them; a schema changed after the build is never checked by stale code; and the build's
 * module is current (made from today's specs).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { KIT_FORMATS } from '../../src/spec/kit-formats.js';
import { loadSpec } from '../../src/spec/load.js';
import { parameterValidatorsSource } from '../../src/spec/parameter-validators.js';
import { ADMIN_SPEC_ROOT, SPEC_ROOT } from '../../src/spec/platform.js';
import { SpecValidator } from '../../src/spec/validator.js';
import { ROOT } from '../helpers/cli.js';

const specs = [loadSpec(SPEC_ROOT), loadSpec(ADMIN_SPEC_ROOT)];
const source = parameterValidatorsSource(specs.map((s) => s.document));

/** The generated module, run as CommonJS from here (its `require`s find the kit's Ajv) and called as the Node platform calls it. */
function loadGenerated(code: string): ReadonlyMap<string, ValidateFunction> {
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', code)(module, module.exports, createRequire(import.meta.url));
  const generated = module.exports as (formats: object) => [string, ValidateFunction][];
  return new Map(generated({ ...fullFormats, ...KIT_FORMATS }));
}

const generated = loadGenerated(source);

/** Strings and lists a client might send, good and bad, plus each schema's own examples. */
function samples(schema: unknown): (string | string[])[] {
  const own = ((schema as { examples?: unknown[] }).examples ?? []).map(String);
  const enums = ((schema as { enum?: unknown[] }).enum ?? []).map(String);
  return [
    ...own,
    ...enums,
    '',
    'x',
    '0',
    '-1',
    '12',
    '1.5',
    '2026-08-22',
    '2026-13-45',
    '2026-08-22T18:30:00Z',
    'true',
    'today',
    'a/b',
    '9'.repeat(30),
    ['1', '2'],
    ['2026-08-22'],
    [],
  ];
}

describe('the generated parameter validators', () => {
  it('cover every parameter that can reject a string, in both specs', () => {
    const annotation = (key: string) => ['type', 'description', 'examples', 'example', 'default', 'deprecated', 'title'].includes(key);
    for (const spec of specs) {
      const validator = new SpecValidator(spec.document, () => generated) as unknown as { generatedFor(pointer: string): unknown };
      for (const { name, schema, schemaPointer } of spec.operations.flatMap((op) => op.parameters)) {
        const anyString = schema.type === 'string' && Object.keys(schema).every((k) => annotation(k) || k.startsWith('x-'));
        expect(validator.generatedFor(schemaPointer) !== undefined, `${name} at ${schemaPointer}`).toBe(!anyString);
      }
    }
    // A mock checks its first parameters without Ajv: the validator has not made one.
    const spec = specs[0]!;
    const start = spec.byOperationId.get('getSummaries')?.parameters.find((p) => p.name === 'start');
    const validator = new SpecValidator(spec.document, () => generated);
    expect(validator.validateParameter(start!.schemaPointer, '2026-08-22')).toEqual({ ok: true, value: '2026-08-22' });
    expect(validator.validateParameter(start!.schemaPointer, '22/08/2026').ok).toBe(false);
    expect((validator as unknown as { coercingAjv: unknown }).coercingAjv).toBeUndefined();
  });

  it('give every parameter the verdict, the coerced value and the issues that Ajv at run time gives', () => {
    let compared = 0;
    for (const spec of specs) {
      const compiled = new SpecValidator(spec.document);
      const withGenerated = new SpecValidator(spec.document, () => generated);
      for (const op of spec.operations) {
        for (const param of op.parameters) {
          for (const value of samples(param.schema)) {
            const label = `${op.operationId} ${param.name} ${JSON.stringify(value)}`;
            const expected = compiled.validateParameter(param.schemaPointer, structuredClone(value));
            const actual = withGenerated.validateParameter(param.schemaPointer, structuredClone(value));
            expect(actual.ok, label).toBe(expected.ok);
            if (actual.ok && expected.ok) expect(actual.value, label).toEqual(expected.value);
            if (!actual.ok && !expected.ok) expect(actual.issues, label).toEqual(expected.issues);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('are not used for a schema changed after the build', () => {
    const spec = specs[0]!;
    const param = spec.byOperationId.get('getSummaries')?.parameters.find((p) => p.name === 'start');
    expect(param).toBeDefined();
    const document = structuredClone(spec.document);
    const schema = resolveSchema(document, param!.schemaPointer);
    // The edited spec takes any string for `start`: the generated `format: date` check must not run.
    delete schema['format'];
    const validator = new SpecValidator(document, () => generated);
    expect(validator.validateParameter(param!.schemaPointer, '22/08/2026')).toEqual({ ok: true, value: '22/08/2026' });
  });

  it('are current in the build (npm run build writes dist/spec/parameter-validators.cjs from the specs)', () => {
    expect(readFileSync(join(ROOT, 'dist/spec/parameter-validators.cjs'), 'utf8')).toBe(source);
  });
});

function resolveSchema(document: unknown, pointer: string): Record<string, unknown> {
  let node = document as Record<string, unknown>;
  for (const segment of pointer.split('/').slice(1))
    node = node[segment.replace(/~1/g, '/').replace(/~0/g, '~')] as Record<string, unknown>;
  return node;
}
