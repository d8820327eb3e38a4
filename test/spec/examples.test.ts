import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);

const responseExamples = spec.operations.flatMap((op) =>
  op.responses.flatMap((r) =>
    r.content.flatMap((media) =>
      Object.entries(media.examples).map(([name, value]) => ({
        label: `${op.operationId} ${r.status} ${media.mediaType} ${name}`,
        pointer: media.schemaPointer,
        value,
      })),
    ),
  ),
);
const requestExamples = spec.operations.flatMap((op) =>
  (op.requestBody?.content ?? []).flatMap((media) =>
    Object.entries(media.examples).map(([name, value]) => ({
      label: `${op.operationId} request ${media.mediaType} ${name}`,
      pointer: media.schemaPointer,
      value,
    })),
  ),
);

describe('examples in the spec', () => {
  it('every 2xx response with a body has a named example', () => {
    const missing = spec.operations.flatMap((op) =>
      op.responses
        .filter((r) => r.status.startsWith('2'))
        .flatMap((r) =>
          r.content.filter((m) => Object.keys(m.examples).length === 0).map((m) => `${op.operationId} ${r.status} ${m.mediaType}`),
        ),
    );
    expect(missing).toEqual([]);
  });

  it.each([...responseExamples, ...requestExamples].map((e) => [e.label, e] as const))(
    '%s validates against its schema',
    (_label, example) => {
      expect(example.pointer).toBeDefined();
      const result = validator.validate(example.pointer!, example.value);
      expect(result.ok ? [] : result.issues).toEqual([]);
    },
  );
});
