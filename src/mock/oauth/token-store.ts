/**
 * @module
 * Every OAuth access token the mock accepts, in one store: the world's generated tokens (the demo
 * tokens, read-only) and those `POST /oauth/token` issued since start or the last reset. Authentication,
 * `/authenticated/me`, the token and revocation endpoints and the admin API all read this store, so an
 * issued token cannot work in one place and be forgotten in another (Doorkeeper keeps one
 * `oauth_access_tokens` table for the same reason).
 */
import type { World } from '../../world/store.js';
import type { OAuthScope, OAuthToken } from '../../world/types.js';

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
