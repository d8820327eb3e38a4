/**
 * @module
 * The removed `POST /api/v1/external/slack/oauth` (upstream `0186bb03`) with Slack simulated. The
 * mock never calls Slack; a token means, by convention:
 *
 * | token | Slack says | answer |
 * |---|---|---|
 * | `xoxp-<Slack UID of a world user>` | that user | `200` with the user |
 * | `xoxp-new-<name>` (`[A-Za-z0-9._-]+`) | a Slack user without Hackatime account, display name `<name>`, email `<lower-cased name>@slack.test` | `201` (not persisted) |
 * | `xoxp-noemail-<name>` | such a user without an email | `400 Email not found` |
 * | `xoxp-nouser` | `auth.test` ok but without `user_id` | `400 User ID not found` |
 * | `xoxp-error` | a non-JSON answer (an exception) | `500 Internal server error` |
 * | anything else, an unknown UID included | not ok / no profile | `401 Invalid Slack token` |
 */

import type { World } from '../../world/store.js';
import { error } from '../errors.js';
import { json, type MockReply } from '../handler.js';
import { displayName } from '../rails/present/display-names.js';

const NAME = '[A-Za-z0-9._-]+';
const EXISTING = /^xoxp-(U[A-Z0-9]+)$/;
const NEW_USER = new RegExp(`^xoxp-new-(${NAME})$`);
const NO_EMAIL = new RegExp(`^xoxp-noemail-(${NAME})$`);

/**
 * The action, for the token read by ../params/slack-token.ts. A new user is answered with the id its row would get and the display name Slack gives
 * it, but the world's users are fixed: it is not stored, so the same token answers `201` again.
 */
export function slackOauthUser(world: World, value: string): MockReply {
  if (value === 'xoxp-error') throw error(500, 'Internal server error');
  if (value === 'xoxp-nouser') throw error(400, 'User ID not found');

  const uid = EXISTING.exec(value)?.[1];
  const existing = uid === undefined ? undefined : world.userBySlackUid(uid);
  if (existing) return json({ user_id: existing.id, username: displayName(existing), email: existing.emails[0] ?? null });

  if (NO_EMAIL.test(value)) throw error(400, 'Email not found');
  const name = NEW_USER.exec(value)?.[1];
  if (name === undefined) throw error(401, 'Invalid Slack token');
  const nextId = world.users.reduce((max, u) => Math.max(max, u.id), 0) + 1;
  return json({ user_id: nextId, username: name, email: `${name.toLowerCase()}@slack.test` }, 201);
}
