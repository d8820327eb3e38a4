import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import endpoints from '../../fixtures/coverage/endpoints.json' with { type: 'json' };
import { loadSpec } from '../../src/spec/load.js';
import { describeWhen } from '../helpers/requirements.js';

const REFERENCE = new URL('../../../shared/reference/hackatime-api.md', import.meta.url);
const SHARED_REFERENCE = {
  present: existsSync(REFERENCE),
  missing: `${fileURLToPath(REFERENCE)} is absent (the project's shared/ folder beside the checkout)`,
};

/** `/users/{user_id}/x` and `/users/{id}/x` name the same route. */
const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

const spec = loadSpec();
const find = (method: string, path: string) =>
  spec.operations.find((op) => op.method === method.toLowerCase() && shape(op.path) === shape(path));

describe('the spec covers every endpoint', () => {
  it.each(endpoints.seed.map((e) => [e.method, e.path] as const))('seed endpoint %s %s is in the spec', (method, path) => {
    expect(find(method, path), `${method} ${path}`).toBeDefined();
  });

  it.each(endpoints.reference.map((e) => [e.method, e.path, e] as const))(
    'reference endpoint %s %s is in the spec with its documented status codes',
    (method, path, entry) => {
      const op = find(method, path);
      expect(op, `${method} ${path}`).toBeDefined();
      const documented = op!.responses.map((r) => r.status);
      expect(documented).toEqual(expect.arrayContaining(entry.statuses));
      expect(op!.deprecated).toBe(entry.removed);
    },
  );

  it('lists the 19 seed pairs and the 30 live and 3 removed reference endpoints', () => {
    expect(endpoints.seed).toHaveLength(19);
    expect(endpoints.reference.filter((e) => !e.removed)).toHaveLength(30);
    expect(endpoints.reference.filter((e) => e.removed)).toHaveLength(3);
  });
});

describeWhen(SHARED_REFERENCE, 'the endpoint list', () => {
  it('matches the reference table', () => {
    const rows = readFileSync(REFERENCE, 'utf8')
      .split('\n')
      .map((line) => /^\| (\d+) \| (GET|POST) \| `([^`]+)`/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ row: Number(m[1]), method: m[2], path: m[3] }));
    expect(rows).toEqual(endpoints.reference.map(({ row, method, path }) => ({ row, method, path })));
  });
});

describe('every operation', () => {
  it('every operation has a tag, an operationId, a 4xx and a 429', () => {
    for (const op of spec.operations) {
      expect(op.tags, op.operationId).toHaveLength(1);
      const codes = op.responses.map((r) => r.status);
      expect(
        codes.some((c) => c.startsWith('4')),
        op.operationId,
      ).toBe(true);
      expect(codes, op.operationId).toContain('429');
    }
  });
});
