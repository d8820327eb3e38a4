/**
 * What reaches an action, as Rails' router decides it (hackclub/hackatime config/routes.rb at
 * 62542c2d; the framework's `ActionDispatch::Journey::Router::Utils.normalize_path` and `(.:format)`).
 */
import { describe, expect, it } from 'vitest';
import { compileRoute, normalizePath } from '../../src/mock/rails/scopes/route-recognition.js';
import { ADMIN_KEY, bearer, DEMO_KEY, describeBoth, type MockTarget, PROFILE_TOKEN } from '../helpers/mock.js';
import { spec } from '../helpers/spec.js';

const opOf = (id: string) => {
  const op = spec.byOperationId.get(id);
  if (!op) throw new Error(`no operation ${id}`);
  return op;
};

describe('Rails route patterns compiled from the spec', () => {
  it('normalises the path: repeated slashes squeezed, a trailing slash dropped (Journey normalize_path)', () => {
    expect(normalizePath('//api/v1//leaderboard/')).toBe('/api/v1/leaderboard');
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('/api/v1/users/demo/project/my%2esite')).toBe('/api/v1/users/demo/project/my%2Esite');
  });

  it('ends a parameter at a literal dot and takes one dot-free word after it as the format (routes.rb:252)', () => {
    const { pattern } = compileRoute(opOf('getUserProject'));
    expect(pattern.exec('/api/v1/users/demo/project/pimlico.dev')?.slice(1)).toEqual(['demo', 'pimlico', 'dev']);
    expect(pattern.exec('/api/v1/users/demo/project/my%2Esite')?.slice(1)).toEqual(['demo', 'my%2Esite', undefined]);
    for (const unroutable of ['a.b.c', '.json', 'pimlico.', 'a?b'])
      expect(pattern.test(`/api/v1/users/demo/project/${unroutable}`), unroutable).toBe(false);
  });

  it('has no format on the badge (routes.rb:246, format: false) and a greedy constraint on lookup_email (routes.rb:255)', () => {
    expect(compileRoute(opOf('getBadge')).pattern.exec('/api/v1/badge/demo/a/b.json')?.slice(1)).toEqual(['demo', 'a/b.json']);
    expect(compileRoute(opOf('lookupUserByEmail')).pattern.exec('/api/v1/users/lookup_email/a@b.c.json')?.slice(1)).toEqual([
      'a@b.c.json',
      undefined,
    ]);
  });
});

async function same(t: MockTarget, a: string, b: string, init: RequestInit = {}): Promise<void> {
  const [x, y] = [await t.fetch(a, init), await t.fetch(b, init)];
  expect(x.status, a).toBe(y.status);
  expect(await x.text(), a).toBe(await y.text());
}

describeBoth('Rails routing on the wire', (t) => {
  it('lets an optional format suffix reach the same action, whose `render json:` ignores it (routes.rb:241,248,269,342)', async () => {
    await same(t, '/api/v1/users/demo/stats.json', '/api/v1/users/demo/stats');
    await same(t, '/api/v1/users/demo/stats.xml', '/api/v1/users/demo/stats');
    await same(t, '/api/v1/leaderboard.json', '/api/v1/leaderboard');
    await same(t, '/api/v1/authenticated/me.json', '/api/v1/authenticated/me', { headers: bearer(PROFILE_TOKEN) });
    await same(t, '/api/hackatime/v1/users/current.json', '/api/hackatime/v1/users/current', { headers: bearer(DEMO_KEY) });
    const res = await t.fetch('/api/v1/users/demo/stats.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('routes a trailing slash and repeated slashes as the plain path (Journey normalize_path)', async () => {
    await same(t, '/api/v1/users/demo/stats/', '/api/v1/users/demo/stats');
    await same(t, '/api/v1//leaderboard', '/api/v1/leaderboard');
    await same(t, '//api/v1/leaderboard/', '/api/v1/leaderboard');
  });

  it('unescapes a parameter after routing: my%2Esite is the project my.site, my.site is my + format (routes.rb:252)', async () => {
    const time = 1_787_400_000;
    const posted = await t.fetch('/api/hackatime/v1/users/current/heartbeats', {
      method: 'POST',
      headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json' },
      body: JSON.stringify([
        { entity: 'index.html', time, project: 'my.site' },
        { entity: 'index.html', time: time + 60, project: 'my.site' },
      ]),
    });
    expect(posted.status).toBe(202);
    const escaped = await t.fetch('/api/v1/users/demo/project/my%2Esite', { headers: bearer(DEMO_KEY) });
    expect(escaped.status).toBe(200);
    expect(((await escaped.json()) as { name: string }).name).toBe('my.site');
    const dotted = await t.fetch('/api/v1/users/demo/project/my.site', { headers: bearer(DEMO_KEY) });
    expect(await dotted.json()).toEqual({ error: 'found nuthin' });
  });

  it('reads .json on the heartbeats route as the single action and .bulk as bulk (routes.rb:345, hackatime_controller.rb:59)', async () => {
    const post = (path: string) =>
      t.fetch(path, {
        method: 'POST',
        headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json' },
        body: JSON.stringify([{ entity: 'a.ts', time: 1_787_400_500 }]),
      });
    const single = await post('/api/hackatime/v1/users/current/heartbeats.json');
    expect(single.status).toBe(202);
    const bulk = await post('/api/hackatime/v1/users/current/heartbeats.bulk');
    expect(bulk.status).toBe(201);
    expect(Object.keys((await bulk.json()) as object)).toEqual(['responses']);
  });

  it('keeps the suffix in the badge project (format: false) and the lookup email (constraint), routes.rb:246,255', async () => {
    const badge = await t.fetch('/api/v1/badge/demo/hackatime.json');
    expect(badge.status).toBe(404);
    expect(await badge.json()).toEqual({ error: 'Project not found' });
    const lookup = await t.fetch('/api/v1/users/lookup_email/demo@hackatime.test.json', { headers: bearer(ADMIN_KEY) });
    expect(lookup.status).toBe(404);
    expect(await lookup.json()).toEqual({ error: 'User not found', email: 'demo@hackatime.test.json' });
  });

  it('does not route a parameter with a second dot or a format with one (routes.rb:248)', async () => {
    for (const path of ['/api/v1/users/demo.x/stats', '/api/v1/users/demo/stats.json.x', '/api/v1/leader%62oard']) {
      const res = await t.fetch(path, { headers: { Accept: 'application/json' } });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: string }).error, path).toBe('Page Not Found');
    }
  });
});
