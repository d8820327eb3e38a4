/**
 * @module
 * `GET /api/admin/v1/user/info` and `/user/info_batch` (`user_utilities.rb:82-119`, `:279-292`): a user's
 * record with its heartbeat statistics, and the `as_json` of several users.
 */
import { totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { Heartbeat, User } from '../../world/types.js';
import { avatarUrl, displayName } from '../rails/present/display-names.js';
import { isoMillis } from '../rails/present/format-date.js';

const FROM = Date.UTC(2000, 0, 1) / 1000;
const TO = Date.UTC(2100, 0, 1) / 1000;

/** `time`, or `time / 1000` for a millisecond value, as the "valid" scope reads it (`uu:86`). */
const seconds = (hb: Heartbeat): number => (hb.time > 1e12 ? hb.time / 1000 : hb.time);

/**
 * @example
 * userInfo(world, demo).user.stats.total_heartbeats; // every heartbeat between 2000 and 2100
 */
export function userInfo(world: World, user: User) {
  const valid = world.heartbeatsOf(user.id).filter((hb) => seconds(hb) >= FROM && seconds(hb) <= TO);
  const last = valid.reduce<number | null>((max, hb) => (max === null || hb.time > max ? hb.time : max), null);
  const distinct = (pick: (hb: Heartbeat) => string | null) => new Set(valid.map(pick).filter((v) => v !== null)).size;
  return {
    user: {
      id: user.id,
      username: user.username,
      display_name: displayName(user),
      slack_uid: user.slackUid,
      slack_username: user.slackUsername,
      github_username: user.githubUsername,
      timezone: user.timezone,
      country_code: user.countryCode,
      admin_level: user.adminLevel,
      trust_level: user.trustLevel,
      suspected: user.trustLevel === 'yellow',
      banned: user.trustLevel === 'red',
      created_at: isoMillis(user.createdAt),
      updated_at: isoMillis(user.updatedAt),
      last_heartbeat_at: last === null ? null : last > 1e12 ? last / 1000 : last,
      email_addresses: user.emails,
      api_keys_count: world.apiKeysOf(user.id).length,
      stats: {
        total_heartbeats: valid.length,
        total_coding_time: valid.length === 0 ? 0 : totalSeconds(valid),
        languages_used: distinct((hb) => hb.language),
        projects_worked_on: distinct((hb) => hb.project),
        days_active: distinct((hb) => new Date(seconds(hb) * 1000).toISOString().slice(0, 10)),
      },
    },
  };
}

/** `users.as_json(only: […], methods: [:display_name, :avatar_url])`: columns in table order, then methods. */
export const userAsJson = (user: User) => ({
  id: user.id,
  username: user.username,
  slack_uid: user.slackUid,
  slack_username: user.slackUsername,
  github_username: user.githubUsername,
  timezone: user.timezone,
  country_code: user.countryCode,
  trust_level: user.trustLevel,
  slack_avatar_url: user.slackAvatarUrl,
  github_avatar_url: user.githubAvatarUrl,
  display_name: displayName(user),
  avatar_url: avatarUrl(user),
});
