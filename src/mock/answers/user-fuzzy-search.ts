/**
 * @module
 * `User.fuzzy_ranked_search` (`app/models/concerns/user_fuzzy_search.rb`): the admin API's user search.
 * Candidates match the term exactly by Slack UID or id, or contain it (`ILIKE`, `%`/`_` escaped) in
 * the username, display-name override, GitHub or Slack username or an email; each is scored.
 */
import type { User, World } from '../../world/index.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';

export interface RankedUser {
  user: User;
  /** The integer `rank_score`. */
  score: number;
  /** `matched_email`: the best-matching address (exact > prefix > contains > the greatest one), or null. */
  email: string | null;
}

const DIGITS = /^\d+$/;

/** `CASE WHEN x ILIKE exact THEN 100 WHEN prefix THEN 50 WHEN contains THEN 10 ELSE 0`, case folded. */
function fieldScore(value: string | null, term: string): number {
  if (value === null) return 0;
  const v = value.toLowerCase();
  if (v === term) return 100;
  if (v.startsWith(term)) return 50;
  return v.includes(term) ? 10 : 0;
}

/** `MAX(...)` of the addresses matching one tier, in the database's (code point) order. */
function greatest(values: readonly string[]): string | null {
  let best: string | null = null;
  for (const value of values) if (best === null || value > best) best = value;
  return best;
}

function matchedEmail(emails: readonly string[], term: string): string | null {
  for (const tier of [100, 50, 10]) {
    const found = greatest(emails.filter((email) => fieldScore(email, term) === tier));
    if (found !== null) return found;
  }
  return greatest(emails);
}

const byUsername = (a: User, b: User): number => {
  // `ORDER BY users.username ASC`: NULLs last.
  if (a.username === b.username) return 0;
  if (a.username === null) return 1;
  if (b.username === null) return -1;
  return a.username < b.username ? -1 : 1;
};

/**
 * Up to `limit` users, `rank_score DESC, username ASC` (then id, where the database leaves ties open).
 * A blank term finds nobody.
 * @example
 * fuzzyRankedSearch(world, 'demo', 20)[0]?.user.username // 'demo'
 */
export function fuzzyRankedSearch(world: World, rawTerm: string, limit: number): RankedUser[] {
  const exact = rubyStrip(rawTerm);
  if (exact.trim() === '') return [];
  const term = exact.toLowerCase();
  const numericId = DIGITS.test(exact) ? Number(exact) : undefined;
  const ranked: RankedUser[] = [];
  for (const user of world.users) {
    const fields = [user.username, user.displayNameOverride, user.githubUsername, user.slackUsername];
    const candidate =
      user.slackUid === exact ||
      user.id === numericId ||
      fields.some((field) => field?.toLowerCase().includes(term) === true) ||
      user.emails.some((email) => email.toLowerCase().includes(term));
    if (!candidate) continue;
    const emailScore = Math.max(0, ...user.emails.map((email) => fieldScore(email, term)));
    const score =
      (String(user.id) === exact ? 1000 : 0) +
      (user.slackUid === exact ? 1000 : 0) +
      fields.reduce((sum, field) => sum + fieldScore(field, term), 0) +
      emailScore;
    ranked.push({ user, score, email: matchedEmail(user.emails, term) });
  }
  return ranked.sort((a, b) => b.score - a.score || byUsername(a.user, b.user) || a.user.id - b.user.id).slice(0, limit);
}
