/**
 * The walk behind undocumented_property, on a small schema document.
 */

import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { PropertyWalker } from '../../../src/contract/judge/checks/declared-properties.js';
import { SpecValidator } from '../../../src/spec/validator.js';

const document = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {},
  components: {
    schemas: {
      User: {
        type: 'object',
        properties: { id: { type: 'integer' }, name: { type: 'string' }, pet: { $ref: '#/components/schemas/Pet' } },
      },
      Pet: {
        anyOf: [
          { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } },
          { type: 'object', required: ['meow'], properties: { meow: { type: 'boolean' } } },
        ],
      },
      Admin: { allOf: [{ $ref: '#/components/schemas/User' }, { properties: { level: { type: 'string' } } }] },
      List: { type: 'array', items: { $ref: '#/components/schemas/User' } },
      Map: { type: 'object', additionalProperties: { $ref: '#/components/schemas/User' } },
      Free: { type: 'object' },
      Tuple: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/User' }] },
    },
  },
} as unknown as OpenAPIObject;

const walker = new PropertyWalker(document, new SpecValidator(document));
const names = (pointer: string, value: unknown) => walker.undeclared(`/components/schemas/${pointer}`, value).map((p) => p.pointer);

describe('undeclared properties', () => {
  it('finds a property no schema declares, following $ref', () => {
    expect(names('User', { id: 1, name: 'a', extra: true })).toEqual(['/extra']);
  });

  it('uses the anyOf branch the value matches, not the others', () => {
    // meow is declared only by the branch that rejects this value.
    expect(names('User', { id: 1, pet: { bark: true, meow: 'loud' } })).toEqual(['/pet/meow']);
    expect(names('User', { id: 1, pet: { bark: true, meow: true } })).toEqual([]);
    expect(names('User', { id: 1, pet: { meow: true, wag: 1 } })).toEqual(['/pet/wag']);
  });

  it('keeps a shape without branches from one walk to the next, and never a branching one', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, name: 'a', ...(i === 49 ? { late: 1 } : {}) }));
    expect(names('List', rows)).toEqual(['/49/late']);
    expect(names('List', [{ id: 1, extra: 1 }])).toEqual(['/0/extra']);
    // The same pointer, another anyOf branch: the layout of a Pet depends on the value.
    expect(names('User', { pet: { meow: true, bark: 1 } })).toEqual(['/pet/bark']);
    expect(names('User', { pet: { bark: true, meow: 1 } })).toEqual(['/pet/meow']);
  });

  it('merges every allOf branch', () => {
    expect(names('Admin', { id: 1, level: 'x', extra: 1 })).toEqual(['/extra']);
  });

  it('walks array items and prefixItems', () => {
    expect(names('List', [{ id: 1 }, { id: 2, extra: 1 }])).toEqual(['/1/extra']);
    expect(names('Tuple', [{ id: 1, x: 1 }, { anything: true }])).toEqual(['/0/x']);
  });

  it('treats additionalProperties as declaring every key, and checks the values', () => {
    expect(names('Map', { a: { id: 1 }, b: { id: 2, extra: 1 } })).toEqual(['/b/extra']);
  });

  it('never reports a free-form object', () => {
    expect(names('Free', { whatever: 1 })).toEqual([]);
  });

  it('escapes pointer segments', () => {
    expect(names('User', { 'a/b': 1 })).toEqual(['/a~1b']);
  });
});
