import { describe, expect, it } from 'vitest';
import { isJsonMediaType, mediaTypeOf } from '../../src/spec/media-type.js';

describe('media types', () => {
  it('reads the bare, lower-case type of a Content-Type', () => {
    expect(mediaTypeOf('Application/JSON; charset=utf-8')).toBe('application/json');
    expect(mediaTypeOf(' text/plain ')).toBe('text/plain');
    expect(mediaTypeOf(null)).toBe('');
    expect(mediaTypeOf(undefined)).toBe('');
  });

  it('counts application/json and +json suffixes as JSON, nothing else', () => {
    expect(isJsonMediaType('application/json')).toBe(true);
    expect(isJsonMediaType('application/problem+json')).toBe(true);
    expect(isJsonMediaType('application/x-ndjson')).toBe(false);
    expect(isJsonMediaType('text/x-json')).toBe(false);
  });
});
