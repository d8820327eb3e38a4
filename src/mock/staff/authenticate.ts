/**
 * @module
 * Who calls the admin API (`Api::Admin::ApplicationController#authenticate_admin!`, `base:15-34`):
 * the token Rails reads from the header is tried first as an active admin key whose owner still has
 * an admin level (`keyauth:10-20`), then as a Doorkeeper access token that is neither expired nor
 * revoked, carries the `admin` scope, comes from a confidential, verified app that has the `admin`
 * scope itself, and belongs to a user with an admin level — all re-checked on every request.
 */
import type { User } from '../../world/types.js';
import type { Caller } from '../auth.js';
import type { OAuthServer } from '../oauth/server.js';
import { hasAdminAccess } from './levels.js';
import type { StaffStore } from './store.js';

/**
 * @example
 * adminApiCaller(staff, oauth, (id) => world.userById(id), 'hka_aaaa…', now)?.method; // 'admin-key'
 */
export function adminApiCaller(
  staff: StaffStore,
  oauth: OAuthServer,
  userById: (id: number) => User | undefined,
  credential: string,
  now: number,
): Caller<User> | undefined {
  const found = staff.activeKey(credential, now);
  if (found) return { user: found.owner, method: 'admin-key', adminKeyId: found.key.id };
  // Generated world tokens belong to no registered app, so none of them is eligible.
  const grant = oauth.tokens.issuedToken(credential);
  if (!grant || grant.userId === null) return undefined;
  if ((grant.revokedAt !== null && grant.revokedAt <= now) || grant.expiresAt <= now || !grant.scopes.includes('admin')) return undefined;
  const app = oauth.apps.get(grant.clientId);
  if (!app?.scopes.includes('admin') || !app.confidential || !app.verified) return undefined;
  const user = userById(grant.userId);
  if (!user || !hasAdminAccess(user)) return undefined;
  return { user, method: 'oauth', scopes: grant.scopes, token: credential };
}
