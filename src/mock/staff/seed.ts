/**
 * @module
 * What the admin API's tables hold in a fresh mock, derived from the world alone (so the same seed
 * gives the same rows): the world's admin keys plus one key for each of the other admin levels, whose
 * holders are the first users without a role; the trust-level audit log the world generated, as
 * rows; a pending deletion request for the pending-deletion user and a cancelled one for the
 * no-Slack user; the shadow-banned user's ban.
 */
import { LEVEL_KEYS, SEEDED_LEVELS, type SeededLevel } from '../../world/level-keys.js';
import type { World } from '../../world/store.js';
import type { TrustLevel, User } from '../../world/types.js';
import type { DeletionRequest, ShadowBan, StaffKey, TrustLog } from './records.js';

const DAY = 86_400_000;

/** The superadmin's second key. */
const SPARE_KEY = `hka_${'c'.repeat(60)}0000`;

/** The OAuth access token with the `admin` scope the superadmin holds, from the seed's admin app. */
export const ADMIN_OAUTH_TOKEN = 'demo-oauth-admin';
export const ADMIN_OAUTH_APP = 'demo-admin-console';

export interface StaffSeed {
  /** Level holders by level (user ids). */
  levels: Partial<Record<SeededLevel, number>>;
  keys: StaffKey[];
  /** Who the seeded trust-level log rows name as their author ({@link seededTrustLogs}). */
  actorId: number;
  deletionRequests: DeletionRequest[];
  shadowBans: Map<number, ShadowBan>;
}

const holderOf = (world: World, username: string): User | undefined => world.userByUsername(username);

/**
 * The first users (by id) who hold none of the world's one-person roles (the currently-hacking ones
 * qualify), one per seeded level; a world too small for all three leaves the last ones out.
 */
function levelHolders(world: World): Partial<Record<SeededLevel, number>> {
  const taken = new Set(Object.values(world.roles).filter((holder): holder is string => typeof holder === 'string'));
  const holders: Partial<Record<SeededLevel, number>> = {};
  const levels: readonly SeededLevel[] = SEEDED_LEVELS;
  // By id, and no further than the last level needs: users are made when first read.
  let found = 0;
  for (let id = 1; id <= world.userCount && found < levels.length; id++) {
    const u = world.userById(id);
    if (u && u.username !== null && !taken.has(u.username) && u.adminLevel === 'default') holders[levels[found++] as SeededLevel] = u.id;
  }
  return holders;
}

function seededKeys(world: World, levels: Partial<Record<SeededLevel, number>>): StaffKey[] {
  const keys: StaffKey[] = world.adminKeys.map((k, i) => ({
    id: i + 1,
    token: k.token,
    // A revoked key was renamed when it was revoked (`admin_api_key.rb:19-21`).
    name: k.active ? `Admin console ${i + 1}` : `Old laptop_revoked_${(i + 1).toString(16).padStart(16, '0')}`,
    ownerId: k.ownerId,
    createdAt: world.now - (90 - i) * DAY,
    revokedAt: k.active ? null : world.now - 30 * DAY,
  }));
  for (const level of SEEDED_LEVELS) {
    const ownerId = levels[level];
    if (ownerId === undefined) continue;
    keys.push({
      id: keys.length + 1,
      token: LEVEL_KEYS[level],
      name: `${level[0]?.toUpperCase()}${level.slice(1)} key`,
      ownerId,
      createdAt: world.now - 60 * DAY,
      revokedAt: null,
    });
  }
  // A second key of the superadmin, for clients (the contract runner) to revoke without locking themselves out.
  if (levels.superadmin !== undefined)
    keys.push({
      id: keys.length + 1,
      token: SPARE_KEY,
      name: 'Spare key',
      ownerId: levels.superadmin,
      createdAt: world.now - 30 * DAY,
      revokedAt: null,
    });
  return keys;
}

/** The world's changes as rows: each says what the user's level was before, as the log does. */
export function seededTrustLogs(world: World, actorId: number): TrustLog[] {
  const last = new Map<number, TrustLevel>();
  return world.trustLevelChanges.map((change, i) => {
    const previous = last.get(change.userId) ?? 'blue';
    last.set(change.userId, change.to);
    return {
      id: i + 1,
      userId: change.userId,
      changedById: actorId,
      previous,
      next: change.to,
      reason: change.to === 'red' ? 'Seeded: automated fraud review' : 'Seeded: manual review',
      notes: null,
      createdAt: change.at,
    };
  });
}

function seededDeletionRequests(world: World): DeletionRequest[] {
  const requests: DeletionRequest[] = [];
  const pending = holderOf(world, world.roles.pendingDeletion);
  if (pending) {
    const at = world.now - 3 * DAY;
    requests.push({
      id: 1,
      userId: pending.id,
      status: 'pending',
      requestedAt: at,
      scheduledDeletionAt: null,
      completedAt: null,
      approvedById: null,
      createdAt: at,
      updatedAt: at,
    });
  }
  const cancelled = holderOf(world, world.roles.noSlack);
  if (cancelled) {
    const at = world.now - 12 * DAY;
    requests.push({
      id: requests.length + 1,
      userId: cancelled.id,
      status: 'cancelled',
      requestedAt: at,
      scheduledDeletionAt: null,
      completedAt: null,
      approvedById: null,
      createdAt: at,
      updatedAt: at + DAY,
    });
  }
  return requests;
}

/**
 * @example
 * const seed = staffSeed(world);
 * seed.keys.find((k) => k.token === LEVEL_KEYS.viewer)?.ownerId === seed.levels.viewer; // true
 */
export function staffSeed(world: World): StaffSeed {
  const levels = levelHolders(world);
  const admin = holderOf(world, world.roles.admin);
  const actorId = admin?.id ?? 2;
  const shadowBans = new Map<number, ShadowBan>();
  const banned = holderOf(world, world.roles.shadowBanned);
  if (banned) shadowBans.set(banned.id, { reason: 'Seeded: suspicious activity', expiresAt: null, byId: actorId });
  return {
    levels,
    keys: seededKeys(world, levels),
    actorId,
    deletionRequests: seededDeletionRequests(world),
    shadowBans,
  };
}
