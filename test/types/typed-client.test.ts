/**
 * `hackatime-kit/types` makes an openapi-fetch client fully typed: the right call compiles and gets
 * the demo user's projects from the mock; each wrong one (a path the spec lacks, a missing path
 * parameter, a misspelt query parameter or body field) is a type error, pinned by `@ts-expect-error`,
 * so `npm run typecheck` fails the day the types stop catching it. At run time the wrong calls reach
 * the mock too and get what the server gives such a request.
 */
import createClient from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import { createMockApp } from '../../src/index.js';
import type { components, paths } from '../../src/types/hackatime.js';
import { NOW, SEED } from '../helpers/mock.js';

const client = createClient<paths>({ baseUrl: 'http://mock', fetch: createMockApp({ seed: SEED, now: NOW }).fetch });

describe('a typed client of the mock', () => {
  it('compiles and answers a right call', async () => {
    const { data, error, response } = await client.GET('/api/v1/users/{username}/projects', {
      params: { path: { username: 'demo' }, query: { since: '2026-08-01' } },
    });
    expect(response.status).toBe(200);
    expect(error).toBeUndefined();
    const projects: string[] | undefined = data?.projects;
    expect(projects?.length).toBeGreaterThan(0);
  });

  it('types the error bodies too', async () => {
    const { error, response } = await client.GET('/api/v1/users/{username}/projects', {
      params: { path: { username: 'nobody-by-this-name' } },
    });
    expect(response.status).toBe(404);
    // The error page may be HTML (`string`): the server answers HTML first to `*/*` or no Accept.
    const body: components['schemas']['Error'] | components['schemas']['ErrorPage'] | string | undefined = error;
    expect(body).toBeDefined();
  });

  it('rejects a path the spec does not have', async () => {
    // @ts-expect-error: no such path in the spec
    const { response } = await client.GET('/api/v1/users/{username}/project', { params: { path: { username: 'demo' } } });
    expect(response.status).toBe(404);
  });

  it('rejects a call without its path parameter', async () => {
    // @ts-expect-error: `params.path.username` is required
    const { response } = await client.GET('/api/v1/users/{username}/projects', {});
    expect(response.status).toBe(404);
  });

  it('rejects misspelt query parameters and body fields', async () => {
    const { data } = await client.GET('/api/v1/users/{username}/projects', {
      // @ts-expect-error: the parameter is `since`
      params: { path: { username: 'demo' }, query: { sincee: '2026-08-01' } },
    });
    // @ts-expect-error: the field is `projects`
    expect(data?.project).toBeUndefined();
  });
});
