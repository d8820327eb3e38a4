import { describe, expect, it } from 'vitest';
import { dynamicBody } from '../../src/mock/dynamic.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);

/** Every 2xx body schema of the spec: the spec's own schemas are the fixture. */
const cases = spec.operations.flatMap((op) =>
  op.responses
    .filter((r) => r.status.startsWith('2'))
    .flatMap((r) =>
      r.content
        .filter((media) => media.schemaPointer !== undefined)
        .map((media) => [`${op.operationId} ${r.status} ${media.mediaType}`, media.schemaPointer as string] as const),
    ),
);

const KEYS = ['GET /a?x=1', 'GET /a?x=2', 'POST /b'];
const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);

describe('dynamicBody', () => {
  it('has response schemas to exercise', () => {
    expect(cases.length).toBeGreaterThan(20);
  });

  it.each(cases)('%s: valid for every request key, and deterministic', async (_name, pointer) => {
    for (const key of KEYS) {
      const value = await dynamicBody(spec.document, pointer, 7, key);
      const result = validator.validate(pointer, value);
      expect(result.ok ? [] : result.issues, `${key}: ${JSON.stringify(value)}`).toEqual([]);
      expect(await dynamicBody(spec.document, pointer, 7, key)).toStrictEqual(value);
    }
  });

  it('different request keys or seeds give different data for most object bodies', async () => {
    const objectCases: (typeof cases)[number][] = [];
    for (const c of cases) if (isObject(await dynamicBody(spec.document, c[1], 1, 'k'))) objectCases.push(c);
    const differing: (typeof cases)[number][] = [];
    for (const c of objectCases) {
      const a = JSON.stringify(await dynamicBody(spec.document, c[1], 1, 'first'));
      if (
        a !== JSON.stringify(await dynamicBody(spec.document, c[1], 1, 'second')) &&
        a !== JSON.stringify(await dynamicBody(spec.document, c[1], 2, 'first'))
      )
        differing.push(c);
    }
    expect(objectCases.length).toBeGreaterThan(10);
    expect(differing.length / objectCases.length).toBeGreaterThanOrEqual(0.9);
  });

  it('stays valid over many keys (a wider sweep of the random choices)', async () => {
    for (const [name, pointer] of cases) {
      for (let i = 0; i < 200; i++) {
        const value = await dynamicBody(spec.document, pointer, i, `sweep-${i}`);
        expect(validator.validate(pointer, value).ok, `${name} #${i}: ${JSON.stringify(value)}`).toBe(true);
      }
    }
  });

  it('generates from a component schema pointer too', async () => {
    const value = await dynamicBody(spec.document, '/components/schemas/Heartbeat', 3, 'hb');
    expect(validator.validate('/components/schemas/Heartbeat', value).ok).toBe(true);
    expect(value).toMatchObject({ deleted_at: null, fields_hash: expect.stringMatching(/^[0-9a-f]{32}$/) });
  });

  it('names the pointer when no schema is there', async () => {
    await expect(dynamicBody(spec.document, '/components/schemas/Nope', 1, 'k')).rejects.toThrow('/components/schemas/Nope');
  });
});
