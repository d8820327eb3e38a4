/**
 * @module
 * One mock, whoever hosts it: the library's options checked, then the world, its `MockState` and
 * the app with the admin API. The Node host (`src/server`) adds a data file, an admin token and the
 * docs; the browser entry (`src/browser.ts`) serves it as it is. Both come through here, so a seed
 * and a clock give the same answers in either.
 */
import type { Context, Hono } from 'hono';
import { type Clock, fixedClock, parseNow, realClock } from '../world/clock.js';
import { createWorld, type World } from '../world/store.js';
import { mountAdmin } from './admin/routes.js';
import { buildApp } from './app.js';
import type { FaultOptions } from './faults.js';
import type { Freshness } from './freshness.js';
import { DEMO_REVOCATION_KEY } from './key-revocations.js';
import type { OAuthAppDraft } from './oauth/apps.js';
import { MockState } from './state.js';

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
  /**
   * The removed endpoints (`ysws_programs`, `external/slack/oauth`) answer as they last did instead
   * of 404, for old clients (`--legacy-endpoints`).
   */
  legacyEndpoints?: boolean;
  /**
   * `'real'`: `/api/summary` is kept a minute, streaks an hour, and leaderboards come from the
   * server's periodic builds (503 "being generated" until the day's first), all against the mock's
   * clock (`--freshness real`). Default `'immediate'`: every answer reflects every change at once.
   */
  freshness?: Freshness;
}

/** The mock as a fetch handler: a `Request` in, its `Response` out, no socket. */
export interface MockApp {
  fetch(request: Request): Promise<Response>;
}

/** `MockAppOptions` checked and in the host's units (epoch ms, a fault range). */
export interface MockConfig {
  seed?: number;
  /** Fixed instant (epoch ms); absent = the real clock. */
  now?: number;
  users?: number;
  days?: number;
  /** Bytes of generated user-days the world keeps between reads (the least recently used go first). */
  cacheBytes?: number;
  /** OAuth apps to register besides the seed apps of `fixtures/oauth-apps.json`. */
  oauthApps?: readonly OAuthAppDraft[];
  /** `GET /oauth/authorize` approves valid requests at once (as `Prefer: oauth=approve` does). */
  oauthAutoApprove?: boolean;
  faults?: Omit<FaultOptions, 'seed'>;
  /** Called with every uncaught error before it becomes a 500. */
  onUnexpectedError?: (err: unknown, c: Context) => void;
  /** The removed endpoints answer as they last did instead of 404 (`--legacy-endpoints`). */
  legacyEndpoints?: boolean;
  /** `real`: summaries, streaks and leaderboards age as on the server (`--freshness`); default `immediate`. */
  freshness?: Freshness;
  /** The key `POST /api/internal/revoke` takes (the server's `HKA_REVOCATION_KEY`); default `demo-revocation-key`. */
  revocationKey?: string;
  /**
   * Bytes the admin analytics' index of every heartbeat may take: a world estimated past it answers
   * those reads 503 at once (the Node host sets it from its heap limit); absent = no limit.
   */
  indexBytes?: number;
}

export const DEFAULT_SEED = 42;

/**
 * The library's options as the host takes them, checked as the command line checks its flags.
 * @example
 * mockConfig({ now: '2026-08-22T18:30:00Z', latency: 50 }) // { now: 1787423400000, faults: { latency: { min: 50, max: 50 } } }
 */
export function mockConfig(options: MockAppOptions): MockConfig {
  const { now, latency, faultRate, oauthApps, oauthAutoApprove, seed, users, days, legacyEndpoints, freshness } = options;
  if (freshness !== undefined && freshness !== 'immediate' && freshness !== 'real')
    throw new RangeError(`freshness must be 'immediate' or 'real', got ${String(freshness)}`);
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
    ...(legacyEndpoints === undefined ? {} : { legacyEndpoints }),
    ...(freshness === undefined ? {} : { freshness }),
  };
}

export interface AssembledMock {
  app: Hono;
  world: World;
  /** Everything the mock changes while it runs; `POST /__mock/reset` calls its `reset()`. */
  state: MockState;
  clock: Clock;
  seed: number;
}

/**
 * The world, its state and the app with `/__mock/*`. `guardAdmin` runs before the admin API is
 * mounted (the Node host's admin token), `extend` after it (the Node host's docs).
 * @example
 * const { app } = assembleMock({ seed: 42, now: Date.parse('2026-08-22T18:30:00Z') });
 * const res = await app.request('/api/v1/users/demo/stats');
 */
export function assembleMock(
  config: MockConfig,
  host: { guardAdmin?: (app: Hono) => void; extend?: (app: Hono) => void } = {},
): AssembledMock {
  const seed = config.seed ?? DEFAULT_SEED;
  const clock = config.now === undefined ? realClock() : fixedClock(config.now);
  const world = createWorld({
    seed,
    now: clock.now(),
    ...(config.users === undefined ? {} : { users: config.users }),
    ...(config.days === undefined ? {} : { days: config.days }),
    ...(config.cacheBytes === undefined ? {} : { cacheBytes: config.cacheBytes }),
  });
  const state = new MockState(
    world,
    { apps: config.oauthApps ?? [], autoApprove: config.oauthAutoApprove ?? false },
    config.freshness ?? 'immediate',
    config.revocationKey ?? DEMO_REVOCATION_KEY,
    config.indexBytes,
  );
  const app = buildApp({
    state,
    clock,
    extend: (a) => {
      host.guardAdmin?.(a);
      mountAdmin(a, { state, clock });
      host.extend?.(a);
    },
    ...(config.onUnexpectedError ? { onUnexpectedError: config.onUnexpectedError } : {}),
    ...(config.faults ? { faults: config.faults } : {}),
    legacyEndpoints: config.legacyEndpoints === true,
  });
  return { app, world, state, clock, seed };
}
