/**
 * One mock suite, two transports: every test body calls `t.fetch(path, init)` and runs once against
 * the app in-process (`app.request`) and once against a real `@hono/node-server` on a free loopback
 * port.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import { createMock, type RunningMock, startMock } from '../../src/server/server.js';
import type { World } from '../../src/world/store.js';

/** The fixed instant most tests use: a Saturday afternoon in New York (demo's zone). */
export const NOW = Date.parse('2026-08-22T18:30:00Z');
export const SEED = 42;

export const DEMO_KEY = '11111111-1111-4111-8111-111111111111';
export const ADMIN_KEY = `hka_${'a'.repeat(64)}`;
export const PROFILE_TOKEN = 'demo-oauth-profile';
export const READ_TOKEN = 'demo-oauth-read';

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
/**
 * What a JSON client sends: the error pages of the real server are HTML for `*\/*` or no Accept
 * (see test/mock/error-pages.test.ts), so tests that read their JSON ask for it.
 */
export const ACCEPT_JSON = { Accept: 'application/json' } as const;
export const basic = (key: string) => ({ Authorization: `Basic ${Buffer.from(key).toString('base64')}` });

export interface MockTarget {
  /** Which transport this run uses. */
  transport: 'in-process' | 'socket';
  fetch(path: string, init?: RequestInit): Promise<Response>;
  world: World;
}

export interface MockSetup {
  seed?: number;
  now?: number;
  users?: number;
  /**
   * Days of generated history; `'default'` is the default world's (a year). Absent:
   * {@link BEHAVIOUR_DAYS}.
   */
  days?: number | 'default';
  /** The removed endpoints answer as they last did (`--legacy-endpoints`). */
  legacyEndpoints?: boolean;
}

/**
 * The history most behaviour tests get: a request's rules (auth, validation, ingest, windows) do not
 * depend on a year of it, and every fresh mock's first reads of a year cost seconds across a file.
 * The tests that recompute the mock's figures from raw heartbeats (authenticated, summary,
 * WakaTime reads), the determinism and order-independence tests and the world's own tests run on
 * the default world.
 */
const BEHAVIOUR_DAYS = 30;

/** Runs `fn` twice: in-process and over a socket, each with its own fresh mock. */
export function describeBoth(title: string, fn: (t: MockTarget) => void, setup: MockSetup = {}): void {
  const options = {
    seed: setup.seed ?? SEED,
    now: setup.now ?? NOW,
    ...(setup.users ? { users: setup.users } : {}),
    ...(setup.days === 'default' ? {} : { days: setup.days ?? BEHAVIOUR_DAYS }),
    ...(setup.legacyEndpoints ? { legacyEndpoints: true } : {}),
  };
  describe(`${title} (in-process)`, () => {
    const mock = createMock(options);
    fn({ transport: 'in-process', world: mock.world, fetch: async (path, init) => mock.app.request(path, init) });
  });
  describe(`${title} (socket)`, () => {
    let running: RunningMock | undefined;
    const target: MockTarget = {
      transport: 'socket',
      get world(): World {
        if (!running) throw new Error('server not started');
        return running.world;
      },
      fetch: async (path, init) => {
        if (!running) throw new Error('server not started');
        return fetch(`${running.url}${path}`, init);
      },
    };
    beforeAll(async () => {
      running = await startMock({ ...options, port: 0 });
    });
    afterAll(async () => running?.close());
    fn(target);
  });
}
