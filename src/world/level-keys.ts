/**
 * @module
 * The fixed Admin API keys of the seeded admin levels (`viewer`, `superadmin`, `ultraadmin`): like
 * the demo admin key of `fixtures/world/accounts.json`, `hka_` and 64 times one hex digit, the same
 * for every seed, so the reference page can pre-fill one without a running mock. Who holds each key
 * depends on the world (src/mock/staff/seed.ts gives them to its first users without a role).
 */
import type { User } from './types.js';

/** The admin levels other than the world's own `admin` user, each held by one seeded user. */
export const SEEDED_LEVELS = ['viewer', 'superadmin', 'ultraadmin'] as const satisfies readonly User['adminLevel'][];
export type SeededLevel = (typeof SEEDED_LEVELS)[number];

/**
 * The key of each seeded level.
 *
 * @example
 * LEVEL_KEYS.superadmin; // 'hka_cccc…' (64 c)
 */
export const LEVEL_KEYS: Readonly<Record<SeededLevel, string>> = {
  viewer: `hka_${'b'.repeat(64)}`,
  superadmin: `hka_${'c'.repeat(64)}`,
  ultraadmin: `hka_${'d'.repeat(64)}`,
};
