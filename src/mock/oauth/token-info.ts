/**
 * @module
 * `GET /oauth/token/info`: Doorkeeper 5.9.6's `TokenInfoController#show`
 * (`app/controllers/doorkeeper/token_info_controller.rb:5-13`) — the Bearer token's `as_json`
 * (`lib/doorkeeper/models/access_token_mixin.rb:359-371`) when authentication would accept it, else
 * `invalid_token` built without a reason, so always "The access token is invalid".
 */
import type { MockReply } from '../handler.js';
import { bearerToken } from './bearer.js';
import { failure, tokenEndpointError } from './errors.js';
import type { OAuthServer } from './server.js';
import { appUidOf, createdAtOf, tokenState } from './token-store.js';

/**
 * @example
 * tokenInfo(server, 'Bearer demo-oauth-read', Date.now()).json // { resource_owner_id: 1, scope: ['profile', 'read'], … }
 */
export function tokenInfo(server: OAuthServer, authorization: string | undefined, now: number): MockReply {
  const value = bearerToken(authorization);
  const token = value === undefined ? undefined : server.tokens.find(value);
  if (!token || tokenState(token, now) !== 'accessible')
    throw tokenEndpointError(failure('invalid_token', 'The access token is invalid'), undefined);
  return {
    status: 200,
    json: {
      resource_owner_id: token.userId,
      scope: [...token.scopes],
      // `expires_in_seconds`: the whole seconds left.
      expires_in: Math.round((token.expiresAt - now) / 1000),
      application: { uid: appUidOf(token) },
      created_at: Math.floor(createdAtOf(token) / 1000),
    },
  };
}
