/**
 * @module
 * The coding streak (`Heartbeatable.daily_streaks_for_users`, endpoints 9 and 21).
 */
import { dailyLagSeconds } from './durations.js';
import type { RowView } from './row-view.js';
import type { TimeWindow } from './sorted.js';
import { addDays, isValidTimeZone, localDate } from './time-zone.js';

/** A day counts toward the streak from 15 minutes on. */
const STREAK_MIN_SECONDS = 15 * 60;
/** Only heartbeats of the last 31 days are read. */
const STREAK_LOOKBACK_DAYS = 31;

/**
 * The window the streak query reads: `[now - 31 days, now]`.
 * @example
 * streakDays(world.viewBetween(userId, streakWindow(now)), zone, now);
 */
export function streakWindow(nowMs: number): TimeWindow {
  const nowSeconds = nowMs / 1000;
  return { from: nowSeconds - STREAK_LOOKBACK_DAYS * 86_400, to: nowSeconds };
}

/**
 * Consecutive local days ending today or yesterday with at least 15 minutes each. Time counts
 * from heartbeats whose category is set and is not `browsing` (SQL's `category <> 'browsing'`
 * also drops NULL), gaps are taken within each local day (120 s cap), and only the window
 * {@link streakWindow} is read. An unknown zone falls back to UTC, as upstream.
 * @param rows one user's heartbeats (at least those of the window), in (time, id) order
 */
export function streakDays(rows: RowView, zone: string, nowMs: number): number {
  const tz = isValidTimeZone(zone) ? zone : 'UTC';
  const window = rows.slice(streakWindow(nowMs));
  const categoryOf = window.reader('category');
  const counted = window.where((r) => {
    const category = categoryOf(r);
    return category !== null && category !== 'browsing';
  });
  const today = localDate(nowMs, tz);
  const eligible = [...dailyLagSeconds(counted.times, tz)]
    .filter(([date, seconds]) => date <= today && seconds >= STREAK_MIN_SECONDS)
    .map(([date]) => date)
    .sort()
    .reverse();
  let streak = 0;
  let expected = eligible[0] === today ? today : addDays(today, -1);
  for (const date of eligible) {
    if (date === expected) {
      streak += 1;
      expected = addDays(expected, -1);
    } else if (date < expected) {
      break;
    }
  }
  return streak;
}
