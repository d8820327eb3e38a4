/**
 * @module
 * OAuth errors as Hackatime's Doorkeeper renders them: the codes with their locale sentences, the
 * JSON body (`error`, `error_description`, `state`) and, on the token endpoints, the
 * `WWW-Authenticate` challenge that repeats them.
 */
import { ApiError } from '../errors.js';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'invalid_redirect_uri'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'unsupported_response_mode'
  | 'invalid_token';

export interface OAuthFailure {
  error: OAuthErrorCode;
  description: string;
}

/** Hackatime's `config/locales/doorkeeper.en.yml` (and the gem's for the multiple-methods reason). */
export const DESCRIPTIONS = {
  invalid_client:
    'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  invalid_grant:
    'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  unsupported_grant_type: 'The authorization grant type is not supported by the authorization server.',
  invalid_scope: 'The requested scope is invalid, unknown, or malformed.',
  invalid_redirect_uri: "The requested redirect uri is malformed or doesn't match client redirect URI.",
  access_denied: 'The resource owner or authorization server denied the request.',
  unsupported_response_type: 'The authorization server does not support this response type.',
  unsupported_response_mode: 'The authorization server does not support this response mode.',
  multiple_client_auth_methods: 'The request utilizes more than one mechanism for authenticating the client.',
  /** Doorkeeper's sentence when PKCE is on; only the local mock checks the method (see pkce.ts). */
  invalid_code_challenge_method: 'The code_challenge_method must be one of plain, S256.',
  revoke_unauthorized: 'You are not authorized to revoke this token',
  /** Hackatime's wording of `invalid_request.request_not_authorized` (introspection without any authorization). */
  request_not_authorized: 'Request need to be authorized. Required parameter for authorizing request is missing or invalid.',
} as const;

export const failure = (
  error: OAuthErrorCode,
  description: string = (DESCRIPTIONS as Record<string, string>)[error] ?? error,
): OAuthFailure => ({
  error,
  description,
});

export const missingParameter = (name: string): OAuthFailure => failure('invalid_request', `Missing required parameter: ${name}.`);

/** The body Doorkeeper renders: blank members (a blank `state`) are dropped. */
export function errorBody(f: OAuthFailure, state: string | undefined): Record<string, string> {
  return state === undefined || state.trim() === ''
    ? { error: f.error, error_description: f.description }
    : { error: f.error, error_description: f.description, state };
}

/** Doorkeeper answers `invalid_client` (and `unauthorized_client`) and `invalid_token` with 401, every other error with 400. */
export const errorStatus = (f: OAuthFailure) =>
  f.error === 'invalid_client' || f.error === 'unauthorized_client' || f.error === 'invalid_token' ? 401 : 400;

/**
 * An error of `/oauth/token`, `/oauth/revoke`, `/oauth/introspect` or `/oauth/token/info`: JSON plus
 * Doorkeeper's error headers (doorkeeper 5.9.6 `lib/doorkeeper/oauth/error_response.rb:71-77`):
 * the challenge, and `Cache-Control: no-store, no-cache`, which Rails writes as `no-store` (actionpack
 * `Http::Cache::Response#merge_and_normalize_cache_control!`: `no-store` wins and stands alone).
 */
export function tokenEndpointError(f: OAuthFailure, state: string | undefined): ApiError {
  return new ApiError(errorStatus(f), errorBody(f, state), {
    'Cache-Control': 'no-store',
    'WWW-Authenticate': `Bearer realm="Doorkeeper", error="${f.error}", error_description="${f.description}"`,
  });
}
