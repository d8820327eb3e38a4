/**
 * @module
 * The admin API's memory, one per mock (owned by its `MockState`): admin keys, the trust-level audit
 * log, deletion requests and shadow-ban details, and the user columns its writes change on the
 * world's users (trust level, admin level, shadow-ban flag, pending deletion), so that the public
 * endpoints, which read those users, see every write at once. `reset()` puts the seeded rows and
 * columns back.
 */

import { SEEDED_LEVELS } from '../../world/level-keys.js';
import { sha256 } from '../../world/platform.js';
import type { World } from '../../world/store.js';
import type { TrustLevel, TrustLevelChange, User } from '../../world/types.js';
import { hexOf } from '../bytes.js';
import type { OAuthTokenStore } from '../oauth/token-store.js';
import { type AdminLevel, hasAdminAccess } from './levels.js';
import { type DeletionRequest, type ShadowBan, type StaffKey, type TrustLog, type UserColumns, userColumns } from './records.js';
import { ADMIN_OAUTH_APP, ADMIN_OAUTH_TOKEN, seededTrustLogs, staffSeed } from './seed.js';

const DAY = 86_400_000;
/** Doorkeeper tokens of Hackatime live 16 years (`config/initializers/doorkeeper.rb:33`). */
const OAUTH_LIFETIME = 16 * 365 * DAY;

/** The earliest expiry of the bans, infinity when none expires. */
function earliestExpiry(bans: ReadonlyMap<number, ShadowBan>): number {
  let earliest = Number.POSITIVE_INFINITY;
  for (const ban of bans.values()) if (ban.expiresAt !== null) earliest = Math.min(earliest, ban.expiresAt);
  return earliest;
}

export class StaffStore {
  keys: StaffKey[] = [];
  deletionRequests: DeletionRequest[] = [];
  shadowBans = new Map<number, ShadowBan>();
  /** The earliest expiry among the shadow-bans (infinity: none expires). */
  private nextExpiry = Number.POSITIVE_INFINITY;
  /** The users seeded with the viewer, superadmin and ultraadmin levels (roles of `/__mock/credentials`). */
  levelHolders: Partial<Record<AdminLevel, number>> = {};
  /** The seeded columns of each user the store wrote, taken before its first write (users are made when first read). */
  private readonly seededColumns = new Map<number, UserColumns>();
  /** The seeded log is made on first read: it looks at every user of the world. */
  private logs: TrustLog[] | null = null;
  private actorId = 2;
  private counter = 0;

  constructor(
    private readonly world: World,
    private readonly tokens: OAuthTokenStore,
  ) {
    this.reset();
  }

  /** The trust-level audit log: the seeded rows, then every change since. */
  get trustLogs(): TrustLog[] {
    this.logs ??= seededTrustLogs(this.world, this.actorId);
    return this.logs;
  }

  /** Keeps a user's seeded columns before the store first writes them, for {@link reset}. */
  private remember(user: User): void {
    if (!this.seededColumns.has(user.id)) this.seededColumns.set(user.id, userColumns(user));
  }

  /** The seeded rows and user columns; call after the OAuth server's reset (it re-adds its token). */
  reset(): void {
    for (const [id, columns] of this.seededColumns) {
      const user = this.world.userById(id);
      if (user) Object.assign(user, columns);
    }
    this.seededColumns.clear();
    const seed = staffSeed(this.world);
    this.levelHolders = seed.levels;
    for (const level of SEEDED_LEVELS) {
      const id = seed.levels[level];
      const holder = id === undefined ? undefined : this.world.userById(id);
      if (holder) {
        this.remember(holder);
        holder.adminLevel = level;
      }
    }
    this.keys = seed.keys;
    this.actorId = seed.actorId;
    this.logs = null;
    this.deletionRequests = seed.deletionRequests;
    this.shadowBans = seed.shadowBans;
    this.nextExpiry = earliestExpiry(this.shadowBans);
    this.counter = 0;
    const holder = seed.levels.superadmin === undefined ? undefined : this.world.userById(seed.levels.superadmin);
    if (holder && this.tokens.find(ADMIN_OAUTH_TOKEN) === undefined) {
      const createdAt = this.world.now - 30 * DAY;
      this.tokens.add({
        token: ADMIN_OAUTH_TOKEN,
        userId: holder.id,
        clientId: ADMIN_OAUTH_APP,
        scopes: ['profile', 'admin'],
        appVerified: true,
        appConfidential: true,
        revokedAt: null,
        createdAt,
        expiresAt: createdAt + OAUTH_LIFETIME,
      });
    }
    this.world.markChanged();
  }

  /** 16 (or 64) lowercase hex digits from the seed and a counter: reproducible "random" values. */
  private hex(kind: string, length: number): string {
    this.counter += 1;
    return hexOf(sha256(`hackatime-kit:${this.world.seed}:${kind}:${this.counter}`)).slice(0, length);
  }

  /** A user row changed: the updated_at column moves and every kept answer is stale. */
  private touch(user: User, now: number): void {
    user.updatedAt = now;
    this.world.markChanged();
  }

  // --- admin keys (`admin_api_key.rb`) ----------------------------------------------------

  keyById(id: number): StaffKey | undefined {
    return this.keys.find((k) => k.id === id);
  }

  /**
   * The active key with this exact token and its owner (`keyauth:10-20`). A key whose owner lost
   * admin rights is revoked on the spot and matches nothing.
   */
  activeKey(token: string, now: number): { key: StaffKey; owner: User } | undefined {
    const key = this.keys.find((k) => k.revokedAt === null && k.token === token);
    const owner = key === undefined ? undefined : this.world.userById(key.ownerId);
    if (!key || !owner) return undefined;
    if (hasAdminAccess(owner)) return { key, owner };
    this.revokeKey(key, now);
    return undefined;
  }

  /** `name` present and unique among the owner's keys; the token is `hka_` + 64 hex. */
  createKey(owner: User, name: string, now: number): { key: StaffKey } | { errors: string[] } {
    if (name.trim() === '') return { errors: ["Name can't be blank"] };
    if (this.keys.some((k) => k.ownerId === owner.id && k.name === name)) return { errors: ['Name has already been taken'] };
    const key: StaffKey = {
      id: Math.max(0, ...this.keys.map((k) => k.id)) + 1,
      token: `hka_${this.hex('admin-key', 64)}`,
      name,
      ownerId: owner.id,
      createdAt: now,
      revokedAt: null,
    };
    this.keys.push(key);
    this.world.markChanged();
    return { key };
  }

  /** `revoke!`: `revoked_at = now`, `name` suffixed `_revoked_<16 hex>` (again on a second call). */
  revokeKey(key: StaffKey, now: number): void {
    key.revokedAt = now;
    key.name = `${key.name}_revoked_${this.hex('revoked', 16)}`;
    this.world.markChanged();
  }

  // --- trust levels (`User:151-161`, `:383-398`) ------------------------------------------

  /** Writes the level and its audit log row only when the level changes; returns whether it did. */
  setTrust(actor: User, target: User, level: TrustLevel, reason: string, notes: string | null, now: number): boolean {
    if (target.trustLevel === level) return false;
    this.trustLogs.push({
      id: Math.max(0, ...this.trustLogs.map((l) => l.id)) + 1,
      userId: target.id,
      changedById: actor.id,
      previous: target.trustLevel,
      next: level,
      reason,
      notes,
      createdAt: now,
    });
    this.remember(target);
    target.trustLevel = level;
    this.touch(target, now);
    return true;
  }

  /** The log as `GET /api/v1/banned_users/counts` reads it. */
  trustChanges(): TrustLevelChange[] {
    return this.trustLogs.map((l) => ({ userId: l.userId, to: l.next, at: l.createdAt }));
  }

  // --- admin levels -----------------------------------------------------------------------

  setAdminLevel(target: User, level: AdminLevel, now: number): void {
    if (target.adminLevel === level) return;
    this.remember(target);
    target.adminLevel = level;
    this.touch(target, now);
  }

  // --- leaderboard shadow-bans (`User:164-189`) -------------------------------------------

  shadowBan(actor: User, target: User, reason: string, expiresAt: number | null, now: number): void {
    this.remember(target);
    target.leaderboardShadowBanned = true;
    this.shadowBans.set(target.id, { reason, expiresAt, byId: actor.id });
    this.nextExpiry = earliestExpiry(this.shadowBans);
    this.touch(target, now);
  }

  liftShadowBan(target: User, now: number): void {
    this.remember(target);
    target.leaderboardShadowBanned = false;
    this.shadowBans.delete(target.id);
    this.nextExpiry = earliestExpiry(this.shadowBans);
    this.touch(target, now);
  }

  /**
   * `LeaderboardShadowbanExpirationJob`, run at each ban's expiry: a ban still in place whose
   * expiry has passed is lifted, its fields cleared and the user touched at that instant. Called
   * before every request with the mock's clock, so a ban lapses when the clock passes it; one
   * comparison while none is due.
   */
  lapseShadowBans(now: number): void {
    if (now < this.nextExpiry) return;
    for (const [id, ban] of [...this.shadowBans]) {
      if (ban.expiresAt === null || ban.expiresAt > now) continue;
      const user = this.world.userById(id);
      if (user) this.liftShadowBan(user, ban.expiresAt);
      else this.shadowBans.delete(id);
    }
    this.nextExpiry = earliestExpiry(this.shadowBans);
  }

  // --- deletion requests (`deletion_request.rb:24-27`) ------------------------------------

  deletionRequest(id: number): DeletionRequest | undefined {
    return this.deletionRequests.find((r) => r.id === id);
  }

  /** Approved by `actor`, deletion scheduled 30 days out; no status check, as upstream. */
  approve(request: DeletionRequest, actor: User, now: number): void {
    Object.assign(request, { status: 'approved', approvedById: actor.id, scheduledDeletionAt: now + 30 * DAY, updatedAt: now });
    this.restrictFromRequests(request.userId);
  }

  reject(request: DeletionRequest, now: number): void {
    Object.assign(request, { status: 'cancelled', updatedAt: now });
    this.restrictFromRequests(request.userId);
  }

  /** A pending or approved request restricts its user (`User:264-266`). */
  private restrictFromRequests(userId: number): void {
    const user = this.world.userById(userId);
    if (!user) return;
    this.remember(user);
    user.pendingDeletion = this.deletionRequests.some((r) => r.userId === userId && (r.status === 'pending' || r.status === 'approved'));
    // The request changed even when the user's flag did not.
    this.world.markChanged();
  }
}
