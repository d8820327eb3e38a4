/**
 * @module
 * A generated world's users and credentials, made when first read: a hundred thousand users start
 * without making one of them. A seeded user is a pure function of (seed, id) and of the usernames
 * before it (a username differs from every earlier one, population.ts), so users are made in id
 * order: reading user 12 makes users 3 to 12, and nothing after. Credentials come from each user's
 * own `keys:<id>` stream; the index of every token is one pass over those streams, without making
 * the users. Whatever is read first, each user, key and token is the same object with the same
 * fields as when every user is made at once.
 */
import type { WorldFixtures } from './fixtures.js';
import {
  type Credentials,
  FIRST_SEEDED_ID,
  type Person,
  type PersonNames,
  SEEDED_ROLES,
  SEEDED_SHAPES,
  seededCredentials,
  seededPerson,
  seededTokens,
} from './population.js';
import { type ProjectChoice, projectChoice } from './project-life.js';
import type { Random } from './random.js';
import type { AdminKey, ApiKey, OAuthToken, Population, User, UserField } from './types.js';

/** What the generator hands over: the fixed accounts as made, and what a seeded user is made from. */
export interface PeopleSeed {
  root: Random;
  fixtures: WorldFixtures;
  names: PersonNames;
  now: number;
  days: number;
  /** Users in all, the fixed accounts included (ids 1..count). */
  count: number;
  /** The fixed accounts (ids 1 and 2) and their credentials. */
  fixed: { person: Person; credentials: Credentials }[];
  /** The world's special OAuth tokens, after every user's own (generate.ts). */
  specialTokens: OAuthToken[];
}

/**
 * Users, their projects and credentials, each made on its first read.
 * @example
 * const people = new People(seed);
 * people.person(12)?.user.username; // makes users 3..12, no others
 */
export class People implements Population {
  readonly count: number;
  /** Users 1..n in id order: the fixed accounts, then every seeded user made so far. */
  private readonly persons: Person[] = [];
  private readonly choices: ProjectChoice[] = [];
  private readonly credentials = new Map<number, Credentials>();
  /** Usernames and GitHub logins taken by the users made so far. */
  private readonly taken = new Set<string>();
  /** The username of each seeded user made so far. */
  private readonly usernames = new Map<string, number>();
  private allUsers: User[] | null = null;
  private everyCredential: { apiKeys: ApiKey[]; oauthTokens: OAuthToken[] } | null = null;
  private tokenOwners: Record<'apiKey' | 'oauthToken', Map<string, number>> | null = null;
  /** The fixed accounts' users: they come first in id order, so a lookup that finds one is answered. */
  private readonly fixedUsers: readonly User[];
  readonly adminKeys: readonly AdminKey[];

  constructor(private readonly seed: PeopleSeed) {
    this.count = seed.count;
    for (const { person, credentials } of seed.fixed) {
      this.persons.push(person);
      this.credentials.set(person.user.id, credentials);
      if (person.user.username !== null) this.taken.add(person.user.username);
      if (person.user.githubUsername !== null) this.taken.add(person.user.githubUsername);
    }
    this.fixedUsers = this.persons.map((p) => p.user);
    this.adminKeys = seed.fixed.flatMap((f) => f.credentials.adminKeys);
  }

  /** How many users (the fixed accounts included) are made so far. */
  get made(): number {
    return this.persons.length;
  }

  /** The person with this id, made with every one before it on first read. */
  person(id: number): Person | undefined {
    if (!Number.isInteger(id) || id < 1 || id > this.count) return undefined;
    while (this.persons.length < id) this.makeNext();
    return this.persons[id - 1];
  }

  user(id: number): User | undefined {
    return this.person(id)?.user;
  }

  /** A seeded user's choice of projects (its row shows their repositories). */
  choice(id: number): ProjectChoice | undefined {
    return this.person(id) === undefined ? undefined : this.choices[id - FIRST_SEEDED_ID];
  }

  private makeNext(): void {
    const { root, fixtures, names, now, days } = this.seed;
    const id = this.persons.length + 1;
    const role = SEEDED_ROLES[id - FIRST_SEEDED_ID] ?? null;
    const person = seededPerson(id, role, fixtures, names, root.fork(`user:${id}`), { now, days, taken: this.taken });
    const rng = root.fork(`projects:${id}`);
    const choice = projectChoice(fixtures, person.user.githubUsername, rng);
    person.user.repoMappings = choice.repoMappings;
    const primary = choice.projects[0]?.value.name;
    if (person.user.dailyGoal && primary && rng.chance(0.25)) person.user.dailyGoal.projects = [primary];
    this.persons.push(person);
    this.choices.push(choice);
    if (person.user.username !== null) this.usernames.set(person.user.username, id);
  }

  /** Every person, in id order (makes them all). */
  all(): readonly Person[] {
    this.person(this.count);
    return this.persons;
  }

  /** A user's credentials (its API keys in creation order, its own OAuth tokens). */
  credentialsOf(id: number): Credentials | undefined {
    let credentials = this.credentials.get(id);
    if (credentials) return credentials;
    const person = this.person(id);
    if (!person) return undefined;
    credentials = seededCredentials(person.user, seededTokens(this.seed.root.fork(`keys:${id}`)));
    this.credentials.set(id, credentials);
    return credentials;
  }

  /** A user's API keys in creation order (a copy: callers may sort it). */
  apiKeysOf(id: number): ApiKey[] {
    return this.credentialsOf(id)?.apiKeys.slice() ?? [];
  }

  /** A user's OAuth tokens: its own, then the special ones it holds. */
  oauthTokensOf(id: number): OAuthToken[] {
    const own = this.credentialsOf(id)?.oauthTokens ?? [];
    return [...own, ...this.seed.specialTokens.filter((t) => t.userId === id)];
  }

  /** Every user in id order (makes them all). */
  users(): User[] {
    this.allUsers ??= this.all().map((p) => p.user);
    return this.allUsers;
  }

  /** Every user's credentials in id order, the special tokens last (makes every user). */
  private allCredentials(): { apiKeys: ApiKey[]; oauthTokens: OAuthToken[] } {
    if (!this.everyCredential) {
      const apiKeys: ApiKey[] = [];
      const oauthTokens: OAuthToken[] = [];
      // Loops, not flatMap: a hundred thousand users' keys without an array each.
      for (let id = 1; id <= this.count; id++) {
        const credentials = this.credentialsOf(id) as Credentials;
        for (const key of credentials.apiKeys) apiKeys.push(key);
        for (const token of credentials.oauthTokens) oauthTokens.push(token);
      }
      for (const token of this.seed.specialTokens) oauthTokens.push(token);
      this.everyCredential = { apiKeys, oauthTokens };
    }
    return this.everyCredential;
  }

  apiKeys(): ApiKey[] {
    return this.allCredentials().apiKeys;
  }

  oauthTokens(): OAuthToken[] {
    return this.allCredentials().oauthTokens;
  }

  /**
   * A user holding this value that no user before it holds, found without making more users: a
   * fixed account (they come first), or for a username any user made so far (a seeded username
   * differs from every one before it, so it is nobody else's).
   */
  known(field: UserField, value: string): User | undefined {
    for (const user of this.fixedUsers) {
      if (field === 'email' ? user.emails.includes(value) : user[field] === value) return user;
    }
    if (field !== 'username') return undefined;
    const id = this.usernames.get(value);
    return id === undefined ? undefined : this.persons[id - 1]?.user;
  }

  /**
   * The user with this username, making users in id order only until one holds it (a username is
   * nobody else's), every user for a name nobody holds.
   */
  named(username: string): User | undefined {
    const found = this.known('username', username);
    if (found || !SEEDED_SHAPES.username.test(username)) return found;
    while (this.persons.length < this.count) {
      this.makeNext();
      const last = this.persons[this.persons.length - 1];
      if (last?.user.username === username) return last.user;
    }
    return undefined;
  }

  /** Whether a user after the fixed accounts can hold this value (seeded values have one shape each). */
  seededMayHold(field: UserField, value: string): boolean {
    return SEEDED_SHAPES[field].test(value);
  }

  /**
   * The user whose API key (or OAuth token) this is: the fixed accounts' first, then the special
   * tokens (a seeded token of 43 random characters equals none of them), then one pass over every
   * seeded user's `keys:<id>` stream, which makes no user.
   */
  private ownerOf(kind: 'apiKey' | 'oauthToken', token: string): number | undefined {
    for (const { person, credentials } of this.seed.fixed) {
      const own = kind === 'apiKey' ? credentials.apiKeys : credentials.oauthTokens;
      if (own.some((k) => k.token === token)) return person.user.id;
    }
    if (kind === 'oauthToken') {
      const special = this.seed.specialTokens.find((t) => t.token === token);
      if (special) return special.userId;
    }
    if (!SEEDED_SHAPES[kind].test(token)) return undefined;
    return this.owners()[kind].get(token);
  }

  private owners(): Record<'apiKey' | 'oauthToken', Map<string, number>> {
    if (!this.tokenOwners) {
      const apiKey = new Map<string, number>();
      const oauthToken = new Map<string, number>();
      for (let id = FIRST_SEEDED_ID; id <= this.count; id++) {
        const tokens = seededTokens(this.seed.root.fork(`keys:${id}`));
        // The first user wins, as the index of every key in user order would answer.
        for (const key of tokens.apiKeys) if (!apiKey.has(key)) apiKey.set(key, id);
        if (!oauthToken.has(tokens.oauthToken)) oauthToken.set(tokens.oauthToken, id);
      }
      this.tokenOwners = { apiKey, oauthToken };
    }
    return this.tokenOwners;
  }

  /** The API key with this token, made with its user. */
  apiKey(token: string): ApiKey | undefined {
    const owner = this.ownerOf('apiKey', token);
    return owner === undefined ? undefined : this.credentialsOf(owner)?.apiKeys.find((k) => k.token === token);
  }

  /** The OAuth token with this value, made with its user. */
  oauthToken(token: string): OAuthToken | undefined {
    const owner = this.ownerOf('oauthToken', token);
    return owner === undefined ? undefined : this.oauthTokensOf(owner).find((t) => t.token === token);
  }
}
