/**
 * @module
 * `GET …/users/current/stats/last_7_days`: WakaTime-style stats from 00:00 seven days ago to
 * 23:59:59 today in the user's zone (8 calendar days).
 */

import type { components } from '../../types/hackatime.js';
import { groupedSeconds, totalSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import { addDays, endOfLocalDay, localDate, startOfLocalDay } from '../../world/time-zone.js';
import type { Heartbeat, User } from '../../world/types.js';
import { localDater } from '../../world/zone-offsets.js';
import { displayEditorName, displayLanguageName, displayOsName, isBlank } from '../rails/present/display-names.js';
import { digitalTimeUnpadded, hms, hrsMins, percent, rubyRound } from '../rails/present/format.js';
import { isoInZone } from '../rails/present/format-date.js';

/** One entry of a list, as the spec's `Last7DaysItem` schema declares it. */
type Last7DaysItem = components['schemas']['Last7DaysItem'];

type GroupField = 'editor' | 'language' | 'machine' | 'project' | 'operating_system';

const DISPLAY: Readonly<Record<GroupField, (name: string) => string>> = {
  editor: displayEditorName,
  operating_system: displayOsName,
  language: displayLanguageName,
  project: (name) => name,
  machine: (name) => name,
};

function item(name: string, seconds: number, share: number): Last7DaysItem {
  const { hours, minutes, seconds: rest } = hms(seconds);
  return {
    name,
    total_seconds: seconds,
    percent: share,
    digital: digitalTimeUnpadded(seconds),
    text: hrsMins(seconds),
    hours,
    minutes,
    seconds: rest,
  };
}

/**
 * One list: per raw value (null and '' are separate groups, as in SQL, though both show as
 * "unknown"), zero-time groups dropped, percent of the sum over all groups, longest first.
 */
function breakdown(rows: readonly Heartbeat[], field: GroupField): Last7DaysItem[] {
  const groups = groupedSeconds(rows, (hb) => hb[field]);
  let sum = 0;
  for (const seconds of groups.values()) sum += seconds;
  if (sum === 0) return [];
  return [...groups]
    .filter(([, seconds]) => seconds > 0)
    .map(([key, seconds]) => item(DISPLAY[field](isBlank(key) ? 'unknown' : key), seconds, percent(seconds, sum) ?? 0))
    .sort((a, b) => b.total_seconds - a.total_seconds);
}

export function last7Days(world: World, user: User, nowMs: number) {
  const zone = user.timezone;
  const today = localDate(nowMs, zone);
  const startMs = startOfLocalDay(addDays(today, -7), zone);
  const endMs = endOfLocalDay(today, zone);
  // `where(time: start.to_i..end_of_day.to_i)`: inclusive, so the window ends at 23:59:59.
  const rows = world.heartbeatsBetween(user.id, { from: Math.floor(startMs / 1000), to: Math.floor(endMs / 1000) - 1 });
  const total = totalSeconds(rows);
  const dateOf = localDater(zone);
  const days = new Set(rows.map((hb) => dateOf(hb.time * 1000))).size;
  const average = days > 0 ? rubyRound(total / days, 1) : 0;
  return {
    data: {
      username: user.slackUid,
      user_id: user.slackUid,
      start: isoInZone(startMs, zone),
      end: isoInZone(endMs - 1, zone),
      status: 'ok',
      total_seconds: total,
      daily_average: average,
      days_including_holidays: days,
      range: 'last_7_days',
      human_readable_range: 'Last 7 Days',
      human_readable_total: hrsMins(total),
      human_readable_daily_average: hrsMins(Math.trunc(average)),
      is_coding_activity_visible: true,
      is_other_usage_visible: true,
      editors: breakdown(rows, 'editor'),
      languages: breakdown(rows, 'language'),
      machines: breakdown(rows, 'machine'),
      projects: breakdown(rows, 'project'),
      operating_systems: breakdown(rows, 'operating_system'),
      categories: [item('coding', total, 100)],
    },
  };
}
