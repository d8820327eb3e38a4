/**
 * @module
 * `WakatimeService#generate_daily_summaries`: one WakaTime-style summary per local calendar day,
 * time attributed forward (LEAD) within each day, plus the range's cumulative total and average.
 */

import type { components } from '../../types/hackatime.js';
import { dailyLeadSeconds } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import { addDays, endOfLocalDay, localDate, localDater, startOfLocalDay } from '../../world/time-zone.js';
import type { Heartbeat } from '../../world/types.js';
import { compareUtf8 } from '../bytes.js';
import type { SummariesRequest } from '../params/summaries-request.js';
import { isBlank } from '../rails/present/display-names.js';
import { decimalHours, digitalTime, hms, percent, summaryText } from '../rails/present/format.js';
import { isoSeconds, summaryDateText } from '../rails/present/format-date.js';

/** A duration in the summaries notation, as the spec's `SummariesDuration` schema declares it. */
type SummaryDuration = components['schemas']['SummariesDuration'];

interface DayAi {
  inputTokens: number;
  inputCount: number;
  outputTokens: number;
  outputCount: number;
  /** Lines changed per model, for heartbeats whose model is not blank. */
  models: Map<string, number>;
}

function duration(total: number): SummaryDuration {
  const { hours, minutes, seconds } = hms(total);
  return {
    total_seconds: total,
    hours,
    minutes,
    seconds,
    digital: digitalTime(total),
    decimal: decimalHours(total),
    text: summaryText(total),
  };
}

/** Ruby's `String#<=>`: bytewise over UTF-8. */
function compareBytes(a: string, b: string): number {
  return compareUtf8(a, b);
}

/** The server groups by (day, project, ai_model) before casting each sum to an integer. */
const groupKey = (hb: Heartbeat): string => JSON.stringify([hb.project, hb.ai_model]);

function aiByDay(rows: readonly Heartbeat[], zone: string): Map<string, DayAi> {
  const dateOf = localDater(zone);
  const days = new Map<string, DayAi>();
  for (const hb of rows) {
    if (hb.ai_input_tokens === null && hb.ai_output_tokens === null && isBlank(hb.ai_model)) continue;
    const date = dateOf(hb.time * 1000);
    let day = days.get(date);
    if (!day) {
      day = { inputTokens: 0, inputCount: 0, outputTokens: 0, outputCount: 0, models: new Map() };
      days.set(date, day);
    }
    if (hb.ai_input_tokens !== null) {
      day.inputTokens += hb.ai_input_tokens;
      day.inputCount += 1;
    }
    if (hb.ai_output_tokens !== null) {
      day.outputTokens += hb.ai_output_tokens;
      day.outputCount += 1;
    }
    if (!isBlank(hb.ai_model)) day.models.set(hb.ai_model, (day.models.get(hb.ai_model) ?? 0) + (hb.ai_line_changes ?? 0));
  }
  return days;
}

type GrandTotal = SummaryDuration & {
  ai_input_tokens?: number;
  ai_output_tokens?: number;
  ai_model_breakdown?: { name: string; lines: number }[];
};

function grandTotal(total: number, ai: DayAi | undefined): GrandTotal {
  const out: GrandTotal = duration(total);
  if (!ai) return out;
  if (ai.inputCount > 0) out.ai_input_tokens = ai.inputTokens;
  if (ai.outputCount > 0) out.ai_output_tokens = ai.outputTokens;
  if (ai.models.size > 0) {
    out.ai_model_breakdown = [...ai.models]
      .sort(([an, al], [bn, bl]) => bl - al || compareBytes(an, bn))
      .map(([name, lines]) => ({ name, lines }));
  }
  return out;
}

/** Seconds per display project name ("Other" for blank), and the day's total. */
function projectsOf(groups: ReadonlyMap<string, number> | undefined): { total: number; projects: Map<string, number> } {
  const projects = new Map<string, number>();
  let total = 0;
  for (const [key, seconds] of groups ?? []) {
    const [project] = JSON.parse(key) as [string | null, string | null];
    const name = isBlank(project) ? 'Other' : project;
    projects.set(name, (projects.get(name) ?? 0) + seconds);
    total += seconds;
  }
  return { total, projects };
}

export function dailySummaries(world: World, userId: number, req: SummariesRequest, nowMs: number) {
  const { start, end, timezone } = req;
  let rows = world.heartbeatsBetween(userId, {
    from: Math.floor(startOfLocalDay(start, timezone) / 1000),
    to: Math.floor(endOfLocalDay(end, timezone) / 1000),
    toExclusive: true,
  });
  if (req.project !== undefined) rows = rows.filter((hb) => hb.project === req.project);
  const seconds = dailyLeadSeconds(rows, timezone, groupKey);
  const ai = aiByDay(rows, timezone);
  const today = localDate(nowMs, timezone);

  const data = [];
  // Each day ends where the next begins: one Intl search per day instead of two.
  let dayStart = startOfLocalDay(start, timezone);
  for (let date = start; date <= end; date = addDays(date, 1)) {
    const nextStart = endOfLocalDay(date, timezone);
    const { total, projects } = projectsOf(seconds.get(date));
    data.push({
      grand_total: grandTotal(total, ai.get(date)),
      branches: [],
      categories: [],
      dependencies: [],
      editors: [],
      entities: [],
      languages: [],
      machines: [],
      operating_systems: [],
      projects: [...projects]
        .filter(([, s]) => s > 0)
        .sort(([an, as], [bn, bs]) => bs - as || compareBytes(an, bn))
        .map(([name, s]) => ({ ...duration(s), name, percent: percent(s, total) ?? 0 })),
      range: {
        date,
        start: isoSeconds(dayStart),
        end: isoSeconds(nextStart - 1),
        text: summaryDateText(date, today),
        timezone,
      },
    });
    dayStart = nextStart;
  }

  const total = data.reduce((sum, day) => sum + day.grand_total.total_seconds, 0);
  const active = data.filter((day) => day.grand_total.total_seconds > 0).length;
  const average = Math.floor(total / data.length);
  const whole = duration(total);
  return {
    data,
    // `seconds` is the range's total here, not the remainder after the minutes.
    cumulative_total: {
      hours: whole.hours,
      minutes: whole.minutes,
      seconds: total,
      digital: whole.digital,
      decimal: whole.decimal,
      text: whole.text,
    },
    daily_average: {
      holidays: data.length - active,
      days_including_holidays: data.length,
      days_minus_holidays: active,
      seconds: average,
      seconds_including_other_language: average,
      text: summaryText(average),
      text_including_other_language: summaryText(average),
    },
    start,
    end,
  };
}
