import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/mock/app.js';
import { handlers } from '../../src/mock/handlers/index.js';
import { MockState } from '../../src/mock/state.js';
import { fixedClock } from '../../src/world/clock.js';
import { createWorld } from '../../src/world/store.js';
import { ACCEPT_JSON, bearer, DEMO_KEY, describeBoth, NOW, SEED } from '../helpers/mock.js';
import { responseSchema, spec, validator } from '../helpers/spec.js';

const NOT_FOUND = {
  error: 'Page Not Found',
  message: "The page you were looking for doesn't exist. You may have mistyped the address or the page may have moved.",
  status: 404,
};

describe('the route table is the spec', () => {
  const world = createWorld({ seed: SEED, now: NOW, users: 9, days: 3 });
  const build = (h: typeof handlers) => () => buildApp({ state: new MockState(world), clock: fixedClock(NOW), handlers: h });

  it('refuses to start when an operation has no handler', () => {
    const { getUserStats: _dropped, ...rest } = handlers;
    expect(build(rest)).toThrow(/operations without a handler: getUserStats/);
  });

  it('refuses to start when a handler has no operation', () => {
    expect(build({ ...handlers, getNothing: { handle: () => ({ status: 200 }) } })).toThrow(/handlers without an operation: getNothing/);
  });
});

describeBoth('the mock app', (t) => {
  it('answers an unknown path and an unknown method with the 404 error page', async () => {
    for (const [path, method] of [
      ['/api/v1/nope', 'GET'],
      ['/api/v1/banned_users/counts', 'POST'],
      ['/api/v1/users/demo/stats/extra', 'GET'],
    ] as const) {
      const res = await t.fetch(path, { method, headers: ACCEPT_JSON });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toEqual(NOT_FOUND);
    }
  });

  it('treats a path parameter that cannot be routed as an unknown route', async () => {
    const res = await t.fetch('/api/hackatime/v1/users/cur.rent/statusbar/today', { headers: { ...ACCEPT_JSON, ...bearer(DEMO_KEY) } });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual(NOT_FOUND);
  });

  it('answers CORS preflights for /api/* with any origin and max-age 600', async () => {
    const res = await t.fetch('/api/v1/users/demo/stats', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-methods')).toContain('GET');
    const simple = await t.fetch('/api/v1/banned_users/counts', { headers: { Origin: 'http://localhost:5173' } });
    expect(simple.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('sends Cache-Control: no-store and the JSON content type', async () => {
    const res = await t.fetch('/api/v1/banned_users/counts');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(validator.validate(responseSchema('getBannedUserCounts', '200'), await res.json())).toEqual({ ok: true });
  });

  it('keeps cached answers of different OAuth tokens of one user apart', async () => {
    const yellow = t.world.userByUsername(t.world.roles.yellow)!;
    const verified = t.world.specialTokens.verifiedConfidential;
    const plain = t.world.oauthTokens.find(
      (tok) => tok.userId === yellow.id && tok.token !== verified && tok.revokedAt === null && tok.scopes.includes('profile'),
    );
    expect(plain, 'an ordinary token of the yellow user').toBeDefined();
    const me = async (token: string) =>
      ((await (await t.fetch('/api/v1/authenticated/me', { headers: bearer(token) })).json()) as { trust_factor: unknown }).trust_factor;
    expect(await me(plain!.token)).toEqual({ trust_level: 'blue', trust_value: 0 });
    expect(await me(verified)).toEqual({ trust_level: 'yellow', trust_value: 3 });
    expect(await me(plain!.token)).toEqual({ trust_level: 'blue', trust_value: 0 });
  });

  describe('Prefer', () => {
    it('code=429 answers the documented 429 with its example body and rate-limit headers', async () => {
      const res = await t.fetch('/api/v1/stats', { headers: { Prefer: 'code=429' } });
      expect(res.status).toBe(429);
      for (const h of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'x-ratelimit-reset-at']) {
        expect(res.headers.get(h), h).toMatch(/\S/);
      }
      const body = await res.json();
      expect(body).toMatchObject({ error: 'Rate limit exceeded' });
      expect(validator.validate(responseSchema('getGlobalStats', '429'), body)).toEqual({ ok: true });
    });

    it('code=NNN for an undocumented status is a 400 naming the documented ones', async () => {
      const res = await t.fetch('/api/v1/banned_users/counts', { headers: { Prefer: 'code=418' } });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: string };
      expect(error).toContain('code=418');
      for (const code of spec.byOperationId.get('getBannedUserCounts')!.responses.map((r) => r.status)) expect(error).toContain(code);
    });

    it('code=401 on a Doorkeeper endpoint gives the empty body and its challenge header', async () => {
      const res = await t.fetch('/api/v1/authenticated/hours', { headers: { Prefer: 'code=403' } });
      expect(res.status).toBe(403);
      expect(res.headers.get('www-authenticate')).toContain('insufficient_scope');
      expect(await res.text()).toBe('');
    });

    it('example=NAME picks that example', async () => {
      const op = spec.byOperationId.get('getBannedUserCounts')!;
      const [name, value] = Object.entries(op.responses.find((r) => r.status === '200')!.content[0]!.examples)[0]!;
      const res = await t.fetch('/api/v1/banned_users/counts', { headers: { Prefer: `example=${name}` } });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual(value);
      const unknown = await t.fetch('/api/v1/banned_users/counts', { headers: { Prefer: 'example=nope' } });
      expect(unknown.status).toBe(400);
    });

    it('dynamic=true generates data that fits the schema, the same for the same request', async () => {
      const a = await (await t.fetch('/api/v1/leaderboard/weekly', { headers: { Prefer: 'dynamic=true' } })).json();
      const b = await (await t.fetch('/api/v1/leaderboard/weekly', { headers: { Prefer: 'dynamic=true' } })).json();
      expect(validator.validate(responseSchema('getWeeklyLeaderboard', '200'), a)).toEqual({ ok: true });
      expect(b).toEqual(a);
    });

    it('example and dynamic still require valid credentials', async () => {
      const res = await t.fetch('/api/v1/stats', { headers: { Prefer: 'dynamic=true' } });
      expect(res.status).toBe(401);
    });
  });

  describe('request bodies', () => {
    const post = (body: string, type = 'application/json') =>
      t.fetch('/api/hackatime/v1/users/current/heartbeats', {
        method: 'POST',
        headers: { ...ACCEPT_JSON, ...bearer(DEMO_KEY), 'Content-Type': type },
        body,
      });

    it('a malformed JSON body gets the 400 error page', async () => {
      const res = await post('{"time": 17');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'Bad Request',
        message: 'The server cannot process your request due to invalid syntax.',
        status: 400,
      });
    });

    it('a body over 1 MiB gets a 413 in the error-page shape', async () => {
      const res = await post(JSON.stringify({ entity: 'x'.repeat(1024 * 1024 + 10), time: 1787407234 }));
      expect(res.status).toBe(413);
      const body = await res.json();
      expect(body).toMatchObject({ error: 'Payload Too Large', status: 413 });
      expect(validator.validate(responseSchema('postHeartbeat', '413'), body)).toEqual({ ok: true });
    });

    it('checks credentials before reading the body', async () => {
      const res = await t.fetch('/api/hackatime/v1/users/current/heartbeats', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{',
      });
      expect(res.status).toBe(401);
    });
  });
});
