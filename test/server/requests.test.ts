/**
 * `GET /__mock/requests`: the last requests a mock on a socket answered, numbered, redacted, bounded;
 * the poll itself is not listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RequestRing } from '../../src/mock/request-ring.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { DEMO_KEY, NOW, SEED } from '../helpers/mock.js';

interface Listed {
  requests: { id: number; method: string; path: string; status: number; ms: number; user: string | null }[];
}

const entry = { time: '2026-08-22T18:30:00.000Z', method: 'GET', path: '/p', status: 200, ms: 1, user: null };

describe('the request ring', () => {
  it('keeps the last entries, numbered, and lists those after a number', () => {
    const ring = new RequestRing(2);
    for (let i = 0; i < 3; i++) ring.add(entry);
    expect(ring.after(0).map((e) => e.id)).toEqual([2, 3]);
    expect(ring.after(2).map((e) => e.id)).toEqual([3]);
    expect(ring.after(3)).toEqual([]);
  });

  it('keeps numbering across many turns of the ring, and lists from a number inside it', () => {
    const ring = new RequestRing(3);
    expect(ring.after(0)).toEqual([]);
    ring.add(entry);
    expect(ring.after(0).map((e) => e.id)).toEqual([1]);
    for (let i = 0; i < 9; i++) ring.add({ ...entry, path: `/p${i + 2}` });
    expect(ring.after(0).map((e) => [e.id, e.path])).toEqual([
      [8, '/p8'],
      [9, '/p9'],
      [10, '/p10'],
    ]);
    expect(ring.after(8).map((e) => e.id)).toEqual([9, 10]);
    expect(ring.after(10)).toEqual([]);
  });
});

describe('/__mock/requests of a running mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ seed: SEED, now: NOW, port: 0 });
  });
  afterAll(() => mock.close());

  const list = async (after?: number): Promise<Listed> =>
    (await (await fetch(`${mock.url}/__mock/requests${after === undefined ? '' : `?after=${after}`}`)).json()) as Listed;

  it('lists each answered request with its user, the key redacted, and not the polls', async () => {
    await list();
    await fetch(`${mock.url}/api/hackatime/v1/users/current/statusbar/today?api_key=${DEMO_KEY}`);
    await fetch(`${mock.url}/api/v1/users/nobody-here/stats`);
    const { requests } = await list();
    expect(requests.map(({ method, path, status, user }) => ({ method, path, status, user }))).toEqual([
      { method: 'GET', path: '/api/hackatime/v1/users/current/statusbar/today?api_key=REDACTED', status: 200, user: 'demo' },
      { method: 'GET', path: '/api/v1/users/nobody-here/stats', status: 404, user: null },
    ]);
    expect(JSON.stringify(requests)).not.toContain(DEMO_KEY);
    const last = requests.at(-1)?.id ?? 0;
    expect((await list(last)).requests).toEqual([]);
    await fetch(`${mock.url}/api/v1/leaderboard/daily`);
    expect((await list(last)).requests.map((r) => r.path)).toEqual(['/api/v1/leaderboard/daily']);
  });
});
