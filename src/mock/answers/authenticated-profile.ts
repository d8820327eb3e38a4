/**
 * @module
 * What `/api/v1/authenticated/me` and `/authenticated/api_keys` tell an OAuth app about its user:
 * the profile with the trust level masked unless the token's app is verified and confidential,
 * and the user's first API key.
 */
import { Random } from '../../world/random.js';
import type { World } from '../../world/store.js';
import { type OAuthToken, TRUST_VALUES, type User } from '../../world/types.js';

/** `/authenticated/me`: yellow shows as blue except to a verified and confidential app. */
export function authenticatedMe(user: User, token: Pick<OAuthToken, 'appVerified' | 'appConfidential'> | undefined) {
  const raw = token?.appVerified === true && token.appConfidential;
  const level = raw || user.trustLevel !== 'yellow' ? user.trustLevel : 'blue';
  return {
    id: user.id,
    emails: user.emails.slice(),
    slack_id: user.slackUid,
    github_username: user.githubUsername,
    trust_factor: { trust_level: level, trust_value: TRUST_VALUES[level] },
  };
}

/**
 * The key the real server would create for a user without one. The world's key store is not
 * written to, so this is derived from the seed and the user id: repeated calls agree, but the
 * key is not accepted by the WakaTime-compatible endpoints.
 */
function derivedApiKey(seed: number, userId: number): string {
  return new Random(seed).fork(`authenticated-api-key:${userId}`).uuidV4();
}

/** `/authenticated/api_keys`: the user's first API key. */
export function authenticatedApiKey(world: World, userId: number) {
  return { token: world.apiKeysOf(userId)[0]?.token ?? derivedApiKey(world.seed, userId) };
}
