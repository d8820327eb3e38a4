/**
 * @module
 * Users' plans (day-plan.ts), made on demand: a world of a hundred thousand users makes only the
 * people at start (and each seeded user's choice of projects, which its user row shows); the rest
 * of a user's habits and its plan wait for the first read of its history. Everything here is data,
 * so two worlds from the same seed compare equal.
 */
import { type ActivityProfile, type BranchWords, seededProfile } from './activity-profile.js';
import type { UserPlan } from './day-plan.js';
import type { WorldFixtures } from './fixtures.js';
import type { People } from './people.js';
import type { Person, SeededRole } from './population.js';
import type { Random } from './random.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** What every plan of a world shares. */
export interface PlanContext {
  root: Random;
  words: BranchWords;
  fixtures: WorldFixtures;
  now: number;
  days: number;
  /** The instant of each currently-hacking user's last heartbeat. */
  live: Map<number, number>;
  /** The user that posted the one `test_entry` heartbeat. */
  testEntryUser: number;
}

/** A user's plan from its habits. */
export function planFor(person: Person, profile: ActivityProfile, c: PlanContext): UserPlan {
  const { now } = c;
  const role: SeededRole | null = person.role;
  const visibleWhileExcluded = role === 'banned' || role === 'noGithub' || role === 'shadowBanned' || role === 'privateStats';
  const lastHeartbeatAt = c.live.get(person.user.id);
  const ai = c.root.fork(`ai:${person.user.id}`);
  return {
    userId: person.user.id,
    zone: person.user.timezone,
    profile,
    root: c.root,
    now,
    days: c.days,
    forcedDays: visibleWhileExcluded ? 2 : 0,
    recentWithinHours: visibleWhileExcluded ? 20 : null,
    live: lastHeartbeatAt === undefined ? null : { lastHeartbeatAt, project: null },
    testEntryAt: person.user.id === c.testEntryUser ? now - 2 * DAY - 3 * HOUR : null,
    aiModel: ai.pick(c.fixtures.aiModels),
    aiPlan: ai.pick(c.fixtures.aiSubscriptionPlans),
  };
}

/**
 * Every user's plan, made when asked for (the same plan each time).
 * @example
 * const plans = new SeededPlans(people, context, demoPlan);
 * plans.of(3)?.zone;
 */
export class SeededPlans {
  constructor(
    private readonly people: People,
    private readonly context: PlanContext,
    /** Fixed accounts' plans, made at start. */
    private readonly fixed: ReadonlyMap<number, UserPlan>,
  ) {}

  of(userId: number): UserPlan | undefined {
    const fixed = this.fixed.get(userId);
    if (fixed) return fixed;
    const person = this.people.person(userId);
    const choice = this.people.choice(userId);
    if (!person || !choice) return undefined;
    const c = this.context;
    const profile = seededProfile(c.fixtures, person.firstName, choice, c.words, c.root.fork(`profile:${userId}`), c.now);
    // Every fourth user imported their older history from WakAPI.
    if (userId % 4 === 3) profile.importedBefore = c.now - 21 * DAY;
    return planFor(person, profile, c);
  }
}
