/**
 * The library's two ways in (`src/index.ts`): `startMock` listens on loopback, on a free port by
 * default, and `close()` frees that port; `createMockApp` answers the same request with the same
 * bytes, with no socket. Options are the command line's, `now` in any of its three spellings.
 */
import { describe, expect, it } from 'vitest';
import { createMockApp, startMock } from '../../src/index.js';
import { NOW, SEED } from '../helpers/mock.js';

const STATS = '/api/v1/users/demo/stats?features=languages,projects';

describe('startMock', () => {
  it('listens on a free loopback port and close() frees it', async () => {
    const mock = await startMock({ seed: SEED, now: NOW });
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${mock.url}${STATS}`);
    expect(res.status).toBe(200);
    await mock.close();
    await expect(fetch(`${mock.url}${STATS}`)).rejects.toThrow();
    const port = Number(new URL(mock.url).port);
    const again = await startMock({ seed: SEED, now: NOW, port });
    expect(again.url).toBe(mock.url);
    await again.close();
  });

  it('keeps an idle connection far longer than a client reuses one', async () => {
    // Node's 5 s default raced clients: a test whose loop was busy past the client's 4 s could
    // send on a socket the server's idle check closed in the same turn (ECONNRESET).
    const mock = await startMock({ seed: SEED, now: NOW });
    try {
      const res = await fetch(`${mock.url}/api/v1/users/demo/trust_factor`);
      await res.arrayBuffer();
      expect(res.headers.get('keep-alive')).toBe('timeout=65');
    } finally {
      await mock.close();
    }
  });

  it('gives each call its own mock', async () => {
    const [a, b] = await Promise.all([startMock({ now: NOW }), startMock({ now: NOW })]);
    expect(a.url).not.toBe(b.url);
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses an option out of range, as the command line does', async () => {
    await expect(startMock({ faultRate: 2 })).rejects.toThrow(RangeError);
    await expect(startMock({ now: 'not a date' })).rejects.toThrow(RangeError);
    await expect(startMock({ freshness: 'stale' as 'real' })).rejects.toThrow(RangeError);
  });
});

describe('createMockApp', () => {
  it('answers with the bytes of the socket mock, now as a Date, a string or epoch ms', async () => {
    const mock = await startMock({ seed: SEED, now: new Date(NOW) });
    const overSocket = await (await fetch(`${mock.url}${STATS}`)).text();
    await mock.close();
    for (const now of [NOW, new Date(NOW).toISOString(), new Date(NOW)]) {
      const app = createMockApp({ seed: SEED, now });
      const res = await app.fetch(new Request(`http://mock${STATS}`));
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(overSocket);
    }
  });

  it('keeps its state between requests and shares none with another app', async () => {
    const [a, b] = [createMockApp({ now: NOW }), createMockApp({ now: NOW })];
    const post = new Request('http://mock/api/hackatime/v1/users/current/heartbeats', {
      method: 'POST',
      headers: { Authorization: 'Bearer 11111111-1111-4111-8111-111111111111', 'Content-Type': 'application/json' },
      body: JSON.stringify({ entity: 'a.ts', type: 'file', time: NOW / 1000 - 60, project: 'library-test', language: 'TypeScript' }),
    });
    expect((await a.fetch(post)).status).toBe(202);
    const projects = async (app: typeof a) =>
      ((await (await app.fetch(new Request('http://mock/api/v1/users/demo/projects'))).json()) as { projects: string[] }).projects;
    expect(await projects(a)).toContain('library-test');
    expect(await projects(b)).not.toContain('library-test');
  });

  it('takes legacyEndpoints and freshness as the command line takes --legacy-endpoints and --freshness', async () => {
    const ask = (app: ReturnType<typeof createMockApp>, path: string) =>
      app.fetch(new Request(`http://mock${path}`, { headers: { Accept: 'application/json' } }));
    expect((await ask(createMockApp({ now: NOW }), '/api/v1/ysws_programs')).status).toBe(404);
    expect((await ask(createMockApp({ now: NOW, legacyEndpoints: true }), '/api/v1/ysws_programs')).status).toBe(200);
    const midnight = '2026-08-22T00:00:05Z';
    expect((await ask(createMockApp({ now: midnight }), '/api/v1/leaderboard')).status).toBe(200);
    expect((await ask(createMockApp({ now: midnight, freshness: 'real' }), '/api/v1/leaderboard')).status).toBe(503);
  });
});
