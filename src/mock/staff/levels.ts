/**
 * @module
 * Admin levels and the rank rules of the real server's `User` model (`app/models/user.rb:59-76`,
 * `:112-145`). Any level but `default` reaches the admin API.
 */
import type { User } from '../../world/types.js';

export type AdminLevel = User['adminLevel'];

/** Levels that may use the admin API at all (`AdminApiKeyAuthentication`, `keyauth:6`). */
export const hasAdminAccess = (user: User): boolean => user.adminLevel !== 'default';
