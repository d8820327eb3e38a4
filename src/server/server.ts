/**
 * @module
 * Starts the mock on a socket: a world, the app, `@hono/node-server` bound to loopback by default.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { mountDocs } from '../docs/routes.js';
import { mountAdmin } from '../mock/admin/routes.js';
import { buildApp, type MockAppOptions } from '../mock/app.js';
import { DEMO_REVOCATION_KEY } from '../mock/credentials.js';
import type { OAuthAppDraft } from '../mock/oauth/apps.js';
import { DataFile, type DataFileReport } from '../mock/persistence/data-file.js';
import { MockState } from '../mock/state.js';
import { type Clock, fixedClock, realClock } from '../world/clock.js';
import { createWorld, type World } from '../world/store.js';
import { adminTokenFor, requireAdminToken } from './admin-token.js';
import { type RequestLogger, withRequestLog } from './request-log.js';

export interface MockServerOptions {
  port?: number;
  host?: string;
  seed?: number;
  /** Fixed instant (epoch ms); absent = the real clock. */
  now?: number;
  users?: number;
  days?: number;
  /** Bytes of generated user-days the world keeps between reads (the least recently used go first). */
  cacheBytes?: number;
  onUnexpectedError?: MockAppOptions['onUnexpectedError'];
  /** OAuth apps to register besides the seed apps of `fixtures/oauth-apps.json`. */
  oauthApps?: readonly OAuthAppDraft[];
  /** `GET /oauth/authorize` approves valid requests at once (as `Prefer: oauth=approve` does). */
  oauthAutoApprove?: boolean;
  faults?: MockAppOptions['faults'];
  /** Socket timeouts, ms: a client slower than these is dropped (slow and half-open clients). */
  timeouts?: { headers?: number; request?: number; keepAlive?: number };
  /** JSON-lines file that keeps accepted heartbeats across restarts (loaded before the mock serves). */
  dataFile?: string;
  /** Token that `/__mock/*` requires; off loopback one is generated when none is given. */
  adminToken?: string;
  /** The key `POST /api/internal/revoke` takes (the server's `HKA_REVOCATION_KEY`); default `demo-revocation-key`. */
  revocationKey?: string;
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
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 42;

/** Builds the world and the app without a socket (in-process use and tests). */
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
  const seed = options.seed ?? DEFAULT_SEED;
  const clock = options.now === undefined ? realClock() : fixedClock(options.now);
  const world = createWorld({
    seed,
    now: clock.now(),
    ...(options.users === undefined ? {} : { users: options.users }),
    ...(options.days === undefined ? {} : { days: options.days }),
    ...(options.cacheBytes === undefined ? {} : { cacheBytes: options.cacheBytes }),
  });
  const state = new MockState(
    world,
    { apps: options.oauthApps ?? [], autoApprove: options.oauthAutoApprove ?? false },
    options.revocationKey ?? DEMO_REVOCATION_KEY,
  );
  const persistence = options.dataFile === undefined ? undefined : DataFile.open(options.dataFile, world, clock.now());
  const adminToken = adminTokenFor(options.host ?? DEFAULT_HOST, options.adminToken);
  const app = buildApp({
    state,
    clock,
    extend: (a) => {
      if (adminToken !== undefined) a.use('/__mock/*', requireAdminToken(adminToken));
      mountAdmin(a, { state, clock });
      mountDocs(a);
    },
    ...(options.onUnexpectedError ? { onUnexpectedError: options.onUnexpectedError } : {}),
    ...(options.faults ? { faults: options.faults } : {}),
  });
  return { app, world, state, clock, seed, ...(persistence ? { persistence } : {}), ...(adminToken === undefined ? {} : { adminToken }) };
}

export async function startMock(options: MockServerOptions = {}): Promise<RunningMock> {
  const { app, world, state, clock, persistence, adminToken } = createMock(options);
  const host = options.host ?? DEFAULT_HOST;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve(
      {
        fetch: options.log ? withRequestLog(app.fetch, options.log) : app.fetch,
        port: options.port ?? DEFAULT_PORT,
        hostname: host,
        serverOptions: {
          headersTimeout: options.timeouts?.headers ?? 10_000,
          requestTimeout: options.timeouts?.request ?? 30_000,
          keepAliveTimeout: options.timeouts?.keepAlive ?? 5_000,
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
