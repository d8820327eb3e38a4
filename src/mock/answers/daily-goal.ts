/**
 * @module
 * `ProgrammingGoalsProgressService` for a daily goal: the time that counts toward it today, the
 * completion percentage and whether it is reached.
 */

import { totalSeconds } from '../../world/durations.js';
import type { DailyGoal, Heartbeat, User } from '../../world/types.js';
import { displayLanguageName, isBlank } from '../rails/present/display-names.js';

export interface GoalProgress {
  target_seconds: number;
  tracked_seconds: number;
  completion_percent: number;
  complete: boolean;
}

/**
 * Seconds toward the goal among today's heartbeats: archived projects are left out (a null
 * project never is), then the goal's project filter, then its language filter, which matches
 * the stored languages whose canonical name is one of the goal's; none matching is 0.
 */
function trackedSeconds(goal: DailyGoal, user: Pick<User, 'repoMappings'>, today: readonly Heartbeat[]): number {
  const archived = new Set(user.repoMappings.filter((m) => m.archived).map((m) => m.project));
  let rows = today.filter((hb) => hb.project === null || !archived.has(hb.project));
  if (goal.projects.length > 0) {
    const projects = new Set(goal.projects);
    rows = rows.filter((hb) => hb.project !== null && projects.has(hb.project));
  }
  if (goal.languages.length > 0) {
    const wanted = new Set(goal.languages);
    const matching = new Set<string>();
    for (const hb of rows) {
      if (!isBlank(hb.language) && wanted.has(displayLanguageName(hb.language))) matching.add(hb.language);
    }
    if (matching.size === 0) return 0;
    rows = rows.filter((hb) => hb.language !== null && matching.has(hb.language));
  }
  return totalSeconds(rows);
}

/** The goal object of the statusbar; the percentage is rounded half up and capped at 100. */
export function goalProgress(goal: DailyGoal, user: Pick<User, 'repoMappings'>, today: readonly Heartbeat[]): GoalProgress {
  const tracked = trackedSeconds(goal, user, today);
  return {
    target_seconds: goal.targetSeconds,
    tracked_seconds: tracked,
    completion_percent: Math.min(Math.round((tracked / goal.targetSeconds) * 100), 100),
    complete: tracked >= goal.targetSeconds,
  };
}
