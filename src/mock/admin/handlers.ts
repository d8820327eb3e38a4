/**
 * @module
 * Handlers of the admin API, keyed by operationId.
 */

import type { World } from '../../world/store.js';
import type { User, WorldRoles } from '../../world/types.js';
import { LEGACY_STATS_KEY } from '../credentials.js';
import { error } from '../errors.js';
import { type HandlerMap, json } from '../handler.js';
import { listOAuthApps, registerOAuthApp } from '../oauth/admin.js';
import { exportHeartbeats, heartbeatStats, importHeartbeats } from '../persistence/admin.js';
import { displayName } from '../rails/present/display-names.js';
import type { StaffStore } from '../staff/store.js';
import type { MockState } from '../state.js';

function rolesOf(user: User, roles: Record<string, string | string[]>): string[] {
  return Object.entries(roles).flatMap(([role, holder]) =>
    (Array.isArray(holder) ? holder.includes(user.username ?? '') : holder === user.username) ? [role] : [],
  );
}

/** The world's roles, and the admin levels the admin API's store seeded (viewer, superadmin, ultraadmin). */
function allRoles(world: World, staff: StaffStore): WorldRoles & Record<string, string | string[]> {
  const levels = Object.entries(staff.levelHolders).map(([level, id]) => [level, world.userById(id)?.username ?? '']);
  return { ...world.roles, ...Object.fromEntries(levels) };
}

function credentials(world: World, state: MockState, now: number) {
  const { staff, keys, revocationKey } = state;
  const tokens = state.oauth.tokens.all();
  const roles = allRoles(world, staff);
  return {
    seed: world.seed,
    now: new Date(now).toISOString(),
    roles,
    legacy_stats_key: LEGACY_STATS_KEY,
    revocation_key: revocationKey,
    users: world.users.map((user) => ({
      id: user.id,
      username: user.username,
      display_name: displayName(user),
      slack_uid: user.slackUid,
      email: user.emails[0] ?? null,
      timezone: user.timezone,
      roles: rolesOf(user, roles),
      trust_level: user.trustLevel,
      public_stats: user.allowPublicStats,
      pending_deletion: user.pendingDeletion,
      admin_level: user.adminLevel,
      // A key `POST /api/internal/revoke` rotated shows its new token.
      api_keys: world.apiKeysOf(user.id).map((k) => keys.current(k.token)),
      // Active keys first: a client takes the first as the user's key.
      admin_keys: staff.keys
        .filter((k) => k.ownerId === user.id)
        .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null))
        .map((k) => k.token),
      oauth_tokens: tokens
        .filter((t) => t.userId === user.id)
        .map((t) => ({
          token: t.token,
          scopes: t.scopes,
          revoked: t.revokedAt !== null && t.revokedAt <= now,
          expired: t.expiresAt <= now,
        })),
    })),
  };
}

export const adminHandlers: HandlerMap = {
  mockListCredentials: { handle: ({ world, state, now }) => json(credentials(world, state, now)) },
  mockListUserHeartbeats: {
    handle({ world, path, query }) {
      const user = world.userByUsername(path['username'] ?? '');
      if (!user) throw error(404, 'User not found');
      const start = (query['start'] as number | undefined) ?? 0;
      const end = (query['end'] as number | undefined) ?? Number.MAX_SAFE_INTEGER;
      return json({
        username: user.username,
        user_id: user.id,
        timezone: user.timezone,
        heartbeats: world.heartbeatsBetween(user.id, { from: start, to: end }),
      });
    },
  },
  mockListOAuthApps: { handle: ({ state }) => listOAuthApps(state.oauth) },
  mockRegisterOAuthApp: { handle: ({ state, body }) => registerOAuthApp(state.oauth, body) },
  mockReset: {
    async handle({ world, state }) {
      state.reset();
      // With a data file, the reset is on disk before it is acknowledged.
      await world.flushed();
      const { total, estimated } = world.heartbeatCounts();
      return json({ reset: true, heartbeats: total, estimated });
    },
  },
  mockExportHeartbeats: { handle: ({ world, query }) => exportHeartbeats(world, query['username'] as string | undefined) },
  mockImportHeartbeats: { handle: async ({ world, body, now }) => json(await importHeartbeats(world, body, now)) },
  mockStats: { handle: ({ world, state }) => json(heartbeatStats(world, state.ingest.counts())) },
  mockListRequests: { handle: ({ state, query }) => json({ requests: state.requests.after((query['after'] as number | undefined) ?? 0) }) },
};
