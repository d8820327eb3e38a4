/**
 * @module
 * Starts the mock on a socket: a world, the app, `@hono/node-server` bound to loopback by default.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { mountDocs } from '../docs/routes.js';
import { mountHome } from '../home/routes.js';
import { assembleMock, DEFAULT_SEED, type MockConfig } from '../mock/assemble.js';
import { DataFile, type DataFileReport } from '../mock/persistence/data-file.js';
import { rawPathOf } from '../mock/rails-path.js';
import { plainEntry } from '../mock/request-ring.js';
import type { MockState } from '../mock/state.js';
import { loadGeneratedValidators } from '../spec/validator.js';
import type { Clock } from '../world/clock.js';
import type { World } from '../world/store.js';
import { adminTokenFor, requireAdminToken } from './admin-token.js';
import { type RequestLogger, withRequestLog } from './request-log.js';
import { analyticsIndexRoom } from './world-room.js';

/** The mock's options (`MockConfig`, shared with the browser build) and the socket's. */
export interface MockServerOptions extends MockConfig {
  port?: number;
  host?: string;
  /** Socket timeouts, ms: a client slower than these is dropped (slow and half-open clients). */
  timeouts?: { headers?: number; request?: number; keepAlive?: number };
  /** JSON-lines file that keeps accepted heartbeats across restarts (loaded before the mock serves). */
  dataFile?: string;
  /** Token that `/__mock/*` requires; off loopback one is generated when none is given. */
  adminToken?: string;
  /** Called once per answered request (the request log); absent = no log. */
  log?: RequestLogger;
}

export interface RunningMock {
  url: string;
  world: World;
  /** Everything the mock changes as it answers (the world's heartbeats, OAuth, counters, caches). */
  state: MockState;
  app: Hono;
  clock: Clock;
  /** What the data file held at start, when there is one. */
  dataFile?: DataFileReport;
  /** What `/__mock/*` requires as `Authorization: Bearer …`, when it requires anything. */
  adminToken?: string;
  /** The removed endpoints answer as they last did (`--legacy-endpoints`). */
  legacyEndpoints: boolean;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
const REQUESTS_PATH = '/__mock/requests';
export const DEFAULT_HOST = '127.0.0.1';
export { DEFAULT_SEED };

/**
 * Builds the world and the app without a socket (in-process use and tests): the mock every host
 * makes (`assembleMock`), with Node's additions: the data file, the admin token and the docs.
 */
export function createMock(options: MockServerOptions = {}): {
  app: Hono;
  world: World;
  /** Everything the mock changes while it runs; `POST /__mock/reset` calls its `reset()`. */
  state: MockState;
  clock: Clock;
  seed: number;
  persistence?: { file: DataFile; report: DataFileReport };
  adminToken?: string;
} {
  const adminToken = adminTokenFor(options.host ?? DEFAULT_HOST, options.adminToken);
  const mock = assembleMock(
    { ...options, indexBytes: options.indexBytes ?? analyticsIndexRoom() },
    {
      ...(adminToken === undefined ? {} : { guardAdmin: (a: Hono) => a.use('/__mock/*', requireAdminToken(adminToken)) }),
      extend: (a) => {
        mountDocs(a);
        mountHome(a);
      },
    },
  );
  const persistence = options.dataFile === undefined ? undefined : DataFile.open(options.dataFile, mock.world, mock.clock.now());
  return { ...mock, ...(persistence ? { persistence } : {}), ...(adminToken === undefined ? {} : { adminToken }) };
}

export async function startMock(options: MockServerOptions = {}): Promise<RunningMock> {
  const { app, world, state, clock, persistence, adminToken } = createMock(options);
  // Start-up pays for the parameter validators (a few ms) rather than the first read with a parameter.
  loadGeneratedValidators();
  const host = options.host ?? DEFAULT_HOST;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: withRequestLog(app.fetch, (entry, request) => {
          // The home page's own polling would fill the list it shows.
          if (!rawPathOf(request.url).startsWith(REQUESTS_PATH)) state.requests.add(entry);
          if (options.log) options.log(plainEntry(entry));
        }),
        port: options.port ?? DEFAULT_PORT,
        hostname: host,
        serverOptions: {
          headersTimeout: options.timeouts?.headers ?? 10_000,
          requestTimeout: options.timeouts?.request ?? 30_000,
          // Far longer than a client keeps an idle socket for reuse (undici: the server's hint less a
          // second). At Node's 5 s, a client whose loop was busy past it could send on a socket
          // the server's idle check closed in the same turn: ECONNRESET for a valid request.
          keepAliveTimeout: options.timeouts?.keepAlive ?? 65_000,
          // How often Node looks for connections past those timeouts (its default is 30 s).
          connectionsCheckingInterval: Math.min(1_000, options.timeouts?.headers ?? 1_000),
        },
      },
      () => resolve(s),
    );
    s.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    world,
    state,
    app,
    clock,
    legacyEndpoints: options.legacyEndpoints === true,
    ...(persistence ? { dataFile: persistence.report } : {}),
    ...(adminToken === undefined ? {} : { adminToken }),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await persistence?.file.close();
    },
  };
}
