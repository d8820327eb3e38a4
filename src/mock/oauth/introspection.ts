/**
 * @module
 * `POST /oauth/introspect` (RFC 7662) as Doorkeeper 5.9.6 answers it with Hackatime's configuration
 * (`allow_token_introspection` left at its default, doorkeeper `lib/doorkeeper/config.rb:448-457`;
 * the flow in `lib/doorkeeper/oauth/token_introspection.rb:58-101`): the caller authenticates as a
 * client, or with a Bearer token of the same app as the token it asks about; the answer is
 * `{"active": true, …}` only for a token that authentication would accept.
 */
import type { MockReply } from '../handler.js';
import { bearerToken } from './bearer.js';
import { authenticateClient, clientCredentials } from './client-auth.js';
import { DESCRIPTIONS, failure, tokenEndpointError } from './errors.js';
import type { TokenRequest } from './token-endpoint.js';
import { appUidOf, createdAtOf, type StoredToken, tokenState } from './token-store.js';

/** `InvalidTokenResponse.from_access_token`: the reason is the authorising token's state. */
const INVALID_TOKEN = {
  revoked: 'The access token was revoked',
  expired: 'The access token expired',
  accessible: 'The access token is invalid',
} as const;

/** The success body, `token_introspection.rb:104-117`: Hackatime's tokens always expire, so `exp` is there. */
function activeBody(token: StoredToken): Record<string, unknown> {
  const iat = Math.floor(createdAtOf(token) / 1000);
  return {
    active: true,
    scope: token.scopes.join(' '),
    client_id: appUidOf(token),
    token_type: 'Bearer',
    iat,
    exp: Math.floor(token.expiresAt / 1000),
  };
}

/** The introspection endpoint: the answer about `token`, or throws the OAuth error. */
export function introspect({ server, params, authorization, now }: TokenRequest): MockReply {
  // `token_type_hint=refresh_token` searches refresh tokens only, and Hackatime issues none.
  const value = params['token'];
  const token = value === undefined || params['token_type_hint'] === 'refresh_token' ? undefined : server.tokens.find(value);
  const accessible = token !== undefined && tokenState(token, now) === 'accessible';
  const answer = (active: boolean): MockReply => ({ status: 200, json: active && token ? activeBody(token) : { active: false } });

  const credentials = clientCredentials(authorization, params);
  if ('failure' in credentials) throw tokenEndpointError(credentials.failure, undefined);
  if (credentials.credentials !== undefined) {
    const app = authenticateClient(server, credentials.credentials);
    if (!app) throw tokenEndpointError(failure('invalid_client'), undefined);
    // An authenticated client learns only about its own app's tokens.
    return answer(accessible && appUidOf(token) === app.clientId);
  }
  const bearer = bearerToken(authorization);
  const authorizing = bearer === undefined ? undefined : server.tokens.find(bearer);
  if (!authorizing) throw tokenEndpointError(failure('invalid_request', DESCRIPTIONS.request_not_authorized), undefined);
  const state = tokenState(authorizing, now);
  const allowed =
    token !== undefined && authorizing.token !== token.token && state === 'accessible' && appUidOf(authorizing) === appUidOf(token);
  if (!allowed) throw tokenEndpointError(failure('invalid_token', INVALID_TOKEN[state]), undefined);
  return answer(accessible);
}
