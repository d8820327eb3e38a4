/**
 * @module
 * `/api/summary`: the user's time per project and language over the window, in the Wakapi shape
 * (the user and the window read by ../params/summary-target.ts and ../params/summary-window.ts).
 */
import { groupedSecondsOf } from '../../world/durations.js';
import type { RowView, TimeWindow } from '../../world/index.js';
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { displayLanguageName, isBlank } from '../rails/present/display-names.js';
import { isoSeconds } from '../rails/present/format-date.js';

export interface SummaryItem {
  key: string;
  total: number;
}

/** Per stored value (null and '' are separate groups, as in SQL), blank shown as "Other", longest first. */
function items(rows: RowView, field: 'project' | 'language'): SummaryItem[] {
  return [...groupedSecondsOf(rows.times, rows.strings(field))]
    .map(([value, total]) => {
      const name = isBlank(value) ? 'Other' : value;
      return { key: field === 'language' ? displayLanguageName(name) : name, total };
    })
    .sort((a, b) => b.total - a.total);
}

export function publicSummary(world: World, user: User, window: TimeWindow, userParam: string | undefined) {
  // The service's scope is `time >= from AND time < to`, with `to` at 23:59:59.
  const rows = world.viewBetween(user.id, { from: window.from, to: window.to, toExclusive: true });
  return {
    user_id: userParam ?? null,
    from: isoSeconds(window.from * 1000),
    to: isoSeconds(window.to * 1000),
    projects: items(rows, 'project'),
    languages: items(rows, 'language'),
    editors: {},
    operating_systems: {},
    machines: {},
    categories: {},
    branches: {},
    entities: {},
    labels: {},
  };
}
