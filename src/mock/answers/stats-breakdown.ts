/**
 * @module
 * One list of the user stats summary (`WakatimeService#generate_summary_chunk`): time per language
 * or per project, each group measured against its own previous heartbeat.
 */
import type { components } from '../../types/hackatime.js';
import { groupedSecondsOf, type RowView } from '../../world/index.js';
import { displayLanguageName, isBlank, languageColor } from '../rails/present/display-names.js';
import { digitalTime, percent, shortTimeSimple } from '../rails/present/format.js';

/** One entry of a list, as the spec declares it: `StatsItem`, which languages extend with their `color`. */
export type StatsItem = components['schemas']['StatsItem'] & Partial<Pick<components['schemas']['LanguageStatsItem'], 'color'>>;

export interface BreakdownOptions {
  /** Test mode shows stored values (blank → `Other`) instead of display names. */
  rawNames: boolean;
  /** Entries kept; `undefined` keeps all. */
  limit: number | undefined;
}

/**
 * Groups by the stored value (`null` and `''` stay apart, as in SQL, though both are shown as
 * `Other`), sorted by time descending — ties keep first-seen order where Ruby's unstable sort
 * leaves it open — and cut to the limit.
 * @param total the summary's `total_seconds`, the base of `percent` (`null` when 0).
 */
export function breakdown(rows: RowView, by: 'language' | 'project', total: number, options: BreakdownOptions): StatsItem[] {
  const items = [...groupedSecondsOf(rows.times, rows.strings(by))].map(([key, seconds]) => {
    const stored = isBlank(key) ? 'Other' : key;
    const item: StatsItem = {
      name: by === 'language' && !options.rawNames ? displayLanguageName(stored) : stored,
      total_seconds: seconds,
      text: shortTimeSimple(seconds),
      hours: Math.trunc(seconds / 3600),
      minutes: Math.trunc((seconds % 3600) / 60),
      percent: percent(seconds, total, 'scale-first'),
      digital: digitalTime(seconds),
    };
    if (by === 'language') item.color = languageColor(key);
    return item;
  });
  items.sort((a, b) => b.total_seconds - a.total_seconds);
  return options.limit === undefined ? items : items.slice(0, options.limit);
}
