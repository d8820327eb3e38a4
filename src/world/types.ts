/**
 * @module
 * The world's model: users, their credentials, trust-level audit events and the stored heartbeat
 * row. Times on the TypeScript side are epoch milliseconds; the heartbeat row keeps the real
 * server's JSON shape so it serialises as-is.
 */
import type { TimeWindow } from './sorted.js';

/** `users.trust_level`; the numbers public outputs use are in {@link TRUST_VALUES}. */
export type TrustLevel = 'blue' | 'red' | 'green' | 'yellow';

/** `users.trust_level` enum values (yellow is masked to blue in public outputs). */
export const TRUST_VALUES: Readonly<Record<TrustLevel, number>> = { blue: 0, red: 1, green: 2, yellow: 3 };

/** `users.admin_level`; the enum numbers are not a privilege order. */
type AdminLevel = 'default' | 'superadmin' | 'admin' | 'viewer' | 'ultraadmin';

/** `users.hackatime_extension_text_type`: what the editor status bar shows. */
type ExtensionTextType = 'simple_text' | 'clock_emoji' | 'compliment_text';

export type SourceType = 'direct_entry' | 'wakapi_import' | 'test_entry';

export type OAuthScope = 'profile' | 'read' | 'admin';

export interface DailyGoal {
  targetSeconds: number;
  /** Empty means every project counts. */
  projects: string[];
  /** Empty means every language counts. */
  languages: string[];
}

/** A project→repository mapping; archiving lives here, as upstream. */
export interface RepoMapping {
  project: string;
  repoUrl: string | null;
  archived: boolean;
}

export interface User {
  id: number;
  username: string | null;
  displayNameOverride: string | null;
  slackUsername: string | null;
  githubUsername: string | null;
  slackUid: string | null;
  hcaId: string | null;
  /** Stored lower-cased, first one is the primary address. */
  emails: string[];
  timezone: string;
  countryCode: string | null;
  slackAvatarUrl: string | null;
  githubAvatarUrl: string | null;
  trustLevel: TrustLevel;
  allowPublicStats: boolean;
  pendingDeletion: boolean;
  adminLevel: AdminLevel;
  createdAt: number;
  updatedAt: number;
  extensionTextType: ExtensionTextType;
  showGoalsInStatusbar: boolean;
  dailyGoal: DailyGoal | null;
  leaderboardShadowBanned: boolean;
  repoMappings: RepoMapping[];
}

/** A WakaTime API key (UUID v4). A user's first key is the one `/authenticated/api_keys` returns. */
export interface ApiKey {
  token: string;
  userId: number;
  name: string;
  createdAt: number;
}

/** An Admin API key (`hka_` + 64 hex). */
export interface AdminKey {
  token: string;
  ownerId: number;
  active: boolean;
}

/** A Doorkeeper access token. */
export interface OAuthToken {
  token: string;
  userId: number;
  scopes: OAuthScope[];
  /** Verified and confidential apps see the raw trust level on `/authenticated/me`. */
  appVerified: boolean;
  appConfidential: boolean;
  revokedAt: number | null;
  expiresAt: number;
}

/** One trust-level audit log entry, the input of `/api/v1/banned_users/counts`. */
export interface TrustLevelChange {
  userId: number;
  to: TrustLevel;
  at: number;
}

/**
 * A stored heartbeat exactly as the real server renders it (36 keys, in the order of its
 * `as_json`). `time` is float Unix seconds; `created_at`/`updated_at` are ISO 8601 with
 * milliseconds and `Z`. Rows are shared between snapshots of the world: never mutate one.
 */
export interface Heartbeat {
  id: number;
  user_id: number;
  time: number;
  entity: string | null;
  type: string | null;
  category: string | null;
  project: string | null;
  branch: string | null;
  language: string | null;
  editor: string | null;
  operating_system: string | null;
  machine: string | null;
  user_agent: string | null;
  is_write: boolean | null;
  lineno: number | null;
  lines: number | null;
  cursorpos: number | null;
  line_additions: number | null;
  line_deletions: number | null;
  project_root_count: number | null;
  dependencies: string[];
  ai_model: string | null;
  ai_session: string | null;
  ai_subscription_plan: string | null;
  ai_input_tokens: number | null;
  ai_output_tokens: number | null;
  ai_prompt_length: number | null;
  ai_line_changes: number | null;
  human_line_changes: number | null;
  source_type: SourceType;
  ip_address: string | null;
  ja4_id: number | null;
  fields_hash: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** The fields of a heartbeat a keyed read can filter on (its time is the window's business). */
export type HeartbeatKeys = Pick<Heartbeat, 'category' | 'editor' | 'project'>;

/** What an insert supplies: the store assigns `id`, `user_id` and `fields_hash`. */
export type HeartbeatDraft = Omit<Heartbeat, 'id' | 'user_id' | 'fields_hash'>;

/** Names of the users that hold a role the tests and docs rely on. */
export interface WorldRoles {
  demo: string;
  admin: string;
  banned: string;
  pendingDeletion: string;
  privateStats: string;
  yellow: string;
  noSlack: string;
  noGithub: string;
  shadowBanned: string;
  /** Users with a direct_entry coding heartbeat in the last 5 minutes before `now`. */
  currentlyHacking: string[];
  /** A user with no heartbeats at all. */
  noHeartbeats: string;
}

/** Tokens with a special state, for the 401/403 paths of OAuth endpoints. */
export interface SpecialTokens {
  /** Scopes `[read]` only: 403 on profile-scoped endpoints. */
  readOnly: string;
  revoked: string;
  expired: string;
  /** Issued by a verified, confidential app to the yellow user: `/authenticated/me` shows `yellow`. */
  verifiedConfidential: string;
  /** An Admin API key that is not active. */
  inactiveAdminKey: string;
}

/** The generated rows a store reads; posted rows are the store's own. */
export interface History {
  /** A user's generated rows inside a window (an absent bound is open), ascending by (time, id). */
  between(userId: number, window: Partial<TimeWindow>): Heartbeat[];
  /** Every generated id is below this one: posted heartbeats are numbered from here. */
  readonly idCeiling: number;
  /**
   * The times (ascending) of a user's generated rows inside a window whose keys `keep` keeps, made
   * without making the rows; absent when the history has only rows.
   */
  keyedTimes?(userId: number, window: TimeWindow, keep: (keys: HeartbeatKeys) => boolean): number[];
  /** The 2-minute-rule total of the same times; absent when the history has only rows. */
  keyedSeconds?(userId: number, window: TimeWindow, keep: (keys: HeartbeatKeys) => boolean): number;
  /**
   * The users (ids ascending) that may have a generated row after `instant`, every other user having
   * none; absent when the history cannot tell without its rows.
   */
  usersAfter?(instant: number): number[];
}

/** A field a user is looked up by. */
export type UserField = 'username' | 'slackUid' | 'hcaId' | 'email';

/**
 * A generated world's users and credentials, each made when first read (people.ts): what the
 * lookups ask it instead of indexing every user.
 */
export interface Population {
  /** Users 1..count. */
  readonly count: number;
  /** A user holding this value that is certainly the first by id to hold it, if one is known without making more users. */
  known(field: UserField, value: string): User | undefined;
  user(id: number): User | undefined;
  /** The user with this username (makes users only as far as it must). */
  named(username: string): User | undefined;
  /** Whether a user after the fixed accounts can hold this value at all. */
  seededMayHold(field: UserField, value: string): boolean;
  apiKey(token: string): ApiKey | undefined;
  oauthToken(token: string): OAuthToken | undefined;
  apiKeysOf(userId: number): ApiKey[];
  oauthTokensOf(userId: number): OAuthToken[];
}

/** Everything generation produces; the store wraps it. */
export interface WorldData {
  seed: number;
  now: number;
  days: number;
  /** Every user in id order; a generated world makes them all when this is first read. */
  readonly users: User[];
  readonly apiKeys: ApiKey[];
  adminKeys: AdminKey[];
  readonly oauthTokens: OAuthToken[];
  readonly trustLevelChanges: TrustLevelChange[];
  /** A generated world's users made on demand: lookups ask it rather than the lists above. */
  people?: Population;
  /** The generated heartbeats, made on demand. */
  history: History;
  roles: WorldRoles;
  specialTokens: SpecialTokens;
}
