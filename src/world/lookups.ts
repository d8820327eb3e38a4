/**
 * @module
 * The world's lookups of users and credentials, each indexed on its first use: a world of a hundred
 * thousand users starts without indexing what no request asks for. A generated world's users are
 * made when first read (people.ts): a lookup there reads the fixed accounts first and makes the
 * seeded users only for a value a seeded user can hold.
 */
import type { AdminKey, ApiKey, OAuthToken, Population, User, UserField } from './types.js';

/** Every user and credential of a world, in id order (for a generated world, getters that make them all). */
export interface Listed {
  readonly users: readonly User[];
  readonly apiKeys: readonly ApiKey[];
  readonly adminKeys: readonly AdminKey[];
  readonly oauthTokens: readonly OAuthToken[];
}

function indexBy<T, K>(items: readonly T[], keysOf: (item: T) => readonly (K | null)[]): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      // The first row wins, as a database without ORDER BY usually answers in insertion order.
      if (key !== null && !map.has(key)) map.set(key, item);
    }
  }
  return map;
}

const FIELDS: Record<UserField | 'id', (user: User) => readonly (string | number | null)[]> = {
  id: (u) => [u.id],
  username: (u) => [u.username],
  slackUid: (u) => [u.slackUid],
  hcaId: (u) => [u.hcaId],
  email: (u) => u.emails,
};

/**
 * Maps from ids, names and tokens to what they name.
 * @example
 * new Lookups({ users, apiKeys, adminKeys, oauthTokens }).user('username', 'demo');
 */
export class Lookups {
  private readonly indexes = new Map<string, Map<unknown, unknown>>();

  constructor(
    private readonly listed: Listed,
    private readonly people?: Population,
  ) {}

  private index<T, K>(name: string, items: () => readonly T[], keysOf: (item: T) => readonly (K | null)[]): Map<K, T> {
    let map = this.indexes.get(name) as Map<K, T> | undefined;
    if (!map) {
      map = indexBy(items(), keysOf);
      this.indexes.set(name, map as Map<unknown, unknown>);
    }
    return map;
  }

  /** {@link index} of credentials by their token. */
  private byToken<T extends { token: string }>(name: string, items: () => readonly T[]): Map<string, T> {
    return this.index(name, items, (item) => [item.token]);
  }

  userById(id: number): User | undefined {
    if (this.people) return this.people.user(id);
    return this.index('id', () => this.listed.users, FIELDS.id).get(id);
  }

  /** The first user (by id) holding `value` in `field` (any of its addresses for `email`). */
  user(field: UserField, value: string): User | undefined {
    const keysOf = FIELDS[field];
    if (this.people) {
      if (field === 'username') return this.people.named(value);
      const known = this.people.known(field, value);
      if (known) return known;
      if (!this.people.seededMayHold(field, value)) return undefined;
    }
    return this.index(field, () => this.listed.users, keysOf).get(value);
  }

  apiKey(token: string): ApiKey | undefined {
    if (this.people) return this.people.apiKey(token);
    return this.byToken('apiKey', () => this.listed.apiKeys).get(token);
  }

  adminKey(token: string): AdminKey | undefined {
    return this.byToken('adminKey', () => this.listed.adminKeys).get(token);
  }

  oauthToken(token: string): OAuthToken | undefined {
    if (this.people) return this.people.oauthToken(token);
    return this.byToken('oauth', () => this.listed.oauthTokens).get(token);
  }

  /** A user's API keys in creation order. */
  apiKeysOf(userId: number): ApiKey[] {
    if (this.people) return this.people.apiKeysOf(userId);
    return this.listed.apiKeys.filter((k) => k.userId === userId);
  }

  /** A user's OAuth tokens, in the order of every token. */
  oauthTokensOf(userId: number): OAuthToken[] {
    if (this.people) return this.people.oauthTokensOf(userId);
    return this.listed.oauthTokens.filter((t) => t.userId === userId);
  }
}
