/**
 * @module
 * The checks of an authorization request (Doorkeeper's `PreAuthorization`), in its order: client,
 * redirect URI — failures the app must not be sent to — then response type, response mode, scopes
 * and (in the local mock only) the PKCE method, which are sent back to a trusted redirect URI.
 */
import type { OAuthScope } from '../../world/types.js';
import type { OAuthApp } from './apps.js';
import { DESCRIPTIONS, failure, missingParameter, type OAuthFailure } from './errors.js';
import { type Params, present } from './params.js';
import { type ChallengeMethod, challengeMethod } from './pkce.js';
import { isRegisteredRedirect, OOB_URI, type ResponseMode } from './redirect-uri.js';
import { effectiveScope, grantableScopes } from './scopes.js';
import type { OAuthServer } from './server.js';

export interface AuthorizationRequest {
  clientId: string | undefined;
  redirectUri: string | undefined;
  responseType: string | undefined;
  responseMode: string | undefined;
  scope: string | undefined;
  state: string | undefined;
  codeChallenge: string | undefined;
  codeChallengeMethod: string | undefined;
}

export function authorizationRequest(params: Params): AuthorizationRequest {
  return {
    clientId: present(params, 'client_id'),
    redirectUri: present(params, 'redirect_uri'),
    responseType: present(params, 'response_type'),
    responseMode: present(params, 'response_mode'),
    scope: params['scope'],
    state: present(params, 'state'),
    codeChallenge: present(params, 'code_challenge'),
    codeChallengeMethod: present(params, 'code_challenge_method'),
  };
}

/** A request that passed every check. */
export interface ValidAuthorization {
  app: OAuthApp;
  redirectUri: string;
  responseMode: ResponseMode;
  /** The scope string as the consent form carries it on. */
  scope: string;
  scopes: OAuthScope[];
  state: string | undefined;
  challenge: { value: string; method: ChallengeMethod } | null;
}

/** Where a redirectable failure goes. */
export interface Delivery {
  redirectUri: string;
  responseMode: string;
  state: string | undefined;
}

export type PreAuthorization =
  | { ok: true; request: ValidAuthorization }
  /** Not sent to the app: the redirect URI cannot be trusted yet. */
  | { ok: false; redirectable: false; failure: OAuthFailure; state: string | undefined }
  | { ok: false; redirectable: true; failure: OAuthFailure; delivery: Delivery };

const RESPONSE_MODES: readonly string[] = ['query', 'fragment', 'form_post'];

export function preAuthorize(server: OAuthServer, req: AuthorizationRequest): PreAuthorization {
  const untrusted = (f: OAuthFailure): PreAuthorization => ({ ok: false, redirectable: false, failure: f, state: req.state });
  if (req.clientId === undefined) return untrusted(missingParameter('client_id'));
  const app = server.apps.get(req.clientId);
  if (!app) return untrusted(failure('invalid_client'));
  if (req.redirectUri === undefined || !isRegisteredRedirect(req.redirectUri, app.redirectUris))
    return untrusted(failure('invalid_redirect_uri'));

  const delivery: Delivery = { redirectUri: req.redirectUri, responseMode: req.responseMode ?? 'query', state: req.state };
  const refused = (f: OAuthFailure): PreAuthorization => ({ ok: false, redirectable: true, failure: f, delivery });
  if (req.responseType === undefined) return refused(missingParameter('response_type'));
  if (req.responseType !== 'code') return refused(failure('unsupported_response_type'));
  if (!RESPONSE_MODES.includes(delivery.responseMode)) return refused(failure('unsupported_response_mode'));
  const scope = effectiveScope(req.scope, app.scopes);
  const scopes = grantableScopes(scope, app.scopes);
  if (!scopes) return refused(failure('invalid_scope'));
  let challenge: ValidAuthorization['challenge'] = null;
  if (req.codeChallenge !== undefined) {
    const method = challengeMethod(req.codeChallengeMethod);
    if (!method) return refused(failure('invalid_request', DESCRIPTIONS.invalid_code_challenge_method));
    challenge = { value: req.codeChallenge, method };
  }
  return {
    ok: true,
    request: {
      app,
      redirectUri: req.redirectUri,
      responseMode: delivery.responseMode as ResponseMode,
      scope,
      scopes,
      state: req.state,
      challenge,
    },
  };
}

/** Hackatime's extra rules for `admin` that concern the app (the user's are checked on approval). */
export function adminAppRefusal(request: ValidAuthorization): string | undefined {
  if (!request.scopes.includes('admin')) return undefined;
  if (!request.app.scopes.includes('admin')) return 'Only applications configured with the admin scope can request it.';
  if (!request.app.confidential) return 'Only confidential applications can request the admin scope.';
  if (!request.app.verified) return 'Only verified applications can request the admin scope.';
  return undefined;
}

const ADMIN_LEVELS: readonly string[] = ['admin', 'superadmin', 'viewer', 'ultraadmin'];

export const adminUserRefusal = (request: ValidAuthorization, adminLevel: string): string | undefined =>
  request.scopes.includes('admin') && !ADMIN_LEVELS.includes(adminLevel)
    ? 'Only admins can authorize applications that request the admin scope.'
    : undefined;

export const isOutOfBand = (redirectUri: string) => redirectUri === OOB_URI;
