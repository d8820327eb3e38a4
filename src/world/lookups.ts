/**
 * @module
 * The world's lookups of users and credentials, each indexed on its first use: a world of a hundred
 * thousand users starts without indexing what no request asks for.
 */
import type { AdminKey, ApiKey, OAuthToken, User } from './types.js';

function indexBy<T, K>(items: readonly T[], keyOf: (item: T) => K | null): Map<K, T> {
  const map = new Map<K, T>();
  for (const item of items) {
    const key = keyOf(item);
    // The first row wins, as a database without ORDER BY usually answers in insertion order.
    if (key !== null && !map.has(key)) map.set(key, item);
  }
  return map;
}

/**
 * Maps from ids, names and tokens to what they name.
 * @example
 * new Lookups(users, apiKeys, adminKeys, oauthTokens).byUsername.get('demo');
 */
export class Lookups {
  private readonly indexes = new Map<string, Map<unknown, unknown>>();

  constructor(
    private readonly users: readonly User[],
    private readonly apiKeys: readonly ApiKey[],
    private readonly adminKeys: readonly AdminKey[],
    private readonly oauthTokens: readonly OAuthToken[],
  ) {}

  private index<T, K>(name: string, items: readonly T[], keyOf: (item: T) => K | null): Map<K, T> {
    let map = this.indexes.get(name) as Map<K, T> | undefined;
    if (!map) {
      map = indexBy(items, keyOf);
      this.indexes.set(name, map as Map<unknown, unknown>);
    }
    return map;
  }

  get byId(): Map<number, User> {
    return this.index('id', this.users, (u) => u.id);
  }

  get byUsername(): Map<string, User> {
    return this.index('username', this.users, (u) => u.username);
  }

  get bySlackUid(): Map<string, User> {
    return this.index('slackUid', this.users, (u) => u.slackUid);
  }

  get byHcaId(): Map<string, User> {
    return this.index('hcaId', this.users, (u) => u.hcaId);
  }

  get byEmail(): Map<string, User> {
    let map = this.indexes.get('email') as Map<string, User> | undefined;
    if (!map) {
      map = new Map();
      for (const user of this.users) for (const email of user.emails) if (!map.has(email)) map.set(email, user);
      this.indexes.set('email', map as Map<unknown, unknown>);
    }
    return map;
  }

  get apiKeyIndex(): Map<string, ApiKey> {
    return this.index('apiKey', this.apiKeys, (k) => k.token);
  }

  get adminKeyIndex(): Map<string, AdminKey> {
    return this.index('adminKey', this.adminKeys, (k) => k.token);
  }

  get oauthIndex(): Map<string, OAuthToken> {
    return this.index('oauth', this.oauthTokens, (t) => t.token);
  }
}
