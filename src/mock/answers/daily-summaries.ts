/**
 * @module
 * `WakatimeService#generate_daily_summaries`: one WakaTime-style summary per local calendar day,
 * time attributed forward (LEAD) within each day, plus the range's cumulative total and average.
 */

import type { components } from '../../types/hackatime.js';
import { dailyLeadSecondsOf } from '../../world/durations.js';
import { RowView } from '../../world/row-view.js';
import type { World } from '../../world/store.js';
import { addDays, localDate, utcDate } from '../../world/time-zone.js';
import { localDater, localDayEnd, localDayStart, localDayStartAt } from '../../world/zone-offsets.js';
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
const groupKey = (project: string | null, aiModel: string | null): string => JSON.stringify([project, aiModel]);

const DAY_MS = 86_400_000;

function aiByDay(rows: RowView, zone: string): Map<string, DayAi> {
  const dateOf = localDater(zone);
  const days = new Map<string, DayAi>();
  // Each distinct model is judged once: a blank one (Ruby's `blank?`) is no model.
  const { ids: modelIds, values: models } = rows.strings('ai_model');
  const modelOf = models.map((model) => (isBlank(model) ? null : model));
  const inputs = rows.counts('ai_input_tokens');
  const outputs = rows.counts('ai_output_tokens');
  const lineChanges = rows.counts('ai_line_changes');
  for (let r = 0; r < rows.length; r++) {
    const aiModel = modelOf[modelIds[r] as number] ?? null;
    const input = inputs[r] as number;
    const output = outputs[r] as number;
    if (aiModel === null && Number.isNaN(input) && Number.isNaN(output)) continue;
    const date = dateOf((rows.times[r] as number) * 1000);
    let day = days.get(date);
    if (!day) {
      day = { inputTokens: 0, inputCount: 0, outputTokens: 0, outputCount: 0, models: new Map() };
      days.set(date, day);
    }
    if (!Number.isNaN(input)) {
      day.inputTokens += input;
      day.inputCount += 1;
    }
    if (!Number.isNaN(output)) {
      day.outputTokens += output;
      day.outputCount += 1;
    }
    if (aiModel !== null) {
      const lines = lineChanges[r] as number;
      day.models.set(aiModel, (day.models.get(aiModel) ?? 0) + (Number.isNaN(lines) ? 0 : lines));
    }
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
  const rangeStart = localDayStart(start, timezone);
  let rows = world.viewBetween(userId, {
    from: Math.floor(rangeStart / 1000),
    to: Math.floor(localDayEnd(end, timezone) / 1000),
    toExclusive: true,
  });
  if (req.project !== undefined) {
    const projectOf = rows.reader('project');
    rows = rows.where((r) => projectOf(r) === req.project);
  }
  const seconds = dailyLeadSecondsOf(rows.times, RowView.paired(rows.strings('project'), rows.strings('ai_model'), groupKey), timezone);
  const ai = aiByDay(rows, timezone);
  const today = localDate(nowMs, timezone);

  const yesterday = addDays(today, -1);
  const data = [];
  // Each day ends where the next begins; the days are walked by number (UTC midnights), each date
  // written once.
  let dayStart = rangeStart;
  const lastMidnight = Date.parse(`${end}T00:00:00Z`);
  for (let midnight = Date.parse(`${start}T00:00:00Z`); midnight <= lastMidnight; midnight += DAY_MS) {
    const date = utcDate(midnight);
    const nextStart = localDayStartAt(midnight + DAY_MS, timezone);
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
        text: summaryDateText(date, today, yesterday),
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
