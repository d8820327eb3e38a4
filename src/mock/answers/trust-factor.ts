/**
 * @module
 * The trust factor the public outputs show (`/users/{username}/trust_factor`, the user stats body):
 * the stored trust level with a suspected (yellow) user masked as blue.
 */
import type { User } from '../../world/index.js';

/**
 * The masked trust level public outputs show: yellow (suspected) reads as blue.
 * @example
 * publicTrustFactor(user) // { trust_level: 'blue', trust_value: 0 } for a yellow user
 */
export function publicTrustFactor(user: User): { trust_level: 'blue' | 'red' | 'green'; trust_value: 0 | 1 | 2 } {
  if (user.trustLevel === 'red') return { trust_level: 'red', trust_value: 1 };
  if (user.trustLevel === 'green') return { trust_level: 'green', trust_value: 2 };
  return { trust_level: 'blue', trust_value: 0 };
}
