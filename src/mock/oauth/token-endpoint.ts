/**
 * @module
 * `POST /oauth/token` and `POST /oauth/revoke`, check by check in Doorkeeper 5.9's order. The mock
 * adds one thing production lacks: the PKCE verifier is checked when the code was issued for a
 * challenge.
 */
import { ApiError } from '../errors.js';
import type { MockReply } from '../handler.js';
import { authenticateClient, clientCredentials } from './client-auth.js';
import { DESCRIPTIONS, errorBody, failure, missingParameter, type OAuthFailure, tokenEndpointError } from './errors.js';
import { type Params, present } from './params.js';
import { verifierMatches } from './pkce.js';
import { isRegisteredRedirect } from './redirect-uri.js';
import { effectiveScope, grantableScopes } from './scopes.js';
import { CODE_LIFETIME_MS, type OAuthServer } from './server.js';
import { issueToken, revokeToken, tokenResponse } from './tokens.js';

export interface TokenRequest {
  server: OAuthServer;
  params: Params;
  authorization: string | undefined;
  now: number;
}

const GRANT_TYPES = new Set(['authorization_code', 'client_credentials']);

/** The token endpoint: a token response, or throws the OAuth error. */
export function exchange(req: TokenRequest): MockReply {
  const { params } = req;
  const fail = (f: OAuthFailure) => tokenEndpointError(f, present(params, 'state'));
  const grantType = present(params, 'grant_type');
  if (grantType === undefined) throw fail(missingParameter('grant_type'));
  if (!GRANT_TYPES.has(grantType)) throw fail(failure('unsupported_grant_type'));
  return grantType === 'authorization_code' ? authorizationCode(req, fail) : clientCredentialsGrant(req, fail);
}

function authorizationCode({ server, params, authorization, now }: TokenRequest, fail: (f: OAuthFailure) => ApiError): MockReply {
  const codeValue = present(params, 'code');
  if (codeValue === undefined) throw fail(missingParameter('code'));
  const credentials = clientCredentials(authorization, params);
  if ('failure' in credentials) throw fail(credentials.failure);
  const grant = server.codes.get(codeValue);
  const verifier = present(params, 'code_verifier');
  const redirectUri = present(params, 'redirect_uri');
  if (grant?.challenge && verifier === undefined) throw fail(missingParameter('code_verifier'));
  if (redirectUri === undefined) throw fail(missingParameter('redirect_uri'));
  const app = authenticateClient(server, credentials.credentials);
  if (!app) throw fail(failure('invalid_client'));
  const accessible =
    grant !== undefined && grant.clientId === app.clientId && grant.usedAt === null && now <= grant.createdAt + CODE_LIFETIME_MS;
  if (!accessible) throw fail(failure('invalid_grant'));
  if (!isRegisteredRedirect(redirectUri, [grant.redirectUri])) throw fail(failure('invalid_grant'));
  if (grant.challenge && !verifierMatches(grant.challenge, verifier ?? '')) throw fail(failure('invalid_grant'));
  grant.usedAt = now;
  return tokenResponse(issueToken(server, app, grant.userId, grant.scopes, now), now);
}

/** A token for the app itself, with no user: none of Hackatime's user endpoints accepts it. */
function clientCredentialsGrant({ server, params, authorization, now }: TokenRequest, fail: (f: OAuthFailure) => ApiError): MockReply {
  const credentials = clientCredentials(authorization, params);
  if ('failure' in credentials) throw fail(credentials.failure);
  const app = authenticateClient(server, credentials.credentials);
  if (!app) throw fail(failure('invalid_client'));
  const scopes = grantableScopes(effectiveScope(params['scope'], app.scopes), app.scopes);
  if (!scopes) throw fail(failure('invalid_scope'));
  return tokenResponse(issueToken(server, app, null, scopes, now), now);
}

/**
 * The revocation endpoint (RFC 7009): the client must authenticate (else 403), then the token is
 * revoked if it belongs to that client; unknown tokens are a silent success. The world's seeded
 * tokens belong to apps outside the mock's registry, so no registered app may revoke them.
 */
export function revoke({ server, params, authorization, now }: TokenRequest): MockReply {
  const credentials = clientCredentials(authorization, params);
  if ('failure' in credentials) throw tokenEndpointError(credentials.failure, undefined);
  const app = authenticateClient(server, credentials.credentials);
  const refused = new ApiError(403, errorBody(failure('unauthorized_client', DESCRIPTIONS.revoke_unauthorized), undefined));
  if (!app) throw refused;
  const value = params['token'];
  // Hackatime issues no refresh tokens: with that hint nothing can be found.
  if (value === undefined || params['token_type_hint'] === 'refresh_token') return { status: 200, json: {} };
  if (server.tokens.find(value) === undefined) return { status: 200, json: {} };
  const issued = server.tokens.issuedToken(value);
  if (!issued || issued.clientId !== app.clientId) throw refused;
  revokeToken(issued, now);
  return { status: 200, json: {} };
}
