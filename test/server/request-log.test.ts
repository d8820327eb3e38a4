/**
 * The request log: one entry per answered request with method, path, status, time and the world
 * user the credentials named, whether the answer came from the world or the cache; never a secret
 * (query values that may be credentials are redacted, headers are not logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../src/mock/request-ring.js';
import { formatEntry, redactedPath, withRequestLog } from '../../src/server/request-log.js';
import { type RunningMock, startMock } from '../../src/server/server.js';
import { bearer, DEMO_KEY, NOW, READ_TOKEN, SEED } from '../helpers/mock.js';

describe('the request log of a running mock', () => {
  const entries: RequestLogEntry[] = [];
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ seed: SEED, now: NOW, port: 0, log: (entry) => entries.push(entry) });
  });
  afterAll(() => mock.close());

  /** The entry of one request (the log gets it as soon as the response exists). */
  async function logged(path: string, init?: RequestInit): Promise<RequestLogEntry | undefined> {
    const before = entries.length;
    await (await fetch(`${mock.url}${path}`, init)).arrayBuffer();
    expect(entries).toHaveLength(before + 1);
    return entries.at(-1);
  }

  it('names the method, path, status, time and user, from the world and from the cache', async () => {
    for (let i = 0; i < 2; i++) {
      const entry = await logged('/api/v1/authenticated/me', { headers: bearer(READ_TOKEN) });
      expect(entry).toEqual({
        time: expect.any(String),
        method: 'GET',
        path: '/api/v1/authenticated/me',
        status: 200,
        ms: expect.any(Number),
        user: 'demo',
      });
      expect(Date.parse(entry?.time ?? '')).not.toBeNaN();
    }
  });

  it('has no user for an anonymous or refused request', async () => {
    expect(await logged('/api/v1/users/demo/stats')).toMatchObject({ status: 200, user: null });
    expect(await logged('/api/v1/authenticated/me', { headers: bearer('not-a-token') })).toMatchObject({ status: 401, user: null });
    expect(await logged('/__mock/nothing-here')).toMatchObject({ status: 404, user: null });
  });

  it('never writes a credential, in text or in JSON', async () => {
    const byQuery = await logged(`/api/hackatime/v1/users/current/statusbar/today?api_key=${DEMO_KEY}`);
    const byHeader = await logged('/api/hackatime/v1/users/current/statusbar/today', { headers: bearer(DEMO_KEY) });
    expect(byQuery).toMatchObject({ path: '/api/hackatime/v1/users/current/statusbar/today?api_key=REDACTED', user: 'demo' });
    expect(byHeader).toMatchObject({ user: 'demo' });
    for (const entry of [byQuery, byHeader])
      for (const format of ['text', 'json'] as const) {
        if (!entry) throw new Error('no entry');
        expect(formatEntry(entry, format)).not.toContain(DEMO_KEY);
      }
  });
});

describe('the parts of the log', () => {
  it('redacts every query value that may be a credential and keeps the others', () => {
    expect(redactedPath('http://h/oauth/token?grant_type=authorization_code&code=abc&client_secret=s&redirect_uri=x')).toBe(
      '/oauth/token?grant_type=authorization_code&code=REDACTED&client_secret=REDACTED&redirect_uri=x',
    );
    expect(redactedPath('http://h/a?access_token=t&api_key=k&api_key=k2&limit=5')).toBe(
      '/a?access_token=REDACTED&api_key=REDACTED&limit=5',
    );
    expect(redactedPath('http://h/api/v1/users/demo/stats')).toBe('/api/v1/users/demo/stats');
  });

  it('redacts a path segment shaped like a key (API key, admin key, admin token), wherever a client put it', () => {
    expect(redactedPath(`http://h/api/v1/badge/${DEMO_KEY}/x`)).toBe('/api/v1/badge/REDACTED/x');
    expect(redactedPath(`http://h/a/hka_${'0f'.repeat(32)}/hkadmin_abcdefghijklmnopqrstuvwxyz012345`)).toBe('/a/REDACTED/REDACTED');
    expect(redactedPath('http://h/api/v1/users/12345678/stats')).toBe('/api/v1/users/12345678/stats');
  });

  it('writes a line for people or a JSON object for machines', () => {
    const entry: RequestLogEntry = { time: '2026-08-22T18:30:00.123Z', method: 'GET', path: '/p', status: 200, ms: 1.234, user: 'demo' };
    expect(formatEntry(entry, 'text')).toBe('18:30:00.123 GET /p 200 1.2 ms demo');
    expect(formatEntry({ ...entry, user: null }, 'text')).toBe('18:30:00.123 GET /p 200 1.2 ms -');
    expect(JSON.parse(formatEntry(entry, 'json'))).toEqual(entry);
  });

  it('returns an answer that is ready at once without a promise', () => {
    const entries: RequestLogEntry[] = [];
    const answer = withRequestLog(
      () => new Response('ok', { status: 201 }),
      (e) => entries.push(e),
    )(new Request('http://h/x?token=t'));
    expect(answer).toBeInstanceOf(Response);
    expect(entries).toEqual([expect.objectContaining({ method: 'GET', path: '/x?token=REDACTED', status: 201, user: null })]);
  });
});
