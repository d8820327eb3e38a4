/**
 * @module
 * Every OAuth access token the mock accepts, in one store: the world's generated tokens (the demo
 * tokens, read-only) and those `POST /oauth/token` issued since start or the last reset. Authentication,
 * `/authenticated/me`, the token and revocation endpoints and the admin API all read this store, so an
 * issued token cannot work in one place and be forgotten in another (Doorkeeper keeps one
 * `oauth_access_tokens` table for the same reason).
 */
import { sha256 } from '../../world/platform.js';
import { OAUTH_TOKEN_LIFETIME } from '../../world/population.js';
import type { World } from '../../world/store.js';
import type { OAuthScope, OAuthToken } from '../../world/types.js';
import { base64urlOf } from '../bytes.js';

/** A token this server issued: a world token's fields plus its app and creation time. */
export interface IssuedToken extends Omit<OAuthToken, 'userId'> {
  /** `null` for a `client_credentials` token, which belongs to the app alone. */
  userId: number | null;
  clientId: string;
  scopes: OAuthScope[];
  createdAt: number;
}

/** What a lookup finds: a generated token or an issued one. */
export type StoredToken = OAuthToken | IssuedToken;

/**
 * Doorkeeper's `accessible?` in its parts: `revoked?` (`revoked_at` set and past) first, then
 * `expired?` (`created_at + expires_in` past) — the order authentication, introspection and token
 * info all read a token in (doorkeeper 5.9.6 `lib/doorkeeper/oauth/invalid_token_response.rb:8-14`).
 * @example
 * tokenState(tokens.find('demo-oauth-read')!, Date.now()) // 'accessible'
 */
export function tokenState(token: StoredToken, now: number): 'accessible' | 'revoked' | 'expired' {
  if (token.revokedAt !== null && token.revokedAt <= now) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'accessible';
}

const isIssued = (token: StoredToken): token is IssuedToken => 'clientId' in token;

/**
 * The `uid` of the app a token belongs to. The world's seeded tokens belong to apps outside the
 * mock's registry: one made-up app per kind (verified and confidential or not), so that two of them
 * can introspect each other as tokens of one app can.
 * @example
 * appUidOf(issued) === issued.clientId // true
 */
export function appUidOf(token: StoredToken): string {
  if (isIssued(token)) return token.clientId;
  const kind = token.appVerified && token.appConfidential ? 'verified' : 'plain';
  return base64urlOf(sha256(`hackatime-kit:seed-app:${kind}`));
}

/** When the token was created, epoch ms (a seeded token's from its lifetime, as the world made it). */
export const createdAtOf = (token: StoredToken): number => (isIssued(token) ? token.createdAt : token.expiresAt - OAUTH_TOKEN_LIFETIME);

/**
 * @example
 * const tokens = new OAuthTokenStore(world);
 * tokens.find('demo-oauth-read')?.scopes; // ['profile', 'read']
 */
export class OAuthTokenStore {
  private readonly issued = new Map<string, IssuedToken>();

  constructor(private readonly world: World) {}

  /** The token with this value, generated or issued. */
  find(value: string): StoredToken | undefined {
    return this.issued.get(value) ?? this.world.oauthToken(value);
  }

  /** A token this server issued (generated tokens belong to apps outside the mock's registry). */
  issuedToken(value: string): IssuedToken | undefined {
    return this.issued.get(value);
  }

  /** The issued tokens, oldest first. */
  issuedTokens(): IterableIterator<IssuedToken> {
    return this.issued.values();
  }

  /** Stores a newly issued token; it authenticates at once. Throws if the value is taken. */
  add(token: IssuedToken): void {
    if (this.find(token.token) !== undefined) throw new RangeError('an OAuth token with this value exists');
    this.issued.set(token.token, token);
  }

  /** Every token: the generated ones, then those issued since, oldest first. */
  all(): StoredToken[] {
    return [...this.world.oauthTokens, ...this.issued.values()];
  }

  /** Forgets every issued token. */
  clear(): void {
    this.issued.clear();
  }
}
