/**
 * @module
 * Everything a mock changes while it runs, in one object made once per mock: the world's heartbeats,
 * the OAuth server (apps, codes, the one token store), the user API keys rotated by `POST /api/internal/revoke`, the admin API's tables (admin keys, trust-level
 * audit logs, deletion requests, shadow-bans and the user columns they change), the ingest counters,
 * the YSWS claims and the caches. Handlers reach it through the request context (`ctx.state`), never through module-level
 * maps, so two mocks in one process share nothing, and `POST /__mock/reset` has one `reset()` to call.
 */
import type { World } from '../world/store.js';
import type { LeaderboardCache } from './answers/leaderboard.js';
import { MachineIndexes } from './answers/machine-index.js';
import { YswsClaims } from './answers/ysws-claims.js';
import { type Freshness, FreshnessStore } from './freshness.js';
import { IngestCounters } from './ingest/counters.js';
import { DEMO_REVOCATION_KEY, KeyRevocations } from './key-revocations.js';
import { type OAuthOptions, OAuthServer } from './oauth/server.js';
import { RequestRing } from './request-ring.js';
import { ResponseCache } from './response-cache.js';
import { StaffStore } from './staff/store.js';

/** GET answers kept, by URL. */
const RESPONSE_CACHE_URLS = 5_000;

/**
 * @example
 * const state = new MockState(createWorld({ seed: 42, now }), { apps: [], autoApprove: false });
 * state.reset(); // the seeded world and apps, nothing issued, nothing counted, nothing cached
 */
export class MockState {
  readonly oauth: OAuthServer;
  /** The admin API's keys, audit logs, deletion requests and shadow-bans (`/api/admin/v1/*`). */
  readonly staff: StaffStore;
  /** User API keys rotated by `POST /api/internal/revoke` (admin keys it revokes live in `staff`). */
  readonly keys: KeyRevocations;
  readonly ingest = new IngestCounters();
  readonly claims = new YswsClaims();
  readonly leaderboards: LeaderboardCache = new Map();
  readonly responses = new ResponseCache(RESPONSE_CACHE_URLS);
  /** The admin analytics' index of every user's rows, kept up to date as rows arrive. */
  readonly machines: MachineIndexes;
  /** The last requests answered over the socket (`/__mock/requests`); a reset keeps them: they are what happened, the reset among them. */
  readonly requests = new RequestRing();
  /** What answers keep for a while with `--freshness real` (the server's `Rails.cache`). */
  readonly freshness: FreshnessStore;

  constructor(
    readonly world: World,
    oauth: OAuthOptions = {},
    freshness: Freshness = 'immediate',
    /** The server's `HKA_REVOCATION_KEY`, which `POST /api/internal/revoke` takes. */
    readonly revocationKey: string = DEMO_REVOCATION_KEY,
    /** Bytes the admin analytics' index may take (absent: no limit). */
    indexBytes?: number,
  ) {
    this.oauth = new OAuthServer(world, oauth);
    this.staff = new StaffStore(world, this.oauth.tokens);
    this.freshness = new FreshnessStore(freshness);
    this.keys = new KeyRevocations(world.seed);
    this.machines = new MachineIndexes(world, indexBytes);
  }

  /**
   * Back to the seeded state: the generated heartbeats (a data file is emptied with them), the seed
   * and start-up OAuth apps with no codes and no issued tokens, zero counts, no claims, no cache.
   * Resolve `world.flushed()` afterwards to know the data file holds the reset.
   */
  reset(): void {
    this.world.reset();
    this.oauth.reset();
    // After the OAuth server: the admin API's seeded OAuth token goes back into its token store.
    this.staff.reset();
    this.keys.reset();
    this.ingest.reset();
    this.claims.clear();
    this.leaderboards.clear();
    this.responses.clear();
    this.freshness.reset();
  }
}
