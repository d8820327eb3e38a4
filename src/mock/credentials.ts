/**
 * @module
 * The credentials authentication looks up: the world's API keys, the admin keys of the admin API's
 * store (seeded and created since), and OAuth tokens from the one token store (the world's generated
 * ones and those issued since).
 */
import type { User } from '../world/types.js';
import type { CredentialLookup } from './auth.js';
import { adminApiCaller } from './staff/authenticate.js';
import type { MockState } from './state.js';

/** The legacy server-wide `STATS_API_KEY` of the removed integration endpoints, as the mock sets it. */
export const LEGACY_STATS_KEY = 'demo-legacy-stats-key';

export function credentialLookup(state: MockState, now: () => number): CredentialLookup<User> {
  const { world, oauth, staff } = state;
  const userById = (id: number) => world.userById(id);
  return {
    userByApiKey: (key) => world.userByApiKey(key),
    // A key whose owner lost admin rights is rejected, and revoked as the real server does.
    adminKeyOwner: (token) => staff.activeKey(token, now())?.owner,
    oauthGrant: (token) => {
      const grant = oauth.tokens.find(token);
      // A client_credentials token has no user: no user endpoint accepts it.
      const user = grant?.userId == null ? undefined : world.userById(grant.userId);
      return grant && user ? { user, scopes: grant.scopes, revokedAt: grant.revokedAt, expiresAt: grant.expiresAt } : undefined;
    },
    legacyStatsKey: LEGACY_STATS_KEY,
    adminApiCaller: (credential, at) => adminApiCaller(staff, oauth, userById, credential, at),
  };
}
