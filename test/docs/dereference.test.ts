import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { dereference, hasRef } from '../../src/docs/dereference.js';
import { referenceDocument } from '../../src/docs/spec-copy.js';
import { SpecError } from '../../src/spec/errors.js';
import { loadSpec } from '../../src/spec/load.js';

const doc = (extra: Record<string, unknown>): OpenAPIObject =>
  ({ openapi: '3.1.0', info: { title: 't', version: '1' }, ...extra }) as OpenAPIObject;

describe('dereference', () => {
  it('replaces every reference in the project spec and keeps its components', () => {
    const flat = referenceDocument();
    expect(hasRef(flat)).toBe(false);
    expect(Object.keys(flat.components?.schemas ?? {})).toEqual(Object.keys(loadSpec().document.components?.schemas ?? {}));
    expect(Object.keys(flat.paths ?? {})).toEqual(Object.keys(loadSpec().document.paths ?? {}));
  });

  it('follows chains and lets a reference’s own description win', () => {
    const flat = dereference(
      doc({
        paths: { '/a': { get: { responses: { '200': { $ref: '#/components/responses/Ok', description: 'Here' } } } } },
        components: {
          responses: {
            Ok: { $ref: '#/components/responses/Base' },
            Base: { description: 'Base', content: { 'text/plain': { schema: { $ref: '#/components/schemas/S' } } } },
          },
          schemas: { S: { type: 'string' } },
        },
      }),
    );
    expect(flat.paths?.['/a']?.get?.responses?.['200']).toEqual({
      description: 'Here',
      content: { 'text/plain': { schema: { type: 'string' } } },
    });
  });

  it('never shares objects between copies, so callers may edit one', () => {
    const flat = dereference(
      doc({
        components: { schemas: { S: { type: 'string' }, A: { $ref: '#/components/schemas/S' }, B: { $ref: '#/components/schemas/S' } } },
      }),
    );
    expect(flat.components?.schemas?.['A']).not.toBe(flat.components?.schemas?.['B']);
  });

  it('unescapes ~0 and ~1 in pointers', () => {
    const flat = dereference(
      doc({ paths: { '/a/{b}': { summary: 'x' } }, components: { pathItems: { P: { $ref: '#/paths/~1a~1{b}' } } } }),
    );
    expect(flat.components?.pathItems?.['P']).toEqual({ summary: 'x' });
  });

  it('refuses a recursive schema, an external reference and a dangling one', () => {
    expect(() =>
      dereference(
        doc({
          components: {
            schemas: { Tree: { type: 'object', properties: { kids: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } } },
          },
        }),
      ),
    ).toThrow(SpecError);
    expect(() => dereference(doc({ components: { schemas: { A: { $ref: 'other.yaml' } } } }))).toThrow(/only internal references/);
    expect(() => dereference(doc({ components: { schemas: { A: { $ref: '#/components/schemas/Missing' } } } }))).toThrow(
      /points at nothing/,
    );
  });
});
