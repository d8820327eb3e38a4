/**
 * The requests the Node mock and the browser build must answer alike: reads across the API, writes
 * that change the world, the paths through the platform seam (MD5 fields hashes and compliments,
 * SHA-256 seeds and secrets, base64 credentials both strict and forgiving, IP addresses, UTF-8
 * bodies, the bundled spec's validation) and the admin API. In order: later reads see earlier writes.
 */
import { ADMIN_KEY, basic, bearer, DEMO_KEY, READ_TOKEN } from '../helpers/mock.js';
import { CLI_APP, s256, VERIFIER } from '../mock/oauth-support.js';

export interface ParityRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const heartbeat = (entity: string) =>
  JSON.stringify([{ entity, type: 'file', time: 1787423000.5, project: 'naïve <proj> & co', language: 'TypeScript', is_write: true }]);

export const PARITY_REQUESTS: ParityRequest[] = [
  { method: 'GET', path: '/api/v1/users/demo/stats' },
  { method: 'GET', path: '/api/v1/users/demo/projects?since=2026-08-01' },
  { method: 'GET', path: '/api/v1/users/demo/heartbeats/spans' },
  { method: 'GET', path: '/api/v1/users/demo/projects/details' },
  { method: 'GET', path: '/api/v1/leaderboard/weekly' },
  { method: 'GET', path: '/api/v1/leaderboard/weekly', headers: { Prefer: 'dynamic=true' } },
  { method: 'GET', path: '/api/v1/stats', headers: { Prefer: 'dynamic=true' } },
  { method: 'GET', path: '/api/v1/users/demo/stats?start=not-a-date' },
  { method: 'GET', path: '/api/v1/users/demo/stats?limit=-5&features=projects,languages' },
  { method: 'GET', path: '/api/hackatime/v1/users/current/statusbar/today', headers: bearer(DEMO_KEY) },
  { method: 'GET', path: '/api/hackatime/v1/users/current/stats/last_7_days', headers: basic(DEMO_KEY) },
  { method: 'GET', path: '/api/v1/authenticated/me', headers: bearer(READ_TOKEN) },
  { method: 'GET', path: '/api/v1/my/heartbeats?limit=5', headers: bearer(DEMO_KEY) },
  { method: 'GET', path: '/api/v1/users/lookup_email/demo@hackatime.local', headers: bearer(ADMIN_KEY) },
  { method: 'GET', path: '/api/v1/badge/1/hackatime-kit' },
  {
    method: 'POST',
    path: '/api/hackatime/v1/users/current/heartbeats.bulk',
    headers: {
      ...bearer(DEMO_KEY),
      'Content-Type': 'application/json',
      'CF-Connecting-IP': '2001:DB8::1',
      'X-Machine-Name': 'orpheus-laptop',
    },
    body: heartbeat('/home/demo/src/ünïcode.ts'),
  },
  {
    // A page cannot set User-Agent: this one runs in Node only (FORBIDDEN_IN_BROWSERS).
    method: 'POST',
    path: '/api/hackatime/v1/users/current/heartbeats.bulk',
    headers: {
      ...bearer(DEMO_KEY),
      'Content-Type': 'application/json',
      'User-Agent': 'wakatime/v1.98.0 (linux) go1.22 vscode/1.93.0 vscode-wakatime/24.6.0',
    },
    body: heartbeat('/home/demo/src/agent.ts'),
  },
  {
    method: 'POST',
    path: '/api/hackatime/v1/users/current/heartbeats',
    headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json', 'CF-Connecting-IP': '203.0.113.9' },
    body: '{"entity":"broken',
  },
  { method: 'GET', path: '/api/v1/authenticated/heartbeats/latest', headers: bearer(DEMO_KEY) },
  { method: 'GET', path: '/api/v1/my/heartbeats/most_recent', headers: bearer(DEMO_KEY) },
  {
    method: 'POST',
    path: '/oauth/token',
    headers: { Authorization: `Basic ${btoa('demo-cli:not-the-secret')}*?`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=authorization_code&code=nope&redirect_uri=http%3A%2F%2F127.0.0.1%2Fcallback',
  },
  {
    method: 'GET',
    path: `/oauth/authorize?${new URLSearchParams({
      client_id: CLI_APP.id,
      redirect_uri: CLI_APP.redirect,
      response_type: 'code',
      scope: 'profile read',
      state: 'parity',
      code_challenge: s256(VERIFIER),
      code_challenge_method: 'S256',
    }).toString()}`,
    headers: { Prefer: 'oauth=approve' },
  },
  { method: 'GET', path: '/__mock/credentials' },
  { method: 'POST', path: '/__mock/reset' },
  { method: 'GET', path: '/api/v1/my/heartbeats/most_recent', headers: bearer(DEMO_KEY) },
  { method: 'GET', path: '/no/such/path' },
  { method: 'OPTIONS', path: '/api/v1/stats', headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' } },
];

export type App = { fetch(request: Request): Promise<Response> };

export interface ParityAnswer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** What `app` answers to `request` (sent to `http://mock`), all of it. */
export async function answerOf(app: App, { method, path, headers, body }: ParityRequest): Promise<ParityAnswer> {
  const init: RequestInit = { method, redirect: 'manual', ...(headers ? { headers } : {}), ...(body ? { body } : {}) };
  const res = await app.fetch(new Request(`http://mock${path}`, init));
  return { status: res.status, headers: [...res.headers.entries()], body: await res.text() };
}

/**
 * Headers a page cannot set on a `Request` (the Fetch standard's forbidden request headers that the
 * list uses): a browser drops them, so a request carrying one is not the same request there.
 */
export const FORBIDDEN_IN_BROWSERS = ['origin', 'access-control-request-method', 'user-agent'];
