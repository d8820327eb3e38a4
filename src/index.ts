/**
 * @module
 * `hackatime-kit` as a library: the mock for a test suite, either on a loopback socket
 * (`startMock`) or in-process with no socket at all (`createMockApp`). The options are those of
 * `hackatime-kit mock`, in camelCase; the same world, the same answers, byte for byte. The API's
 * types for a client are in `hackatime-kit/types`.
 */
import { type MockApp, type MockAppOptions, mockConfig } from './mock/assemble.js';
import type { RequestLogEntry } from './mock/request-ring.js';
import { formatEntry, type RequestLogger } from './server/request-log.js';
import { createMock, DEFAULT_HOST, startMock as listen, type MockServerOptions } from './server/server.js';

export type { MockApp, MockAppOptions };

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

/** The server's options for `options`, checked as the command line checks its flags. */
function serverOptions(options: MockOptions): MockServerOptions {
  const { port, host, dataFile, adminToken, log } = options;
  return {
    ...mockConfig(options),
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
 * The same mock, bundled for a browser, is `hackatime-kit/browser`'s `createMockApp`.
 * @example
 * import { createMockApp } from 'hackatime-kit';
 * const app = createMockApp({ seed: 42 });
 * const res = await app.fetch(new Request('http://mock/api/v1/users/demo/stats'));
 */
export function createMockApp(options: MockAppOptions = {}): MockApp {
  // Only the app's own options: a data file is for a mock that `close()`s (see `startMock`).
  const { seed, now, users, days, latency, faultRate, oauthApps, oauthAutoApprove, legacyEndpoints, freshness } = options;
  const { app } = createMock(
    serverOptions({ seed, now, users, days, latency, faultRate, oauthApps, oauthAutoApprove, legacyEndpoints, freshness }),
  );
  return { fetch: async (request) => app.fetch(request) };
}
