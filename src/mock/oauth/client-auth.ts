/**
 * @module
 * Client authentication at `/oauth/token` and `/oauth/revoke` (Doorkeeper's `from_basic` then
 * `from_params`): HTTP Basic `base64(client_id:client_secret)` or `client_id`/`client_secret`
 * parameters, never both with a secret or with two different ids.
 */
import { utf8Text } from '../bytes.js';
import { decodeBase64Loose } from '../platform.js';
import { isBlankString } from '../rails/ruby/blank.js';
import type { OAuthApp } from './apps.js';
import { DESCRIPTIONS, failure, type OAuthFailure } from './errors.js';
import type { Params } from './params.js';
import type { OAuthServer } from './server.js';

export interface ClientCredentials {
  clientId: string;
  secret: string | undefined;
}

export type CredentialsOutcome = { credentials: ClientCredentials | undefined } | { failure: OAuthFailure };

function fromBasic(authorization: string | undefined): ClientCredentials | undefined {
  const match = authorization === undefined ? null : /^Basic (.*)$/ims.exec(authorization);
  if (!match) return undefined;
  // Ruby's decode64 skips what is not base64, as Node's decoder does; the value is not URL-decoded.
  const decoded = utf8Text(decodeBase64Loose(match[1]!));
  const colon = decoded.indexOf(':');
  const clientId = colon < 0 ? decoded : decoded.slice(0, colon);
  return isBlankString(clientId) ? undefined : { clientId, secret: colon < 0 ? undefined : decoded.slice(colon + 1) };
}

function fromParams(params: Params): ClientCredentials | undefined {
  const clientId = params['client_id'];
  return isBlankString(clientId) ? undefined : { clientId, secret: params['client_secret'] };
}

/** The credentials the request presents, or the `invalid_request` of two mechanisms. */
export function clientCredentials(authorization: string | undefined, params: Params): CredentialsOutcome {
  const found = [fromBasic(authorization), fromParams(params)].filter((c): c is ClientCredentials => c !== undefined);
  const withSecret = found.filter((c) => !isBlankString(c.secret)).length;
  if (withSecret > 1 || new Set(found.map((c) => c.clientId)).size > 1) {
    return { failure: failure('invalid_request', DESCRIPTIONS.multiple_client_auth_methods) };
  }
  return { credentials: found[0] };
}

/**
 * The app the credentials authenticate (`by_uid_and_secret`): a public app may leave the secret
 * out, but a secret that is sent must be right, and a confidential app must send it.
 */
export function authenticateClient(state: OAuthServer, credentials: ClientCredentials | undefined): OAuthApp | undefined {
  const app = credentials === undefined ? undefined : state.apps.get(credentials.clientId);
  if (!app || !credentials) return undefined;
  if (isBlankString(credentials.secret)) return app.confidential ? undefined : app;
  return credentials.secret === app.secret ? app : undefined;
}
