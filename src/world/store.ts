/**
 * @module
 * The World: one generated history plus everything posted since, with the lookups every
 * endpoint needs (users by id, name, Slack UID, email and credential; the real server's
 * identifier resolution orders) and version counters the mock caches responses by.
 */
import { totalSeconds } from './durations.js';
import { ensureFieldsHash } from './fields-hash.js';
import { type GenerateOptions, generateWorld } from './generate.js';
import { hasDaySlices } from './history.js';
import { Lookups } from './lookups.js';
import { mergeTimed, PostedRows, sameHash, Timelines } from './posted.js';
import { RowView, type SentFrom } from './row-view.js';
import { compareTimed, insertionIndex, sliceWindow, type TimeWindow } from './sorted.js';
import type {
  AdminKey,
  ApiKey,
  Heartbeat,
  HeartbeatDraft,
  HeartbeatKeys,
  History,
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

/** What {@link World.allHeartbeats} keeps its last answer under. */
const mergedKey = (rowsVersion: number, window: Partial<TimeWindow>) =>
  `${rowsVersion} ${window.from} ${window.to} ${window.toExclusive === true}`;

/** Up to this many user-days, {@link World.heartbeatCounts} counts every generated heartbeat (about 0.2 s). */
const EXACT_COUNT_USER_DAYS = 20_000;

const keepAll = (): boolean => true;

/** What {@link World.heartbeatCounts} reports. */
export interface HeartbeatCounts {
  generated: number;
  posted: number;
  total: number;
  /** Whether `generated` (and so `total`) is estimated from a sample of the users. */
  estimated: boolean;
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
  readonly roles: WorldRoles;
  readonly specialTokens: SpecialTokens;
  readonly adminKeys: readonly AdminKey[];
  /** Users 1..userCount: a generated world's are made when first read (people.ts). */
  readonly userCount: number;
  private readonly data: WorldData;

  private readonly history: History;
  private posted: PostedRows;
  private globalVersion = 0;
  private versions = new Map<number, number>();
  /** Increases when the rows change (an insert, a reset), not on {@link markChanged}. */
  private rowsVersion = 0;
  private merged: { key: string; rows: Heartbeat[] } | null = null;
  private readonly timelines = new Timelines();
  private readonly sinks = new Set<HeartbeatSink>();

  private readonly lookups: Lookups;
  /** The generated count of {@link heartbeatCounts}, once counted (for the budget it was counted under). */
  private generatedTotal: { exactUserDays: number; count: number; estimated: boolean } | undefined;
  /** A user's version when it has none of its own (since the last reset). */
  private baseVersion = 0;

  constructor(data: WorldData) {
    this.seed = data.seed;
    this.now = data.now;
    this.days = data.days;
    this.data = data;
    this.roles = data.roles;
    this.specialTokens = data.specialTokens;
    this.adminKeys = data.adminKeys;
    this.userCount = data.people?.count ?? data.users.length;
    this.history = data.history;
    this.lookups = new Lookups(data, data.people);
    this.posted = new PostedRows(this.history.idCeiling);
    this.reset();
  }

  /** Unix seconds before which no generated row lies: the first local day starts after it. */
  private get historyStart(): number {
    return this.now / 1000 - (this.days + 1) * 86_400;
  }

  /** Back to the generated history. Versions keep increasing, so no cached response survives. */
  reset(): void {
    this.posted = new PostedRows(this.history.idCeiling);
    this.globalVersion += 1;
    this.versions.clear();
    this.baseVersion = this.globalVersion;
    this.rowsVersion += 1;
    this.merged = null;
    this.timelines.clear();
    for (const sink of this.sinks) sink.reset();
  }

  /**
   * Heartbeats added through {@link addHeartbeat} since start or the last reset (a user's only, when
   * given), in acceptance order: made into rows for the occasion.
   */
  postedHeartbeats(userId?: number): Heartbeat[] {
    return this.posted.inAcceptanceOrder(userId);
  }

  /** How many heartbeats each user posted since start or the last reset, users ascending. */
  postedPerUser(): [userId: number, count: number][] {
    return this.posted.perUser();
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

  /** Every user in id order; in a generated world, reading it makes every user (prefer a lookup). */
  get users(): readonly User[] {
    return this.data.users;
  }

  /** Every user's API keys, in the order of users (makes every user). */
  get apiKeys(): readonly ApiKey[] {
    return this.data.apiKeys;
  }

  /** The trust-level audit log the world was seeded with (made on first read). */
  get trustLevelChanges(): readonly TrustLevelChange[] {
    return this.data.trustLevelChanges;
  }

  userById(id: number): User | undefined {
    return this.lookups.userById(id);
  }

  /** Exact, case-sensitive. */
  userByUsername(username: string): User | undefined {
    return this.lookups.user('username', username);
  }

  userBySlackUid(slackUid: string): User | undefined {
    return this.lookups.user('slackUid', slackUid);
  }

  /** Exact, case-sensitive match against the stored (lower-cased) addresses. */
  userByEmail(email: string): User | undefined {
    return this.lookups.user('email', email);
  }

  apiKey(token: string): ApiKey | undefined {
    return this.lookups.apiKey(token);
  }

  userByApiKey(token: string): User | undefined {
    const key = this.lookups.apiKey(token);
    return key ? this.lookups.userById(key.userId) : undefined;
  }

  /** A user's keys in creation order; the first is what `/authenticated/api_keys` returns. */
  apiKeysOf(userId: number): ApiKey[] {
    return this.lookups.apiKeysOf(userId);
  }

  adminKey(token: string): AdminKey | undefined {
    return this.lookups.adminKey(token);
  }

  oauthToken(token: string): OAuthToken | undefined {
    return this.lookups.oauthToken(token);
  }

  /** The generated OAuth tokens (the mock's OAuth server keeps those it issues); makes every user. */
  get oauthTokens(): readonly OAuthToken[] {
    return this.data.oauthTokens;
  }

  /** A user's generated OAuth tokens, in the order of {@link oauthTokens}. */
  oauthTokensOf(userId: number): OAuthToken[] {
    return this.lookups.oauthTokensOf(userId);
  }

  /**
   * `User.lookup_by_identifier` (stats endpoints, `/api/summary`): all digits → that numeric
   * id wins; then exact Slack UID, then HCA id, then username (case-sensitive).
   */
  lookupByIdentifier(identifier: string): User | undefined {
    if (DIGITS.test(identifier)) {
      const user = this.lookups.userById(Number(identifier));
      if (user) return user;
    }
    return this.userBySlackUid(identifier) ?? this.lookups.user('hcaId', identifier) ?? this.userByUsername(identifier);
  }

  /**
   * The trust_factor lookup: Slack UID OR username OR (digits only) id in one query; the
   * database answers the first matching row, which we take as the lowest id.
   */
  lookupForTrustFactor(identifier: string): User | undefined {
    const candidates = [
      this.userBySlackUid(identifier),
      this.userByUsername(identifier),
      DIGITS.test(identifier) ? this.lookups.userById(Number(identifier)) : undefined,
    ].filter((u): u is User => u !== undefined);
    return candidates.sort((a, b) => a.id - b.id)[0];
  }

  /** The badge lookup: Slack UID, then username, then (digits only) id. */
  lookupForBadge(identifier: string): User | undefined {
    return (
      this.userBySlackUid(identifier) ??
      this.userByUsername(identifier) ??
      (DIGITS.test(identifier) ? this.lookups.userById(Number(identifier)) : undefined)
    );
  }

  // --- heartbeats -------------------------------------------------------------------------

  /**
   * A user's heartbeats ascending by (time, id). Do not mutate the array or its rows. A whole
   * history is made of rows for the occasion: prefer {@link heartbeatsBetween} for a window.
   */
  heartbeatsOf(userId: number): readonly Heartbeat[] {
    const version = this.versionOf(userId);
    const cached = this.timelines.get(userId, version);
    if (cached) return cached;
    const rows = mergeTimed(this.history.between(userId, {}), this.posted.of(userId));
    this.timelines.set(userId, version, rows);
    return rows;
  }

  /** A user's heartbeats inside a window of Unix seconds, found by binary search. */
  heartbeatsBetween(userId: number, window: Partial<TimeWindow>): Heartbeat[] {
    const cached = this.timelines.get(userId, this.versionOf(userId));
    if (cached) return sliceWindow(cached, window);
    // A window over the whole generated history (all-time stats) makes the timeline the next read
    // of the whole history (the streak) will find made.
    const { historyStart } = this;
    if ((window.from ?? historyStart) <= historyStart && (window.to ?? Number.POSITIVE_INFINITY) >= this.now / 1000) {
      return sliceWindow(this.heartbeatsOf(userId), window);
    }
    return mergeTimed(this.history.between(userId, window), this.posted.between(userId, window));
  }

  /**
   * A user's heartbeats inside a window as columns (row-view.ts): the generated days' columns,
   * read without making rows, merged with what the user posted; the same rows in the same order
   * as {@link heartbeatsBetween}.
   */
  viewBetween(userId: number, window: Partial<TimeWindow>): RowView {
    if (!hasDaySlices(this.history)) return RowView.ofRows(this.heartbeatsBetween(userId, window));
    // Posted rows never repeat a generated one (inserts are de-duplicated), so merging is all.
    const generated = RowView.ofDays(this.history.daySlices(userId, window));
    return RowView.merged(generated, this.posted.view(userId, window));
  }

  /**
   * A user's latest row (by time, then id) that `matches`, looked for from the newest days back,
   * a few days at a time, so rows are made only for the days searched.
   */
  latestHeartbeat(userId: number, matches: (row: Heartbeat) => boolean): Heartbeat | undefined {
    const { historyStart } = this;
    // Windows from the newest back: [to - span, to), the first open above (posted rows may lie
    // ahead of now), the last open below (posted rows may predate the history).
    let to: number | undefined;
    for (let span = 2 * 86_400; ; span *= 4) {
      const from = (to ?? this.now / 1000) - span;
      const window: Partial<TimeWindow> = { toExclusive: true };
      if (to !== undefined) window.to = to;
      if (from > historyStart) window.from = from;
      const rows = this.heartbeatsBetween(userId, window);
      for (let i = rows.length - 1; i >= 0; i--) if (matches(rows[i] as Heartbeat)) return rows[i];
      if (window.from === undefined) return undefined;
      to = from;
    }
  }

  /**
   * The world's heartbeats: generated, posted since start or the last reset, and in total. The
   * generated count is exact while the world has at most `exactUserDays` user-days (counting one
   * costs about 10 µs: the default world's 4,380 take 50 ms); a larger world's is estimated from an
   * evenly spaced sample of its users, so that a thousand or a hundred thousand users answer as
   * quickly (counting them all took 4 s and would take minutes).
   * @example
   * createWorld({ seed: 42, now: Date.parse('2026-08-22T18:30:00Z') }).heartbeatCounts();
   * // { generated: 121569, posted: 0, total: 121569, estimated: false }
   */
  heartbeatCounts(exactUserDays = EXACT_COUNT_USER_DAYS): HeartbeatCounts {
    if (this.generatedTotal?.exactUserDays !== exactUserDays) {
      // Every `step`-th user, from the middle of the first step; every user when step is 1.
      const step = Math.max(1, Math.ceil((this.userCount * this.days) / exactUserDays));
      const ids = step === 1 ? this.users.map((user) => user.id) : [];
      for (let id = Math.ceil(step / 2); step > 1 && id <= this.userCount; id += step) ids.push(id);
      let count = 0;
      for (const id of ids) count += this.generatedOf(id);
      const scaled = step === 1 ? count : Math.round((count * this.userCount) / ids.length);
      this.generatedTotal = { exactUserDays, count: scaled, estimated: step > 1 };
    }
    const posted = this.posted.count;
    const { count, estimated } = this.generatedTotal;
    return { generated: count, posted, total: count + posted, estimated };
  }

  /** How many heartbeats a user was generated: one per keyed instant, drawn without the rows' details. */
  private generatedOf(userId: number): number {
    const everything = { from: 0, to: this.now / 1000 + 2 * 86_400 };
    return this.history.keyedTimes ? this.history.keyedTimes(userId, everything, keepAll).length : this.history.between(userId, {}).length;
  }

  /**
   * The instants (Unix seconds, ascending) of a user's heartbeats inside `window`: the generated
   * days' keyed instants while the user has posted nothing, so no row details are drawn; the
   * rows' times otherwise. The same times either way.
   */
  instantsBetween(userId: number, window: TimeWindow): ArrayLike<number> {
    if (this.history.keyedTimes && this.posted.countOf(userId) === 0) return this.history.keyedTimes(userId, window, keepAll);
    return this.viewBetween(userId, window).times;
  }

  /**
   * The users (ids ascending) that may have a heartbeat after `instant` (Unix seconds): every other
   * user has none. Near now, in a generated world, only the users hacking now and those who posted
   * since: a read of who is active now need not look at a hundred thousand users' days.
   */
  usersWithHeartbeatsAfter(instant: number): number[] {
    const ids = new Set(this.history.usersAfter?.(instant) ?? this.users.map((user) => user.id));
    for (const id of this.posted.usersAfter(instant)) ids.add(id);
    return [...ids].sort((a, b) => a - b);
  }

  /**
   * A user's rows as the admin analytics read them (time, id, address, machine, user agent), in
   * (time, id) order: from the keyed instants and their setups while the user has posted nothing,
   * so no row details are drawn; from the rows as columns otherwise. The same rows either way.
   */
  sentFrom(userId: number): SentFrom {
    if (hasDaySlices(this.history) && this.posted.countOf(userId) === 0) return this.history.sentFrom(userId);
    const rows = this.viewBetween(userId, {});
    return {
      times: rows.times,
      ids: rows.ids,
      ip: rows.strings('ip_address'),
      machine: rows.strings('machine'),
      userAgent: rows.strings('user_agent'),
    };
  }

  /**
   * Where the world's heartbeats lie: from the generated history's first day (or an earlier posted
   * row) to now (or a later posted row). Undefined for a history of fixed rows, which can lie anywhere.
   */
  heartbeatSpan(): TimeWindow | undefined {
    if (!this.history.keyedTimes) return undefined;
    const posted = this.posted.span();
    const from = this.historyStart;
    const to = this.now / 1000;
    return posted ? { from: Math.min(from, posted.from), to: Math.max(to, posted.to) } : { from, to };
  }

  /**
   * The 2-minute-rule total of a user's heartbeats inside `window` whose keys `keep` keeps: from
   * the generated days' keyed instants, without making rows, while the user has posted nothing;
   * from the rows otherwise. Either way the same figure as `totalSeconds` of the filtered rows.
   */
  keyedSeconds(userId: number, window: TimeWindow, keep: (keys: HeartbeatKeys) => boolean): number {
    if (this.history.keyedSeconds && this.posted.countOf(userId) === 0) return this.history.keyedSeconds(userId, window, keep);
    return totalSeconds(this.heartbeatsBetween(userId, window).filter(keep));
  }

  /**
   * Every user's heartbeats inside a window (all of them without one) merged into one timeline,
   * the admin aggregate; the last answer is kept until the next insert, which the list of all rows
   * takes in place of a new pass (a new array: readers holding the old one keep it). Only the
   * window's days are made into rows.
   */
  allHeartbeats(window: Partial<TimeWindow> = {}): readonly Heartbeat[] {
    const key = mergedKey(this.rowsVersion, window);
    if (this.merged?.key !== key) {
      const rows: Heartbeat[] = [];
      for (const user of this.users) for (const row of this.heartbeatsBetween(user.id, window)) rows.push(row);
      rows.sort(compareTimed);
      this.merged = { key, rows };
    }
    return this.merged.rows;
  }

  /** Increases on every insert, across all users. */
  get version(): number {
    return this.globalVersion;
  }

  /**
   * A user row changed outside the heartbeats (the admin API's writes: trust and admin levels,
   * shadow-bans, deletion requests): every answer kept for an earlier version is stale.
   */
  markChanged(): void {
    this.globalVersion += 1;
  }

  /** Increases whenever this user's heartbeats change. */
  versionOf(userId: number): number {
    return this.versions.get(userId) ?? this.baseVersion;
  }

  /**
   * Stores a heartbeat for a user unless one with the same fields_hash exists, in which case
   * the stored row comes back with `created: false` (the real server answers it with the
   * success status too). A new row takes the next id above the history's; its `fields_hash` is
   * computed from the row as the posted columns hold it, as a later read computes it.
   */
  addHeartbeat(userId: number, draft: HeartbeatDraft): AddResult {
    if (this.lookups.userById(userId) === undefined) throw new RangeError(`no user with id ${userId}`);
    // The row as it would be stored, hashed as every read of it will hash it.
    const row = this.posted.stage(userId, draft);
    const hash = ensureFieldsHash(row);
    // The hash covers the time, so a row with the same hash sits at the very same instant.
    const existing = sameHash(this.heartbeatsBetween(userId, { from: row.time, to: row.time }), hash);
    if (existing) return { row: existing, created: false };
    this.posted.commit();
    const previous = this.versionOf(userId);
    if (this.merged?.key === mergedKey(this.rowsVersion, {})) {
      const rows = [...this.merged.rows];
      rows.splice(insertionIndex(rows, row), 0, row);
      this.merged = { key: mergedKey(this.rowsVersion + 1, {}), rows };
    }
    this.rowsVersion += 1;
    this.globalVersion += 1;
    this.versions.set(userId, this.globalVersion);
    this.timelines.insert(row, previous, this.globalVersion);
    for (const sink of this.sinks) sink.added(row);
    return { row, created: true };
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
