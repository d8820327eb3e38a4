import { describe, expect, it } from 'vitest';
import { resolvePointer } from '../../src/spec/json-pointer.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);

describe('the shared validator', () => {
  const trust = '/components/schemas/TrustFactor';

  it('accepts a valid body', () => {
    expect(validator.validate(trust, { trust_level: 'green', trust_value: 2 })).toEqual({ ok: true });
  });

  it('names the JSON pointer, the expected schema and the value of a wrong-typed field', () => {
    const result = validator.validate(trust, { trust_level: 'green', trust_value: '2' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.keyword === 'type');
    expect(issue).toMatchObject({ pointer: '/trust_value', received: '2', expected: 'integer' });
    expect(issue?.message).toContain('/trust_value');
    expect(issue?.schemaPath).toBe('/components/schemas/TrustFactor/properties/trust_value/type');
  });

  it('names a missing required property', () => {
    const result = validator.validate(trust, { trust_level: 'green' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toContainEqual(
      expect.objectContaining({ pointer: '', keyword: 'required', message: 'the value is missing required property "trust_value"' }),
    );
  });

  it('reports every error, not just the first', () => {
    const result = validator.validate(trust, { trust_level: 'purple', trust_value: 'x' });
    expect(result.ok ? [] : result.issues.map((i) => i.pointer).sort()).toEqual(['/trust_level', '/trust_value', '/trust_value']);
  });

  it('validates a nested response body with a pointer deep inside it', () => {
    const op = spec.byOperationId.get('getMyHeartbeats');
    const schema = op?.responses.find((r) => r.status === '200')?.content[0]?.schemaPointer;
    expect(schema).toBeDefined();
    const example = Object.values(op!.responses.find((r) => r.status === '200')!.content[0]!.examples)[0] as {
      heartbeats: Record<string, unknown>[];
    };
    const broken = structuredClone(example);
    broken.heartbeats[0] = { ...broken.heartbeats[0], lineno: 'ten' };
    const result = validator.validate(schema!, broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.pointer)).toContain('/heartbeats/0/lineno');
  });

  it('coerces and checks parameter strings', () => {
    const op = spec.byOperationId.get('getSummaries');
    const start = op?.parameters.find((p) => p.name === 'start');
    expect(start).toBeDefined();
    expect(validator.validateParameter(start!.schemaPointer, '2026-08-22')).toEqual({ ok: true, value: '2026-08-22' });
    expect(validator.validateParameter(start!.schemaPointer, '22/08/2026').ok).toBe(false);
  });
});

describe('schema paths across $refs', () => {
  it('name the failing keyword where it is written in the document', () => {
    for (const op of spec.operations) {
      for (const response of op.responses) {
        for (const media of response.content) {
          if (!media.schemaPointer || !media.mediaType.includes('json')) continue;
          const result = validator.validate(media.schemaPointer, { unexpected: [1, 'two', null] });
          if (result.ok) continue;
          for (const issue of result.issues) {
            expect(
              resolvePointer(spec.document, issue.schemaPath),
              `${op.operationId} ${response.status} ${issue.schemaPath}`,
            ).toBeDefined();
          }
        }
      }
    }
  });

  it('point into the component for an error inside a referenced schema', () => {
    const pointer = spec.byOperationId.get('getUserTrustFactor')!.responses.find((r) => r.status === '200')!.content[0]!.schemaPointer!;
    const result = validator.validate(pointer, { trust_level: 'green', trust_value: 'x' });
    expect(result.ok ? [] : result.issues.map((i) => i.schemaPath)).toContain(
      '/components/schemas/TrustFactor/properties/trust_value/type',
    );
  });
});
