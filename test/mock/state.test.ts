/**
 * What a mock changes while it runs belongs to that mock alone, and `POST /__mock/reset` puts all of
 * it back: apps registered at run time, codes, issued tokens, posted heartbeats, ingest counts,
 * claims and cached answers.
 */
import { describe, expect, it } from 'vitest';
import { LEGACY_STATS_KEY } from '../../src/mock/credentials.js';
import { createMock } from '../../src/server/server.js';
import { bearer, DEMO_KEY, type MockTarget, NOW, SEED } from '../helpers/mock.js';
import type { MockStats } from './heartbeats-support.js';
import { approvedCode, basicAuth, expectOAuthError, INVALID_CLIENT, INVALID_GRANT, token, WEB_APP } from './oauth-support.js';

// With the removed endpoints, whose YSWS claims are part of the state too.
const OPTIONS = { seed: SEED, now: NOW, users: 9, days: 3, legacyEndpoints: true };
const NOW_S = NOW / 1000;
const RUNTIME_APP = { id: 'runtime-app', secret: 'runtime-secret', redirect: 'https://runtime.example/cb' };

function target(): MockTarget {
  const mock = createMock(OPTIONS);
  return { transport: 'in-process', world: mock.world, fetch: async (path, init) => mock.app.request(path, init) };
}

const JSON_HEADERS = { 'Content-Type': 'application/json' };

/** Reads whose bytes a run-time change would show. */
const READS: [string, Record<string, string>][] = [
  ['/__mock/credentials', {}],
  ['/__mock/oauth/apps', {}],
  ['/__mock/stats', {}],
  ['/__mock/heartbeats', {}],
  ['/api/v1/users/demo/stats', {}],
  ['/api/v1/leaderboard/daily', {}],
  ['/api/v1/leaderboard/weekly', {}],
  ['/api/hackatime/v1/users/current/statusbar/today', bearer(DEMO_KEY)],
];

async function readAll(t: MockTarget): Promise<string[]> {
  const out: string[] = [];
  for (const [path, headers] of READS) {
    const res = await t.fetch(path, { headers });
    out.push(`${path} ${res.status} ${await res.text()}`);
  }
  return out;
}

const registerApp = (t: MockTarget) =>
  t.fetch('/__mock/oauth/apps', {
    method: 'POST',
    headers: JSON_HEADERS,
    body: JSON.stringify({
      name: 'Run time',
      client_id: RUNTIME_APP.id,
      client_secret: RUNTIME_APP.secret,
      redirect_uris: [RUNTIME_APP.redirect],
    }),
  });

const runtimeToken = (t: MockTarget) => token(t, { grant_type: 'client_credentials' }, basicAuth(RUNTIME_APP.id, RUNTIME_APP.secret));

async function webAccessToken(t: MockTarget): Promise<string> {
  const code = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect, scope: 'profile read' });
  const issued = await token(t, exchangeFields(code));
  expect(issued.status).toBe(200);
  return (issued.json as { access_token: string }).access_token;
}

const exchangeFields = (code: string) => ({
  grant_type: 'authorization_code',
  code,
  redirect_uri: WEB_APP.redirect,
  client_id: WEB_APP.id,
  client_secret: WEB_APP.secret,
});

const postHeartbeat = (t: MockTarget) =>
  t.fetch('/api/hackatime/v1/users/current/heartbeats', {
    method: 'POST',
    headers: { ...bearer(DEMO_KEY), ...JSON_HEADERS },
    body: JSON.stringify({ entity: '/home/orpheus/state.ts', type: 'file', time: NOW_S - 60, project: 'state', language: 'TypeScript' }),
  });

const claimToday = (t: MockTarget, userId: number) =>
  t.fetch('/api/v1/ysws_programs/claim', {
    method: 'POST',
    headers: { ...bearer(LEGACY_STATS_KEY), ...JSON_HEADERS },
    body: JSON.stringify({
      start_time: new Date((NOW_S - 86_400) * 1000).toISOString(),
      end_time: new Date(NOW).toISOString(),
      user_id: userId,
      program_id: 1,
    }),
  });

const authenticatedMe = (t: MockTarget, access: string) => t.fetch('/api/v1/authenticated/me', { headers: bearer(access) });

interface Changes {
  access: string;
  unusedCode: string;
  demoId: number;
}

/** Every kind of run-time change, each checked to have taken effect. */
async function changeEverything(t: MockTarget): Promise<Changes> {
  expect((await registerApp(t)).status).toBe(201);
  expect((await runtimeToken(t)).status).toBe(200);
  const unusedCode = await approvedCode(t, { client_id: WEB_APP.id, redirect_uri: WEB_APP.redirect });
  const access = await webAccessToken(t);
  expect((await authenticatedMe(t, access)).status).toBe(200);
  expect((await postHeartbeat(t)).status).toBe(202);
  const demoId = t.world.userByUsername(t.world.roles.demo)!.id;
  expect((await claimToday(t, demoId)).status).toBe(200);
  expect((await claimToday(t, demoId)).status).toBe(409);
  return { access, unusedCode, demoId };
}

describe('POST /__mock/reset', () => {
  it('puts every part of the mock back to its seeded state', async () => {
    const fresh = await readAll(target());
    const t = target();
    expect(await readAll(t)).toEqual(fresh);
    const { access, unusedCode, demoId } = await changeEverything(t);
    expect(await readAll(t)).not.toEqual(fresh);

    expect((await t.fetch('/__mock/reset', { method: 'POST' })).status).toBe(200);

    // Reads equal a fresh mock's, byte for byte: no run-time app, no token, no heartbeat, zero counts.
    expect(await readAll(t)).toEqual(fresh);
    // The app registered at run time is unknown.
    expectOAuthError(await runtimeToken(t), 401, 'invalid_client', INVALID_CLIENT);
    // The issued token no longer authenticates.
    const me = await authenticatedMe(t, access);
    expect(me.status).toBe(401);
    expect(me.headers.get('www-authenticate')).toContain('error_description="The access token is invalid"');
    // The code issued before the reset is not a code any more.
    expectOAuthError(await token(t, exchangeFields(unusedCode)), 400, 'invalid_grant', INVALID_GRANT);
    // The claim is forgotten: the same range can be claimed again.
    expect((await claimToday(t, demoId)).status).toBe(200);
  });

  it('gives the same codes and tokens again as a fresh mock does', async () => {
    const t = target();
    await changeEverything(t);
    expect((await t.fetch('/__mock/reset', { method: 'POST' })).status).toBe(200);
    expect(await webAccessToken(t)).toBe(await webAccessToken(target()));
  });
});

describe('the heartbeat counts of a large world', () => {
  it('are estimated from a sample of its users, in stats and in the reset answer alike', async () => {
    // 1,000 users over a year: 365,000 user-days, past the 20,000 counted one by one.
    const { app } = createMock({ seed: SEED, now: NOW, users: 1000, days: 365 });
    const stats = (await (await app.request('/__mock/stats')).json()) as MockStats;
    expect(stats.heartbeats).toMatchObject({ posted: 0, estimated: true });
    expect(stats.heartbeats.total).toBe(stats.heartbeats.generated);
    // A year of a user is thousands of heartbeats: a thousand users, millions.
    expect(stats.heartbeats.generated).toBeGreaterThan(1_000_000);
    const reset = await (await app.request('/__mock/reset', { method: 'POST' })).json();
    expect(reset).toEqual({ reset: true, heartbeats: stats.heartbeats.total, estimated: true });
  });

  it('are exact in the default world', async () => {
    const { app, world } = createMock({ seed: SEED, now: NOW });
    const stats = (await (await app.request('/__mock/stats')).json()) as MockStats;
    const rows = world.users.reduce((sum, user) => sum + world.heartbeatsBetween(user.id, {}).length, 0);
    expect(stats.heartbeats).toEqual({ generated: rows, posted: 0, total: rows, estimated: false });
  });
});

describe('two mocks in one process', () => {
  it('share nothing they change', async () => {
    const changed = target();
    const other = target();
    const fresh = await readAll(other);
    const { access, demoId } = await changeEverything(changed);

    expect(await readAll(other)).toEqual(fresh);
    expectOAuthError(await runtimeToken(other), 401, 'invalid_client', INVALID_CLIENT);
    expect((await authenticatedMe(other, access)).status).toBe(401);
    expect((await claimToday(other, demoId)).status).toBe(200);
  });
});
