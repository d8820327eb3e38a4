/**
 * @module
 * The world's credentials as authentication needs them.
 */
import type { World } from '../world/store.js';
import type { User } from '../world/types.js';
import type { CredentialLookup } from './auth.js';

const ADMIN_LEVELS = new Set(['admin', 'superadmin', 'viewer', 'ultraadmin']);

/** The legacy server-wide `STATS_API_KEY` of the removed integration endpoints, as the mock sets it. */
export const LEGACY_STATS_KEY = 'demo-legacy-stats-key';

export function credentialLookup(world: World): CredentialLookup<User> {
  return {
    userByApiKey: (key) => world.userByApiKey(key),
    adminKeyOwner: (token) => {
      const key = world.adminKey(token);
      const owner = key?.active ? world.userById(key.ownerId) : undefined;
      // A key whose owner lost admin rights is rejected (the real server also revokes it).
      return owner && ADMIN_LEVELS.has(owner.adminLevel) ? owner : undefined;
    },
    oauthGrant: (token) => {
      const grant = world.oauthToken(token);
      const user = grant ? world.userById(grant.userId) : undefined;
      return grant && user ? { user, scopes: grant.scopes, revokedAt: grant.revokedAt, expiresAt: grant.expiresAt } : undefined;
    },
    legacyStatsKey: LEGACY_STATS_KEY,
  };
}
