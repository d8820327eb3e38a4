/**
 * @module
 * `hackatime-kit` as a library: the mock for a test suite, either on a loopback socket
 * (`startMock`) or in-process with no socket at all (`createMockApp`). The options are those of
 * `hackatime-kit mock`, in camelCase; the same world, the same answers, byte for byte. The API's
 * types for a client are in `hackatime-kit/types`.
 */
import type { OAuthAppDraft } from './mock/oauth/apps.js';
import { formatEntry, type RequestLogEntry, type RequestLogger } from './server/request-log.js';
import { createMock, DEFAULT_HOST, startMock as listen, type MockServerOptions } from './server/server.js';
import { parseNow } from './world/clock.js';

/** What the world holds and how the mock answers; every field is optional, as on the command line. */
export interface MockAppOptions {
  /** Seed of the generated world (`--seed`, default 42): the same seed, the same world. */
  seed?: number;
  /** Fixed clock (`--now`): a `Date`, epoch milliseconds or an ISO 8601 instant; absent = the real clock. */
  now?: Date | number | string;
  /** Users in the world (`--users`, default 12). */
  users?: number;
  /** Days of generated history (`--days`, default 365, at least 2). */
  days?: number;
  /** Latency added to every `/api` answer, ms, or a range to draw from (`--latency`). */
  latency?: number | { min: number; max: number };
  /** Share (0–1) of `/api` answers broken by a reset, an empty or a truncated body (`--faults`). */
  faultRate?: number;
  /** OAuth apps to register besides the seed apps (`--oauth-app`), with camelCase fields. */
  oauthApps?: readonly OAuthAppDraft[];
  /** `GET /oauth/authorize` approves valid requests at once as the demo user (`--oauth-auto-approve`). */
  oauthAutoApprove?: boolean;
}

/** `MockAppOptions`, and where the mock listens and keeps its heartbeats. */
export interface MockOptions extends MockAppOptions {
  /** Port to listen on (`--port`); default 0, a free one, so that parallel suites never collide. */
  port?: number;
  /** Address to bind (`--host`, default 127.0.0.1: this machine only). */
  host?: string;
  /** JSON-lines file that keeps accepted heartbeats across restarts (`--data-file`). */
  dataFile?: string;
  /**
   * `/__mock/*` then requires `Authorization: Bearer <adminToken>` (`--admin-token`). Off loopback
   * one is generated when none is given (see `MockServer.adminToken`); on loopback it is open.
   */
  adminToken?: string;
  /**
   * The request log (`--log`): `'text'` or `'json'` lines on stdout, or a function given each entry.
   * Off by default, unlike the command: a test runner's output is no place for a line per request,
   * and a suite that wants them (to assert on, or to attach to a failing test) passes a function.
   */
  log?: 'text' | 'json' | ((entry: RequestLogEntry) => void);
}

export type { RequestLogEntry };

/** A mock listening on a socket. */
export interface MockServer {
  /** Its base URL, e.g. `http://127.0.0.1:40123` (no trailing slash). */
  url: string;
  /** What `/__mock/*` requires as `Authorization: Bearer …`, when it requires anything. */
  adminToken?: string;
  /** Stops listening, drops open connections and closes the data file; resolves when all is freed. */
  close(): Promise<void>;
}

/** The mock as a fetch handler: a `Request` in, its `Response` out, no socket. */
export interface MockApp {
  fetch(request: Request): Promise<Response>;
}

/** The server's options for `options`, checked as the command line checks its flags. */
function serverOptions(options: MockOptions): MockServerOptions {
  const { now, latency, faultRate, oauthApps, oauthAutoApprove, seed, users, days, port, host, dataFile, adminToken, log } = options;
  const epochMs = now === undefined ? undefined : now instanceof Date ? now.getTime() : typeof now === 'number' ? now : parseNow(now);
  if (epochMs !== undefined && !Number.isFinite(epochMs)) throw new RangeError(`now is not an instant: ${String(now)}`);
  if (faultRate !== undefined && !(faultRate >= 0 && faultRate <= 1))
    throw new RangeError(`faultRate must be from 0 to 1, got ${faultRate}`);
  const range = typeof latency === 'number' ? { min: latency, max: latency } : latency;
  const faults = range || faultRate ? { ...(range ? { latency: range } : {}), ...(faultRate ? { faultRate } : {}) } : undefined;
  return {
    ...(seed === undefined ? {} : { seed }),
    ...(epochMs === undefined ? {} : { now: epochMs }),
    ...(users === undefined ? {} : { users }),
    ...(days === undefined ? {} : { days }),
    ...(faults ? { faults } : {}),
    ...(oauthApps ? { oauthApps } : {}),
    ...(oauthAutoApprove === undefined ? {} : { oauthAutoApprove }),
    port: port ?? 0,
    host: host ?? DEFAULT_HOST,
    ...(dataFile === undefined ? {} : { dataFile }),
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(log === undefined ? {} : { log: logger(log) }),
  };
}

const logger = (log: NonNullable<MockOptions['log']>): RequestLogger =>
  typeof log === 'function' ? log : (entry) => process.stdout.write(`${formatEntry(entry, log)}\n`);

/**
 * Starts a mock on a socket (loopback, a free port unless `port` is given) and resolves once it
 * listens. One per test file or worker: mocks share nothing, so they never see each other's data.
 * @example
 * import { startMock } from 'hackatime-kit';
 * const mock = await startMock({ seed: 42, now: '2026-08-22T18:30:00Z' });
 * const res = await fetch(`${mock.url}/api/v1/users/demo/stats`);
 * await mock.close();
 */
export async function startMock(options: MockOptions = {}): Promise<MockServer> {
  const running = await listen(serverOptions(options));
  return { url: running.url, ...(running.adminToken ? { adminToken: running.adminToken } : {}), close: () => running.close() };
}

/**
 * The mock as a fetch handler, for a test that wants no socket at all (or a framework that takes
 * a `fetch`, such as openapi-fetch's `createClient({ fetch })`). Its state lives as long as the
 * object; there is nothing to close. The requests' origin is yours to choose (`http://mock` below).
 * @example
 * import { createMockApp } from 'hackatime-kit';
 * const app = createMockApp({ seed: 42 });
 * const res = await app.fetch(new Request('http://mock/api/v1/users/demo/stats'));
 */
export function createMockApp(options: MockAppOptions = {}): MockApp {
  // Only the app's own options: a data file is for a mock that `close()`s (see `startMock`).
  const { seed, now, users, days, latency, faultRate, oauthApps, oauthAutoApprove } = options;
  const { app } = createMock(serverOptions({ seed, now, users, days, latency, faultRate, oauthApps, oauthAutoApprove }));
  return { fetch: async (request) => app.fetch(request) };
}
