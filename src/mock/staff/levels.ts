/**
 * @module
 * Admin levels and the rank rules of the real server's `User` model (`app/models/user.rb:59-76`,
 * `:112-145`, `:164-168`, `:374-379`). The enum numbers are not the privilege order: ranks are
 * default 0 < viewer 1 < admin 2 < superadmin 3 < ultraadmin 4 (`User::ADMIN_LEVEL_RANK`).
 */
import type { User } from '../../world/types.js';

export type AdminLevel = User['adminLevel'];

/** `users.admin_level` enum values (`User:59-65`): the storage order `GET /permissions` sorts by. */
export const ADMIN_LEVEL_VALUES: Readonly<Record<AdminLevel, number>> = {
  default: 0,
  superadmin: 1,
  admin: 2,
  viewer: 3,
  ultraadmin: 4,
};

const RANK: Readonly<Record<AdminLevel, number>> = { default: 0, viewer: 1, admin: 2, superadmin: 3, ultraadmin: 4 };

export const isAdminLevel = (value: unknown): value is AdminLevel => typeof value === 'string' && Object.hasOwn(RANK, value);

const rankOf = (level: AdminLevel): number => RANK[level];

/** Levels that may use the admin API at all (`AdminApiKeyAuthentication`, `keyauth:6`). */
export const hasAdminAccess = (user: User): boolean => user.adminLevel !== 'default';

/** `admin_level_admin_or_above?`: admin, superadmin, ultraadmin (`can_write!`, shadow-bans). */
export const canWrite = (user: User): boolean => rankOf(user.adminLevel) >= RANK.admin;

/** `require_superadmin` (deletion requests, permissions): superadmin or ultraadmin. */
export const isSuperadmin = (user: User): boolean => rankOf(user.adminLevel) >= RANK.superadmin;

/** Not oneself, and strictly above the target's current level (`User:374-379`). */
export const outranks = (actor: User, target: User): boolean =>
  actor.id !== target.id && rankOf(actor.adminLevel) > rankOf(target.adminLevel);

/**
 * `can_change_trust_of?` (`User:138-145`): admin or above, outranks the target, and `red` only for
 * superadmins and ultraadmins (`can_convict_users?`).
 * @example
 * canChangeTrust(admin, someone, 'red'); // false: a plain admin cannot convict
 */
export function canChangeTrust(actor: User, target: User, level: User['trustLevel']): boolean {
  if (!canWrite(actor) || !outranks(actor, target)) return false;
  return level !== 'red' || isSuperadmin(actor);
}

/**
 * The 403 message of `PATCH /permissions/{id}` (`msg:17-27`), or `undefined` when the change is
 * allowed (`User:125-133`): superadmin or above, outranks the target, grants no more than its own
 * rank, and only ultraadmins grant or touch `ultraadmin`.
 */
export function levelChangeRefusal(actor: User, target: User, level: AdminLevel): string | undefined {
  if (actor.id === target.id) return 'You cannot change your own admin level.';
  if (level === 'ultraadmin' && actor.adminLevel !== 'ultraadmin') return 'Only ultraadmins can grant the ultraadmin role.';
  if (target.adminLevel === 'ultraadmin') return "Only ultraadmins can change an ultraadmin's role.";
  const allowed = isSuperadmin(actor) && outranks(actor, target) && rankOf(actor.adminLevel) >= rankOf(level);
  return allowed ? undefined : "You are not authorized to change this user's admin level.";
}
