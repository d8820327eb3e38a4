/**
 * @module
 * `/api/v1/authenticated/hours`: the user's coded time from 00:00:00 UTC of `start_date` to
 * 23:59:59 UTC of `end_date` (the dates read by ../params/authenticated-hours.ts).
 */
import { totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { HoursRange } from '../params/authenticated-hours.js';
import { type Civil, daysFromCivil } from '../rails/ruby/civil.js';

const DAY_SECONDS = 86_400;

/** `Date#to_s` / `as_json`: `%Y-%m-%d`, the year at least four digits. */
function rubyDateString({ year, month, day }: Civil): string {
  const y = `${year < 0 ? '-' : ''}${String(Math.abs(year)).padStart(4, '0')}`;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The effective dates and the LAG total between them. */
export function authenticatedHours(world: World, userId: number, { start, end }: HoursRange) {
  const from = daysFromCivil(start.year, start.month, start.day) * DAY_SECONDS;
  const to = daysFromCivil(end.year, end.month, end.day) * DAY_SECONDS + DAY_SECONDS - 1;
  const rows = to < from ? [] : world.heartbeatsBetween(userId, { from, to });
  return { start_date: rubyDateString(start), end_date: rubyDateString(end), total_seconds: totalSeconds(rows) };
}
