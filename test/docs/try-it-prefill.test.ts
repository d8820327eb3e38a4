/**
 * "Try it" on `/docs` works on every GET as the page opens: for each GET operation of the served
 * spec, the request Swagger UI would send with nothing typed (its pre-filled parameter values and the
 * page's pre-authorized demo credentials, test/helpers/swagger-prefill.ts) gets a documented 2xx
 * from the mock (the badge, whose answer is a redirect, its documented 3xx). The browser test (test/browser/docs.test.ts) checks, on operations it renders, that
 * Swagger UI really pre-fills those values. The removed (deprecated) endpoints document no 2xx and
 * the OAuth pages are browser flows, so neither is sent.
 */
import type { OpenAPIObject, OperationObject, ParameterObject, PathItemObject } from 'openapi3-ts/oas31';
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../../src/docs/credentials.js';
import { prefillFor } from '../../src/docs/page.js';
import { createMock } from '../../src/server/server.js';
import { NOW, SEED } from '../helpers/mock.js';
import { prefilledRequest } from '../helpers/swagger-prefill.js';

const { app } = createMock({ seed: SEED, now: NOW });
const served = (await (await app.request('/openapi.json')).json()) as OpenAPIObject;
const prefill = prefillFor(served, demoCredentials());

const gets = Object.entries(served.paths ?? {}).flatMap(([path, item]: [string, PathItemObject]) =>
  item.get && !item.get.deprecated && !path.startsWith('/oauth/')
    ? [{ path, operation: item.get as OperationObject, pathLevel: (item.parameters ?? []) as ParameterObject[] }]
    : [],
);

describe('try it on every GET of /docs, with what the page pre-fills', () => {
  it('covers the GET operations of the spec', () => {
    expect(gets.length).toBeGreaterThan(25);
  });

  for (const { path, operation, pathLevel } of gets) {
    it(`${operation.operationId}: ${path} gets a documented success`, async () => {
      const request = prefilledRequest(served, path, operation, prefill, pathLevel);
      expect(request.missing, 'required parameters Swagger UI leaves empty').toEqual([]);
      const res = await app.request(request.url, { headers: request.headers });
      // A documented success: a 2xx, or the redirect of an operation whose answer is one (the badge).
      const documented = Object.keys(operation.responses ?? {}).filter((s) => /^[23]\d\d$/.test(s));
      expect(documented, `${request.url}: ${await res.clone().text()}`).toContain(String(res.status));
    });
  }
});
