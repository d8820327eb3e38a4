/**
 * @module
 * The rows the admin API reads and writes beside the world's users, shaped after the real server's
 * tables (`admin_api_keys`, `trust_level_audit_logs`, `deletion_requests`, the shadow-ban columns of
 * `users`). Times are epoch milliseconds.
 */
import type { TrustLevel, User } from '../../world/types.js';

/** `admin_api_keys` (`app/models/admin_api_key.rb`): the token is kept to match it exactly. */
export interface StaffKey {
  id: number;
  token: string;
  name: string;
  ownerId: number;
  createdAt: number;
  revokedAt: number | null;
}

/** `trust_level_audit_logs`. */
export interface TrustLog {
  id: number;
  userId: number;
  changedById: number;
  previous: TrustLevel;
  next: TrustLevel;
  reason: string | null;
  notes: string | null;
  createdAt: number;
}

type DeletionStatus = 'pending' | 'approved' | 'cancelled' | 'completed';

/** `deletion_requests` (`app/models/deletion_request.rb`). */
export interface DeletionRequest {
  id: number;
  userId: number;
  status: DeletionStatus;
  requestedAt: number;
  scheduledDeletionAt: number | null;
  completedAt: number | null;
  approvedById: number | null;
  createdAt: number;
  updatedAt: number;
}

/** The shadow-ban columns of `users` besides the flag the world's user carries. */
export interface ShadowBan {
  reason: string | null;
  expiresAt: number | null;
  byId: number | null;
}

/** The user columns admin writes change; kept to put the seeded values back on reset. */
export type UserColumns = Pick<User, 'trustLevel' | 'adminLevel' | 'leaderboardShadowBanned' | 'pendingDeletion' | 'updatedAt'>;

export const userColumns = (u: User): UserColumns => ({
  trustLevel: u.trustLevel,
  adminLevel: u.adminLevel,
  leaderboardShadowBanned: u.leaderboardShadowBanned,
  pendingDeletion: u.pendingDeletion,
  updatedAt: u.updatedAt,
});
