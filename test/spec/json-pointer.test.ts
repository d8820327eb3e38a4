import { describe, expect, it } from 'vitest';
import { escapePointerSegment, pointerTo, refPointer, resolvePointer, unescapePointerSegment } from '../../src/spec/json-pointer.js';

describe('JSON pointers', () => {
  it('escapes ~ before / so that the two never mix (RFC 6901)', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(unescapePointerSegment('~01')).toBe('~1');
    expect(unescapePointerSegment(escapePointerSegment('/~/~1'))).toBe('/~/~1');
  });

  it('joins raw segments under a base', () => {
    expect(pointerTo('/paths', '/users/{id}', 'get', 0)).toBe('/paths/~1users~1{id}/get/0');
    expect(pointerTo('')).toBe('');
  });

  it('reads the pointer of an internal $ref, percent-decoded, and nothing of an external one', () => {
    expect(refPointer('#/components/schemas/A%20B')).toBe('/components/schemas/A B');
    expect(refPointer('other.yaml#/x')).toBeUndefined();
  });

  it('resolves through objects and arrays, undefined off the document', () => {
    const doc = { 'a/b': [{ '~': 1 }] };
    expect(resolvePointer(doc, '/a~1b/0/~0')).toBe(1);
    expect(resolvePointer(doc, '')).toBe(doc);
    expect(resolvePointer(doc, '/a~1b/0/~0/deeper')).toBeUndefined();
  });
});
