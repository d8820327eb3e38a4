/**
 * @module
 * `GET …/statusbar/today`: the user's coding time in their local today, and the daily goal.
 */
import { totalSeconds } from '../../world/durations.js';
import type { TimeWindow } from '../../world/index.js';
import type { World } from '../../world/store.js';
import { endOfLocalDay, localDate, startOfLocalDay } from '../../world/time-zone.js';
import type { User } from '../../world/types.js';
import { type GoalProgress, goalProgress } from './daily-goal.js';
import { extensionText, goalSuffix } from './statusbar-text.js';

export interface StatusbarToday {
  data: { grand_total: { text: string; total_seconds: number }; goal?: GoalProgress };
}

/**
 * Rails' `beginning_of_day.to_i..end_of_day.to_i` of the user's local today, in Unix seconds,
 * both ends inclusive (so the window stops at 23:59:59, not at the next midnight).
 */
function localTodayWindow(nowMs: number, zone: string): TimeWindow {
  const today = localDate(nowMs, zone);
  return { from: Math.floor(startOfLocalDay(today, zone) / 1000), to: Math.floor(endOfLocalDay(today, zone) / 1000) - 1 };
}

export function statusbarToday(world: World, user: User, nowMs: number): StatusbarToday {
  const today = world.heartbeatsBetween(user.id, localTodayWindow(nowMs, user.timezone));
  const total = totalSeconds(today);
  let text = extensionText(user, total, nowMs);
  if (user.dailyGoal === null) return { data: { grand_total: { text, total_seconds: total } } };
  text += goalSuffix(user, user.dailyGoal.targetSeconds);
  return { data: { grand_total: { text, total_seconds: total }, goal: goalProgress(user.dailyGoal, user, today) } };
}
