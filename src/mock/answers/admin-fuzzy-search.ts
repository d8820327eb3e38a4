/**
 * @module
 * `User.fuzzy_ranked_search` (`app/models/concerns/user_fuzzy_search.rb`): the users whose Slack uid
 * equals the stripped term, whose username, display-name override, GitHub or Slack name or any email
 * contains it (ILIKE), or whose id equals it; scored +1000 for the id or Slack uid, and for each name
 * and the best email +100 exact / +50 prefix / +10 contains (case-insensitive); ordered by score
 * descending, then username ascending (nulls last, as PostgreSQL sorts them).
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';

export interface FuzzyMatch {
  user: User;
  rankScore: number;
  /** The best-matching email (exact, prefix, contains, else the greatest), null without email. */
  matchedEmail: string | null;
}

type Grade = 100 | 50 | 10 | 0;

function grade(value: string | null, term: string): Grade {
  if (value === null) return 0;
  const v = value.toLowerCase();
  if (v === term) return 100;
  if (v.startsWith(term)) return 50;
  return v.includes(term) ? 10 : 0;
}

const greatest = (values: string[]): string | null => values.reduce<string | null>((max, v) => (max === null || v > max ? v : max), null);

function match(user: User, exact: string, term: string): FuzzyMatch | undefined {
  const names = [user.username, user.displayNameOverride, user.githubUsername, user.slackUsername];
  const emailGrades = user.emails.map((email) => ({ email, grade: grade(email, term) }));
  const isId = /^\d+$/.test(exact) && String(user.id) === exact;
  const isSlack = user.slackUid === exact;
  const candidate = isId || isSlack || names.some((n) => grade(n, term) > 0) || emailGrades.some((e) => e.grade > 0);
  if (!candidate) return undefined;
  const bestEmail = Math.max(0, ...emailGrades.map((e) => e.grade));
  const rankScore = (isId ? 1000 : 0) + (isSlack ? 1000 : 0) + names.reduce<number>((sum, n) => sum + grade(n, term), 0) + bestEmail;
  const withGrade = (g: Grade) => greatest(emailGrades.filter((e) => e.grade === g).map((e) => e.email));
  const matchedEmail = withGrade(100) ?? withGrade(50) ?? withGrade(10) ?? greatest(user.emails);
  return { user, rankScore, matchedEmail };
}

const byUsername = (a: User, b: User): number => {
  if (a.username === b.username) return a.id - b.id;
  if (a.username === null) return 1;
  if (b.username === null) return -1;
  return a.username < b.username ? -1 : 1;
};

/**
 * @example
 * fuzzySearch(world, 'demo', 10)[0]?.user.username; // 'demo' (exact username: +100)
 */
export function fuzzySearch(world: World, query: string, limit: number): FuzzyMatch[] {
  const exact = query.trim();
  if (exact === '') return [];
  const term = exact.toLowerCase();
  return world.users
    .map((user) => match(user, exact, term))
    .filter((m): m is FuzzyMatch => m !== undefined)
    .sort((a, b) => b.rankScore - a.rankScore || byUsername(a.user, b.user))
    .slice(0, limit);
}

/**
 * `User.search_identity` (`app/models/user.rb:211-229`): ids of the users whose Slack uid equals the
 * stripped term, whose username, Slack or GitHub name or any email contains it (ILIKE), or whose id
 * equals it (digits only). A blank term matches nobody.
 */
export function searchIdentity(world: World, term: string): Set<number> {
  const exact = term.trim();
  if (exact === '') return new Set();
  const lower = exact.toLowerCase();
  const contains = (v: string | null) => v?.toLowerCase().includes(lower) === true;
  return new Set(
    world.users
      .filter(
        (u) =>
          u.slackUid === exact ||
          contains(u.username) ||
          contains(u.slackUsername) ||
          contains(u.githubUsername) ||
          u.emails.some(contains) ||
          (/^\d+$/.test(exact) && u.id === Number(exact)),
      )
      .map((u) => u.id),
  );
}
