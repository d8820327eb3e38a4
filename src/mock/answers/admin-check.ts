/**
 * @module
 * `GET /api/admin/v1/check` (`api/admin/v1/admin_controller.rb:7-32`): the caller, and the admin key
 * or OAuth token (with its app and scopes) it authenticated with.
 */
import type { User } from '../../world/types.js';
import type { Caller } from '../auth.js';
import type { OAuthServer } from '../oauth/server.js';
import { isoMillis } from '../rails/present/format-date.js';
import type { StaffStore } from '../staff/store.js';
import { adminActor } from './admin-people.js';

/**
 * @example
 * adminCheck(admin, { user: admin, method: 'admin-key', adminKeyId: 1 }, staff, oauth).auth; // { type: 'api_key' }
 */
export function adminCheck(user: User, caller: Caller<User>, staff: StaffStore, oauth: OAuthServer) {
  const body: Record<string, unknown> = { valid: true, creator: adminActor(user) };
  const key = caller.adminKeyId === undefined ? undefined : staff.keyById(caller.adminKeyId);
  if (key) {
    body['auth'] = { type: 'api_key' };
    body['api_key'] = { id: key.id, name: key.name, created_at: isoMillis(key.createdAt) };
    return body;
  }
  const grant = caller.token === undefined ? undefined : oauth.tokens.issuedToken(caller.token);
  const apps = [...oauth.apps.values()];
  const app = grant === undefined ? undefined : apps.find((a) => a.clientId === grant.clientId);
  body['auth'] = {
    type: 'oauth',
    // The app's row id: the mock numbers its registered apps in registration order.
    application: { id: app ? apps.indexOf(app) + 1 : null, name: app?.name ?? null, uid: app?.clientId ?? null },
    scopes: grant?.scopes ?? caller.scopes ?? [],
  };
  return body;
}
