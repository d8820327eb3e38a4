/**
 * @module
 * The OAuth 2.0 authorization server: authorize (consent page, or approval at once for headless
 * use), the consent form's decision, token, revoke, introspect, token info. The mock has no browser sessions: its consent
 * page lets the developer pick which world user signs in, and needs no CSRF token.
 */
import type { MockReply, OperationHandler, RequestContext } from '../handler.js';
import { approve, chosenUser, consentUsers, deliver, deny, lockout, preferredDecision } from '../oauth/decision.js';
import { DESCRIPTIONS, errorBody, errorStatus, failure } from '../oauth/errors.js';
import { introspect } from '../oauth/introspection.js';
import { consentPage, errorPage } from '../oauth/pages.js';
import { type Params, requestParams } from '../oauth/params.js';
import { adminAppRefusal, authorizationRequest, isOutOfBand, preAuthorize } from '../oauth/pre-authorization.js';
import { canCarryAnswer } from '../oauth/redirect-uri.js';
import { exchange, revoke, type TokenRequest } from '../oauth/token-endpoint.js';
import { tokenInfo } from '../oauth/token-info.js';

/** What the token endpoints read of a request: parameters as Rails merges them, the Authorization header, the instant. */
const tokenRequest = (ctx: RequestContext): TokenRequest => ({
  server: ctx.state.oauth,
  params: requestParams(ctx.body, ctx.search),
  authorization: ctx.headers.get('authorization') ?? undefined,
  now: ctx.now,
});

const noUser = (given: string) => `The local mock has no user "${given}" to sign in.`;

const authorizeOAuthApp: OperationHandler = {
  handle(ctx) {
    const server = ctx.state.oauth;
    const prefer = preferredDecision(ctx.headers, server.autoApprove);
    const user = chosenUser(ctx.world, prefer.user);
    if (prefer.decision === 'approve') {
      // Approving at once stands for a signed-in user, so the session's checks come first.
      if (!user) return errorPage(noUser(prefer.user ?? ''));
      const locked = lockout(user, ctx.headers);
      if (locked) return locked;
    }
    const pre = preAuthorize(server, authorizationRequest(requestParams(undefined, ctx.search)));
    // Every failed check renders the error page with 200: nothing goes back to the app on this GET.
    if (!pre.ok) return errorPage(pre.failure.description);
    const { request } = pre;
    const appRefusal = adminAppRefusal(request);
    if (appRefusal) return errorPage(appRefusal, 403);
    if (prefer.decision === 'deny') {
      // With the out-of-band URI there is nowhere to send the denial: the page says it.
      if (isOutOfBand(request.redirectUri)) return errorPage(DESCRIPTIONS.access_denied);
      return deny({ redirectUri: request.redirectUri, responseMode: request.responseMode, state: request.state });
    }
    if (prefer.decision === 'approve' && user) return approve(server, request, user, ctx.now);
    return consentPage(request, consentUsers(ctx.world), user?.id);
  },
};

function decide(ctx: RequestContext, params: Params): MockReply {
  const server = ctx.state.oauth;
  const req = authorizationRequest(params);
  if (params['_method']?.toLowerCase() === 'delete') {
    // Cancel: Doorkeeper re-checks neither the client nor the redirect URI here.
    if (!canCarryAnswer(req.redirectUri)) return { status: 400, json: errorBody(failure('invalid_redirect_uri'), req.state) };
    return deny({ redirectUri: req.redirectUri, responseMode: req.responseMode ?? 'query', state: req.state });
  }
  const user = chosenUser(ctx.world, params['user_id']);
  if (!user) return { status: 400, json: errorBody(failure('invalid_request', noUser(params['user_id'] ?? '')), req.state) };
  const locked = lockout(user, ctx.headers);
  if (locked) return locked;
  const pre = preAuthorize(server, req);
  if (!pre.ok) {
    if (!pre.redirectable) return { status: errorStatus(pre.failure), json: errorBody(pre.failure, pre.state) };
    return deliver(pre.delivery, { failure: pre.failure });
  }
  const appRefusal = adminAppRefusal(pre.request);
  if (appRefusal) return errorPage(appRefusal, 403);
  return approve(server, pre.request, user, ctx.now);
}

export const oauthHandlers = {
  authorizeOAuthApp,
  decideOAuthAuthorization: { handle: (ctx) => decide(ctx, requestParams(ctx.body, ctx.search)) } satisfies OperationHandler,
  createOAuthToken: { handle: (ctx) => exchange(tokenRequest(ctx)) } satisfies OperationHandler,
  revokeOAuthToken: { handle: (ctx) => revoke(tokenRequest(ctx)) } satisfies OperationHandler,
  introspectOAuthToken: { handle: (ctx) => introspect(tokenRequest(ctx)) } satisfies OperationHandler,
  getOAuthTokenInfo: {
    handle: (ctx) => tokenInfo(ctx.state.oauth, ctx.headers.get('authorization') ?? undefined, ctx.now),
  } satisfies OperationHandler,
};
