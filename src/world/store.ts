/**
 * @module
 * The World: one generated history plus everything posted since, with the lookups every
 * endpoint needs (users by id, name, Slack UID, email and credential; the real server's
 * identifier resolution orders) and version counters the mock caches responses by.
 */
import { ensureFieldsHash, fieldsHash } from './fields-hash.js';
import { type GenerateOptions, generateWorld } from './generate.js';
import { compareTimed, insertionIndex, sliceWindow, type TimeWindow } from './sorted.js';
import type {
  AdminKey,
  ApiKey,
  Heartbeat,
  HeartbeatDraft,
  OAuthToken,
  SpecialTokens,
  TrustLevelChange,
  User,
  WorldData,
  WorldRoles,
} from './types.js';

const DIGITS = /^\d+$/;

/**
 * Told of every change to the posted heartbeats, in order: the data file keeps them across restarts.
 */
export interface HeartbeatSink {
  /** A row that was not in the world before (duplicates are not reported). */
  added(row: Heartbeat): void;
  /** The world went back to its generated history. */
  reset(): void;
  /** Resolves once everything reported so far is durable; rejects when it cannot be. */
  flushed(): Promise<void>;
}

export interface AddResult {
  row: Heartbeat;
  /** False when a heartbeat with the same fields_hash was already stored (the existing row is returned). */
  created: boolean;
}

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
 * A world to query and post heartbeats into.
 * @example
 * const world = createWorld({ seed: 42, now: Date.parse('2026-08-22T14:00:00Z') });
 * world.userByApiKey('11111111-1111-4111-8111-111111111111')?.username; // 'demo'
 */
export class World {
  readonly seed: number;
  readonly now: number;
  readonly days: number;
  readonly users: readonly User[];
  readonly roles: WorldRoles;
  readonly specialTokens: SpecialTokens;
  readonly trustLevelChanges: readonly TrustLevelChange[];
  readonly apiKeys: readonly ApiKey[];
  readonly adminKeys: readonly AdminKey[];
  private readonly seededOAuthTokens: readonly OAuthToken[];

  private readonly generated: ReadonlyMap<number, readonly Heartbeat[]>;
  private readonly generatedMaxId: number;
  private heartbeats = new Map<number, Heartbeat[]>();
  private hashes = new Map<number, Map<string, Heartbeat>>();
  private nextId = 1;
  private globalVersion = 0;
  private versions = new Map<number, number>();
  private merged: { version: number; rows: Heartbeat[] } | null = null;
  /** Rows added since start or the last reset, in acceptance order; generated rows never are. */
  private posted: Heartbeat[] = [];
  private readonly sinks = new Set<HeartbeatSink>();

  private readonly byId: Map<number, User>;
  private readonly byUsername: Map<string, User>;
  private readonly bySlackUid: Map<string, User>;
  private readonly byHcaId: Map<string, User>;
  private readonly byEmail: Map<string, User>;
  private readonly apiKeyIndex: Map<string, ApiKey>;
  private readonly adminKeyIndex: Map<string, AdminKey>;
  private readonly oauthIndex: Map<string, OAuthToken>;

  constructor(data: WorldData) {
    this.seed = data.seed;
    this.now = data.now;
    this.days = data.days;
    this.users = data.users;
    this.roles = data.roles;
    this.specialTokens = data.specialTokens;
    this.trustLevelChanges = data.trustLevelChanges;
    this.apiKeys = data.apiKeys;
    this.adminKeys = data.adminKeys;
    this.seededOAuthTokens = data.oauthTokens;
    this.generated = data.heartbeats;
    let maxId = 0;
    for (const rows of data.heartbeats.values()) for (const row of rows) maxId = Math.max(maxId, row.id);
    this.generatedMaxId = maxId;

    this.byId = indexBy(data.users, (u) => u.id);
    this.byUsername = indexBy(data.users, (u) => u.username);
    this.bySlackUid = indexBy(data.users, (u) => u.slackUid);
    this.byHcaId = indexBy(data.users, (u) => u.hcaId);
    this.byEmail = new Map();
    for (const user of data.users) for (const email of user.emails) if (!this.byEmail.has(email)) this.byEmail.set(email, user);
    this.apiKeyIndex = indexBy(data.apiKeys, (k) => k.token);
    this.adminKeyIndex = indexBy(data.adminKeys, (k) => k.token);
    this.oauthIndex = indexBy(data.oauthTokens, (t) => t.token);
    this.reset();
  }

  /** Back to the generated history. Versions keep increasing, so no cached response survives. */
  reset(): void {
    this.heartbeats = new Map();
    this.hashes = new Map();
    for (const user of this.users) {
      this.heartbeats.set(user.id, (this.generated.get(user.id) ?? []).slice());
      this.hashes.delete(user.id);
    }
    this.nextId = this.generatedMaxId + 1;
    this.globalVersion += 1;
    for (const user of this.users) this.versions.set(user.id, this.globalVersion);
    this.merged = null;
    this.posted = [];
    for (const sink of this.sinks) sink.reset();
  }

  /** Heartbeats added through {@link addHeartbeat} since start or the last reset, in acceptance order. */
  postedHeartbeats(): readonly Heartbeat[] {
    return this.posted;
  }

  /** Reports every later insert and reset to `sink`; returns the function that stops it. */
  addSink(sink: HeartbeatSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }

  /** Resolves once every sink has made what it was told durable (at once without sinks). */
  async flushed(): Promise<void> {
    if (this.sinks.size === 0) return;
    await Promise.all([...this.sinks].map((sink) => sink.flushed()));
  }

  // --- users and credentials -------------------------------------------------------------

  userById(id: number): User | undefined {
    return this.byId.get(id);
  }

  /** Exact, case-sensitive. */
  userByUsername(username: string): User | undefined {
    return this.byUsername.get(username);
  }

  userBySlackUid(slackUid: string): User | undefined {
    return this.bySlackUid.get(slackUid);
  }

  /** Exact, case-sensitive match against the stored (lower-cased) addresses. */
  userByEmail(email: string): User | undefined {
    return this.byEmail.get(email);
  }

  apiKey(token: string): ApiKey | undefined {
    return this.apiKeyIndex.get(token);
  }

  userByApiKey(token: string): User | undefined {
    const key = this.apiKeyIndex.get(token);
    return key ? this.byId.get(key.userId) : undefined;
  }

  /** A user's keys in creation order; the first is what `/authenticated/api_keys` returns. */
  apiKeysOf(userId: number): ApiKey[] {
    return this.apiKeys.filter((k) => k.userId === userId);
  }

  adminKey(token: string): AdminKey | undefined {
    return this.adminKeyIndex.get(token);
  }

  oauthToken(token: string): OAuthToken | undefined {
    return this.oauthIndex.get(token);
  }

  /** The generated OAuth tokens (the mock's OAuth server keeps those it issues). */
  get oauthTokens(): readonly OAuthToken[] {
    return this.seededOAuthTokens;
  }

  /**
   * `User.lookup_by_identifier` (stats endpoints, `/api/summary`): all digits → that numeric
   * id wins; then exact Slack UID, then HCA id, then username (case-sensitive).
   */
  lookupByIdentifier(identifier: string): User | undefined {
    if (DIGITS.test(identifier)) {
      const user = this.byId.get(Number(identifier));
      if (user) return user;
    }
    return this.bySlackUid.get(identifier) ?? this.byHcaId.get(identifier) ?? this.byUsername.get(identifier);
  }

  /**
   * The trust_factor lookup: Slack UID OR username OR (digits only) id in one query; the
   * database answers the first matching row, which we take as the lowest id.
   */
  lookupForTrustFactor(identifier: string): User | undefined {
    const candidates = [
      this.bySlackUid.get(identifier),
      this.byUsername.get(identifier),
      DIGITS.test(identifier) ? this.byId.get(Number(identifier)) : undefined,
    ].filter((u): u is User => u !== undefined);
    return candidates.sort((a, b) => a.id - b.id)[0];
  }

  /** The badge lookup: Slack UID, then username, then (digits only) id. */
  lookupForBadge(identifier: string): User | undefined {
    return (
      this.bySlackUid.get(identifier) ??
      this.byUsername.get(identifier) ??
      (DIGITS.test(identifier) ? this.byId.get(Number(identifier)) : undefined)
    );
  }

  // --- heartbeats -------------------------------------------------------------------------

  /** A user's heartbeats ascending by (time, id). Do not mutate the array or its rows. */
  heartbeatsOf(userId: number): readonly Heartbeat[] {
    return this.heartbeats.get(userId) ?? [];
  }

  /** A user's heartbeats inside a window of Unix seconds, found by binary search. */
  heartbeatsBetween(userId: number, window: Partial<TimeWindow>): Heartbeat[] {
    return sliceWindow(this.heartbeatsOf(userId), window);
  }

  /** Every user's heartbeats merged into one timeline (the admin aggregate); cached per version. */
  allHeartbeats(): readonly Heartbeat[] {
    if (this.merged?.version !== this.globalVersion) {
      const rows: Heartbeat[] = [];
      for (const list of this.heartbeats.values()) for (const row of list) rows.push(row);
      rows.sort(compareTimed);
      this.merged = { version: this.globalVersion, rows };
    }
    return this.merged.rows;
  }

  /** Increases on every insert, across all users. */
  get version(): number {
    return this.globalVersion;
  }

  /** Increases whenever this user's heartbeats change. */
  versionOf(userId: number): number {
    return this.versions.get(userId) ?? 0;
  }

  /**
   * Stores a heartbeat for a user unless one with the same fields_hash exists, in which case
   * the stored row comes back with `created: false` (the real server answers it with the
   * success status too). The store computes `fields_hash` and assigns the next id.
   */
  addHeartbeat(userId: number, draft: HeartbeatDraft): AddResult {
    const list = this.heartbeats.get(userId);
    if (!list) throw new RangeError(`no user with id ${userId}`);
    const hash = fieldsHash({ ...draft, user_id: userId });
    const byHash = this.hashIndex(userId, list);
    const existing = byHash.get(hash);
    if (existing) return { row: existing, created: false };
    const row: Heartbeat = {
      id: this.nextId++,
      user_id: userId,
      time: draft.time,
      entity: draft.entity,
      type: draft.type,
      category: draft.category,
      project: draft.project,
      branch: draft.branch,
      language: draft.language,
      editor: draft.editor,
      operating_system: draft.operating_system,
      machine: draft.machine,
      user_agent: draft.user_agent,
      is_write: draft.is_write,
      lineno: draft.lineno,
      lines: draft.lines,
      cursorpos: draft.cursorpos,
      line_additions: draft.line_additions,
      line_deletions: draft.line_deletions,
      project_root_count: draft.project_root_count,
      dependencies: draft.dependencies.slice(),
      ai_model: draft.ai_model,
      ai_session: draft.ai_session,
      ai_subscription_plan: draft.ai_subscription_plan,
      ai_input_tokens: draft.ai_input_tokens,
      ai_output_tokens: draft.ai_output_tokens,
      ai_prompt_length: draft.ai_prompt_length,
      ai_line_changes: draft.ai_line_changes,
      human_line_changes: draft.human_line_changes,
      source_type: draft.source_type,
      ip_address: draft.ip_address,
      ja4_id: draft.ja4_id,
      fields_hash: hash,
      created_at: draft.created_at,
      updated_at: draft.updated_at,
      deleted_at: draft.deleted_at,
    };
    list.splice(insertionIndex(list, row), 0, row);
    byHash.set(hash, row);
    this.globalVersion += 1;
    this.versions.set(userId, this.globalVersion);
    this.posted.push(row);
    for (const sink of this.sinks) sink.added(row);
    return { row, created: true };
  }

  /** Built on the first insert for a user: reads never pay for it. */
  private hashIndex(userId: number, list: readonly Heartbeat[]): Map<string, Heartbeat> {
    let index = this.hashes.get(userId);
    if (!index) {
      index = new Map();
      for (const row of list) {
        const hash = ensureFieldsHash(row);
        if (!index.has(hash)) index.set(hash, row);
      }
      this.hashes.set(userId, index);
    }
    return index;
  }
}

/**
 * Generates a world and wraps it in a store.
 * @example
 * const world = createWorld({ seed: 7, now: Date.parse('2026-08-22T14:00:00Z'), users: 20 });
 */
export function createWorld(options: GenerateOptions = {}): World {
  return new World(generateWorld(options));
}
