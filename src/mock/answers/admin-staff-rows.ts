/**
 * @module
 * Rows of the admin API's own tables as it renders them: admin keys (`admin_api_keys_controller.rb:65-80`),
 * deletion requests (`deletion_requests_controller.rb:54-67`), shadow-banned users
 * (`app/serializers/leaderboard_shadowban_serializer.rb`) and staff (`permissions_controller.rb:9-29`).
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { avatarUrl, displayName } from '../rails/present/display-names.js';
import { isoMillis, isoSeconds } from '../rails/present/format-date.js';
import type { DeletionRequest, ShadowBan, StaffKey } from '../staff/records.js';
import { adminActor, userRef } from './admin-people.js';

const must = (world: World, id: number): User => {
  const user = world.userById(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
};

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoMillis(ms));

/** The key as index and show render it: a 13-character preview, never the token. */
export const adminKeyJson = (world: World, key: StaffKey) => ({
  id: key.id,
  name: key.name,
  token_preview: `${key.token.slice(0, 13)}...`,
  user: adminActor(must(world, key.ownerId)),
  created_at: isoMillis(key.createdAt),
  revoked_at: isoOrNull(key.revokedAt),
  active: key.revokedAt === null,
});

export const deletionRequestJson = (world: World, request: DeletionRequest) => {
  const user = world.userById(request.userId);
  const approver = request.approvedById === null ? undefined : world.userById(request.approvedById);
  return {
    id: request.id,
    user_id: request.userId,
    user: user ? userRef(user) : null,
    status: request.status,
    requested_at: isoMillis(request.requestedAt),
    scheduled_deletion_at: isoOrNull(request.scheduledDeletionAt),
    completed_at: isoOrNull(request.completedAt),
    admin_approved_by: approver ? userRef(approver) : null,
    created_at: isoMillis(request.createdAt),
    updated_at: isoMillis(request.updatedAt),
  };
};

/** `LeaderboardShadowbanSerializer`: times with seconds only; the banning admin without an email. */
export const shadowBanUserJson = (world: World, user: User, ban: ShadowBan | undefined) => {
  const by = ban?.byId == null ? undefined : world.userById(ban.byId);
  return {
    id: user.id,
    display_name: displayName(user),
    avatar_url: avatarUrl(user),
    created_at: isoSeconds(user.createdAt),
    username: user.username,
    email: user.emails[0] ?? null,
    leaderboard_shadowbanned: user.leaderboardShadowBanned,
    leaderboard_shadowban_reason: ban?.reason ?? null,
    leaderboard_shadowban_expires_at: ban?.expiresAt == null ? null : isoSeconds(ban.expiresAt),
    shadowbanned_by: by
      ? { id: by.id, display_name: displayName(by), username: by.username, avatar_url: avatarUrl(by), admin_level: by.adminLevel }
      : null,
    updated_at: isoSeconds(user.updatedAt),
  };
};

/** A user with an admin level, as `GET /permissions` lists it. */
export const staffJson = (user: User) => ({
  id: user.id,
  username: user.username,
  display_name: displayName(user),
  slack_username: user.slackUsername,
  github_username: user.githubUsername,
  admin_level: user.adminLevel,
  email_addresses: user.emails,
  created_at: isoMillis(user.createdAt),
  updated_at: isoMillis(user.updatedAt),
});
