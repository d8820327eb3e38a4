/**
 * @module
 * The credentials authentication looks up: the world's API and admin keys, and OAuth tokens from the
 * one token store (the world's generated ones and those issued since).
 */
import type { World } from '../world/store.js';
import type { User } from '../world/types.js';
import type { CredentialLookup } from './auth.js';
import type { KeyRevocations } from './key-revocations.js';
import type { OAuthTokenStore } from './oauth/token-store.js';

const ADMIN_LEVELS = new Set(['admin', 'superadmin', 'viewer', 'ultraadmin']);

/** The legacy server-wide `STATS_API_KEY` of the removed integration endpoints, as the mock sets it. */
export const LEGACY_STATS_KEY = 'demo-legacy-stats-key';

/**
 * The key `POST /api/internal/revoke` takes, the server's `HKA_REVOCATION_KEY`: the mock's is this
 * one, or the `HKA_REVOCATION_KEY` of its environment (`createMock`'s `revocationKey`).
 */
export const DEMO_REVOCATION_KEY = 'demo-revocation-key';

export function credentialLookup(world: World, tokens: OAuthTokenStore, keys: KeyRevocations): CredentialLookup<User> {
  return {
    userByApiKey: (key) => {
      if (keys.isDead(key)) return undefined;
      const owner = keys.ownerOf(key);
      return owner === undefined ? world.userByApiKey(key) : world.userById(owner);
    },
    adminKeyOwner: (token) => {
      const key = keys.isAdminRevoked(token) ? undefined : world.adminKey(token);
      const owner = key?.active ? world.userById(key.ownerId) : undefined;
      // A key whose owner lost admin rights is rejected (the real server also revokes it).
      return owner && ADMIN_LEVELS.has(owner.adminLevel) ? owner : undefined;
    },
    oauthGrant: (token) => {
      const grant = tokens.find(token);
      // A client_credentials token has no user: no user endpoint accepts it.
      const user = grant?.userId == null ? undefined : world.userById(grant.userId);
      return grant && user ? { user, scopes: grant.scopes, revokedAt: grant.revokedAt, expiresAt: grant.expiresAt } : undefined;
    },
    legacyStatsKey: LEGACY_STATS_KEY,
  };
}
