/**
 * @module
 * Access tokens: issued into the world (where `/api/v1/authenticated/*` authenticates them like the
 * seeded demo tokens), reused per app, user and scopes as Hackatime's `reuse_access_token` does,
 * rendered in Doorkeeper's token response shape, and revoked.
 */
import type { World } from '../../world/store.js';
import type { OAuthScope } from '../../world/types.js';
import type { MockReply } from '../handler.js';
import type { OAuthApp } from './apps.js';
import { sameScopes } from './scopes.js';
import type { IssuedToken, OAuthState } from './state.js';

/** `access_token_expires_in 16.years`: Rails years of 365.2425 days. */
const TOKEN_LIFETIME_S = 504_911_232;

/** Whether a token still works: not revoked, not expired, and (for a user's token) still in the world. */
function usable(world: World, token: IssuedToken, now: number): boolean {
  if (token.revokedAt !== null || token.expiresAt <= now) return false;
  if (token.userId === null) return true;
  const stored = world.oauthToken(token.token);
  // A reset of the world forgets issued tokens.
  return stored !== undefined && (stored.revokedAt === null || stored.revokedAt > now);
}

/** The newest usable token of this app for this owner with exactly these scopes (in any order). */
function reusable(
  server: OAuthState,
  world: World,
  app: OAuthApp,
  userId: number | null,
  scopes: readonly OAuthScope[],
  now: number,
): IssuedToken | undefined {
  let found: IssuedToken | undefined;
  for (const token of server.issued.values()) {
    if (token.clientId === app.clientId && token.userId === userId && sameScopes(token.scopes, scopes) && usable(world, token, now))
      found = token;
  }
  return found;
}

/** The token for a successful grant: the reusable one, or a new one. */
export function issueToken(
  server: OAuthState,
  world: World,
  app: OAuthApp,
  userId: number | null,
  scopes: OAuthScope[],
  now: number,
): IssuedToken {
  const existing = reusable(server, world, app, userId, scopes, now);
  if (existing) return existing;
  let value = server.nextSecret('token');
  while (world.oauthToken(value) !== undefined || server.issued.has(value)) value = server.nextSecret('token');
  const token: IssuedToken = {
    token: value,
    clientId: app.clientId,
    userId,
    scopes,
    createdAt: now,
    expiresAt: now + TOKEN_LIFETIME_S * 1000,
    revokedAt: null,
  };
  server.issued.set(value, token);
  if (userId !== null) {
    world.issueOAuthToken({
      token: value,
      userId,
      scopes: [...scopes],
      appVerified: app.verified,
      appConfidential: app.confidential,
      revokedAt: null,
      expiresAt: token.expiresAt,
    });
  }
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

/** Revokes a token this server issued, in the world too. */
export function revokeToken(world: World, token: IssuedToken, now: number): void {
  if (token.revokedAt === null) token.revokedAt = now;
  if (token.userId !== null) world.revokeOAuthToken(token.token, now);
}
