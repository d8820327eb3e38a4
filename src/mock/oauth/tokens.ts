/**
 * @module
 * Access tokens: issued into the token store (where `/api/v1/authenticated/*` authenticates them like
 * the seeded demo tokens), reused per app, user and scopes as Hackatime's `reuse_access_token` does,
 * rendered in Doorkeeper's token response shape, and revoked.
 */
import type { OAuthScope } from '../../world/types.js';
import type { MockReply } from '../handler.js';
import type { OAuthApp } from './apps.js';
import { sameScopes } from './scopes.js';
import type { OAuthServer } from './server.js';
import type { IssuedToken } from './token-store.js';

/** `access_token_expires_in 16.years`: Rails years of 365.2425 days. */
const TOKEN_LIFETIME_S = 504_911_232;

/** Whether a token still works: neither revoked nor expired. */
const usable = (token: IssuedToken, now: number): boolean => token.revokedAt === null && token.expiresAt > now;

/** The newest usable token of this app for this owner with exactly these scopes (in any order). */
function reusable(
  server: OAuthServer,
  app: OAuthApp,
  userId: number | null,
  scopes: readonly OAuthScope[],
  now: number,
): IssuedToken | undefined {
  let found: IssuedToken | undefined;
  for (const token of server.tokens.issuedTokens()) {
    if (token.clientId === app.clientId && token.userId === userId && sameScopes(token.scopes, scopes) && usable(token, now)) found = token;
  }
  return found;
}

/** The token for a successful grant: the reusable one, or a new one (which authenticates at once). */
export function issueToken(server: OAuthServer, app: OAuthApp, userId: number | null, scopes: OAuthScope[], now: number): IssuedToken {
  const existing = reusable(server, app, userId, scopes, now);
  if (existing) return existing;
  let value = server.nextSecret('token');
  while (server.tokens.find(value) !== undefined) value = server.nextSecret('token');
  const token: IssuedToken = {
    token: value,
    clientId: app.clientId,
    userId,
    scopes: [...scopes],
    appVerified: app.verified,
    appConfidential: app.confidential,
    createdAt: now,
    expiresAt: now + TOKEN_LIFETIME_S * 1000,
    revokedAt: null,
  };
  server.tokens.add(token);
  return token;
}

/** Doorkeeper's token response (RFC 6749 §5.1); a reused token reports the lifetime it has left. */
export function tokenResponse(token: IssuedToken, now: number): MockReply {
  return {
    status: 200,
    json: {
      access_token: token.token,
      token_type: 'Bearer',
      expires_in: Math.max(0, Math.round((token.expiresAt - now) / 1000)),
      scope: token.scopes.join(' '),
      created_at: Math.floor(token.createdAt / 1000),
    },
    headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  };
}

/** Revokes a token this server issued; an earlier revocation stands. */
export function revokeToken(token: IssuedToken, now: number): void {
  if (token.revokedAt === null) token.revokedAt = now;
}
