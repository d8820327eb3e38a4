/**
 * @module
 * `Heartbeat.duration_seconds_boundary_aware`: a window's total that also counts the gap from the
 * last heartbeat before the window into it.
 */
import { HEARTBEAT_TIMEOUT_SECONDS, type Heartbeat, lowerBound, pgInteger } from '../../../world/index.js';

/** The categories boundary-aware totals always leave out (compared lower-cased). */
export const BOUNDARY_EXCLUDED = ['browsing', 'meeting', 'communicating'];

/** `NOT (LOWER(category) IN (…))` of a category: SQL NULL semantics drop uncategorised rows too. */
export const categoryNotIn = (excluded: readonly string[]) => (category: string | null) =>
  excluded.length === 0 || (category !== null && !excluded.includes(category.toLowerCase()));

/** `NOT (LOWER(category) IN (…))`: SQL NULL semantics drop uncategorised rows too. */
export const notInCategories = (excluded: readonly string[]) => {
  const outside = categoryNotIn(excluded);
  return (hb: Heartbeat) => outside(hb.category);
};

/**
 * The real server rebuilds the scope from the user, project and category conditions only, so the
 * window here is `start <= time <= end` (inclusive end, unlike the summary it belongs to), led in by
 * the last matching heartbeat before `start`. Only gaps ending inside the window are summed.
 * @param rows one user's heartbeats, ascending by (time, id)
 * @param matches the scope's conditions (valid timestamp, excluded categories, project/category lists)
 */
export function boundaryAwareSeconds(rows: readonly Heartbeat[], start: number, end: number, matches: (hb: Heartbeat) => boolean): number {
  const first = lowerBound(rows, start);
  let previous: number | undefined;
  for (let i = first - 1; i >= 0 && previous === undefined; i--) {
    const row = rows[i] as Heartbeat;
    if (matches(row)) previous = row.time;
  }
  let sum = 0;
  for (let i = first; i < rows.length; i++) {
    const row = rows[i] as Heartbeat;
    if (row.time > end) break;
    if (!matches(row)) continue;
    if (previous !== undefined) sum += Math.min(row.time - previous, HEARTBEAT_TIMEOUT_SECONDS);
    previous = row.time;
  }
  return pgInteger(sum);
}
