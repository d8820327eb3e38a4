/**
 * @module
 * Users as the admin API names them: the actor (`{id, username, display_name, admin_level}`, used by
 * `check`, the audit logs and the key list) and the short reference (`{id, username, display_name}`).
 */
import type { User } from '../../world/types.js';
import { displayName } from '../rails/present/display-names.js';

/**
 * @example
 * adminActor(admin); // { id: 2, username: 'admin', display_name: 'Heidi Admin', admin_level: 'admin' }
 */
export const adminActor = (user: User) => ({
  id: user.id,
  username: user.username,
  display_name: displayName(user),
  admin_level: user.adminLevel,
});

/** `{id, username, display_name}`: the subject of an audit log or deletion request. */
export const userRef = (user: User) => ({ id: user.id, username: user.username, display_name: displayName(user) });
