/**
 * @module
 * The demo credentials the reference page pre-fills. They come from the world's fixed accounts
 * (`fixtures/world/accounts.json`), the same values every seed gives the mock, so a static build
 * made without a running mock pre-fills exactly what a mock started later accepts. The admin API's
 * key is the superadmin's fixed key (src/world/level-keys.ts), whose holder each world names.
 */
import { type WorldFixtures, worldFixtures } from '../world/fixtures.js';
import { LEVEL_KEYS } from '../world/level-keys.js';

export interface DemoCredentials {
  /** The demo user's API key (Bearer, Basic and `?api_key=`). */
  apiKey: string;
  /** An active admin API key (`hka_…`) of the `admin` user (the legacy admin endpoints). */
  adminKey: string;
  /**
   * The superadmin's admin API key: the level that reaches every GET of `/api/admin/v1/*`
   * (deletion requests and permissions are superadmin-only, `require_superadmin`).
   */
  superadminKey: string;
  /** A demo OAuth access token with the `read` scope (and `profile`). */
  oauthToken: string;
}

/** Reads the demo credentials; throws when the fixtures lack one (a fixture typo, caught at start). */
export function demoCredentials(fixtures: WorldFixtures = worldFixtures()): DemoCredentials {
  const { demo, admin } = fixtures.accounts;
  const apiKey = demo.apiKeys[0];
  const adminKey = admin.adminKeys.find((k) => k.active)?.token;
  // The token with both scopes, so the same pre-fill works on `/authenticated/me` (profile) and reads.
  const oauthToken = demo.oauthTokens.find((t) => t.scopes.includes('read') && t.scopes.includes('profile'))?.token;
  if (!apiKey || !adminKey || !oauthToken)
    throw new Error(
      'fixtures/world/accounts.json: the demo needs an API key and a read+profile OAuth token, the admin an active admin key',
    );
  return { apiKey, adminKey, superadminKey: LEVEL_KEYS.superadmin, oauthToken };
}
