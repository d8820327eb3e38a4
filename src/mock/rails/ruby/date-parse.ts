/**
 * @module
 * Ruby's `Date.parse(text, false)` and `DateTime.parse(text, false)` — what Rails'
 * `String#to_date` and `String#to_datetime` call — on top of `Date._parse`. Unlike `Time.parse`
 * they never roll over: a date that does not exist (Feb 30, month 13) is an error. Missing parts
 * are completed from today (the server's clock, in UTC) by Ruby's table of field groups; a
 * zone-less DateTime is UTC. `Date.iso8601` ends in the same `d_new_by_frags`.
 */
import {
  type Civil,
  civilFromDays,
  commercialOf,
  daysFromCivil,
  daysFromCommercial,
  daysFromWeeknum,
  isGregorianLeap,
  isValidRubyCivil,
  weekday,
  weeknumOf,
} from './civil.js';
import { type DateFragments, dateFragments, num2int } from './date-fragments.js';
import type { RubyTime } from './time-parse.js';

/** `Date::Error` (an ArgumentError): the text names no valid date. */
export class InvalidDateError extends Error {
  override readonly name = 'InvalidDateError';
}

type Field = 'year' | 'mon' | 'mday' | 'yday' | 'wday' | 'cwyear' | 'cweek' | 'cwday' | 'wnum0' | 'wnum1' | 'hour' | 'min' | 'sec' | 'days';
type Frags = Partial<Record<Field, number>>;

/** `rt_complete_frags`' table: the group with the most fields present decides how to complete. */
const GROUPS: ReadonlyArray<readonly [string | null, readonly Field[]]> = [
  ['time', ['hour', 'min', 'sec']],
  [null, ['days']],
  ['ordinal', ['year', 'yday', 'hour', 'min', 'sec']],
  ['civil', ['year', 'mon', 'mday', 'hour', 'min', 'sec']],
  ['commercial', ['cwyear', 'cweek', 'cwday', 'hour', 'min', 'sec']],
  ['wday', ['wday', 'hour', 'min', 'sec']],
  ['wnum0', ['year', 'wnum0', 'wday', 'hour', 'min', 'sec']],
  ['wnum1', ['year', 'wnum1', 'wday', 'hour', 'min', 'sec']],
  [null, ['cwyear', 'cweek', 'wday', 'hour', 'min', 'sec']],
  [null, ['year', 'wnum0', 'cwday', 'hour', 'min', 'sec']],
  [null, ['year', 'wnum1', 'cwday', 'hour', 'min', 'sec']],
];

function todayFields(todayDays: number): Frags {
  const { year, month, day } = civilFromDays(todayDays);
  const { cwyear, cweek, cwday } = commercialOf(todayDays);
  return {
    year,
    mon: month,
    mday: day,
    cwyear,
    cweek,
    cwday,
    wday: weekday(todayDays),
    wnum0: weeknumOf(todayDays, 0).week,
    wnum1: weeknumOf(todayDays, 1).week,
  };
}

/** Fills what the text left out, the way `rt_complete_frags` does for Date or DateTime. */
function complete(h: Frags, todayDays: number, dateTime: boolean): void {
  let best: (typeof GROUPS)[number] | undefined;
  let count = 0;
  for (const group of GROUPS) {
    const n = group[1].filter((f) => h[f] !== undefined).length;
    if (n > count) [best, count] = [group, n];
  }
  const today = todayFields(todayDays);
  if (best && best[0] !== null && best[1].length > count) {
    const [kind, fields] = best;
    if (kind === 'ordinal') {
      h.year ??= today.year;
      h.yday ??= 1;
    } else if (kind === 'wday') {
      h.days = todayDays - weekday(todayDays) + (h.wday as number);
    } else {
      // Leading fields come from today up to the first one written; the rest get defaults.
      for (const f of fields) {
        if (h[f] !== undefined) break;
        h[f] = today[f];
      }
      const defaults: Readonly<Record<string, Frags>> = {
        civil: { mon: 1, mday: 1 },
        commercial: { cweek: 1, cwday: 1 },
        wnum0: { wnum0: 0, wday: 0 },
        wnum1: { wnum1: 0, wday: 1 },
      };
      for (const [f, v] of Object.entries(defaults[kind] ?? {}) as Array<[Field, number]>) h[f] ??= v;
    }
  }
  if (best?.[0] === 'time' && dateTime) h.days ??= todayDays;
  h.hour ??= 0;
  h.min ??= 0;
  if (h.sec === undefined) h.sec = 0;
  else if (h.sec > 59) h.sec = 59;
}

function daysInYear(year: number): number {
  return isGregorianLeap(year) ? 366 : 365;
}

/** `rt__valid_date_frags_p`: the first group that names an existing day wins. */
function validDays(h: Frags): number | undefined {
  if (h.days !== undefined) return h.days;
  if (h.yday !== undefined && h.year !== undefined) {
    const yday = num2int(h.yday);
    if (yday >= 1 && yday <= daysInYear(h.year)) return daysFromCivil(h.year, 1, 1) + yday - 1;
  }
  if (h.mday !== undefined && h.mon !== undefined && h.year !== undefined && isValidRubyCivil(h.year, num2int(h.mon), num2int(h.mday))) {
    return daysFromCivil(h.year, h.mon, h.mday);
  }
  const cwday = h.cwday ?? (h.wday === 0 ? 7 : h.wday);
  if (cwday !== undefined && h.cweek !== undefined && h.cwyear !== undefined) {
    const days = daysFromCommercial(h.cwyear, num2int(h.cweek), num2int(cwday));
    if (days !== undefined) return days;
  }
  const sunday = h.wday ?? (h.cwday === 7 ? 0 : h.cwday);
  if (sunday !== undefined && h.wnum0 !== undefined && h.year !== undefined) {
    const days = daysFromWeeknum(h.year, h.wnum0, sunday, 0);
    if (days !== undefined) return days;
  }
  const monday = h.wday ?? h.cwday;
  if (monday !== undefined && h.wnum1 !== undefined && h.year !== undefined) {
    return daysFromWeeknum(h.year, h.wnum1, (((monday - 1) % 7) + 7) % 7, 1);
  }
  return undefined;
}

function fragsOf(d: DateFragments): Frags {
  const { year, mon, mday, yday, wday, cwyear, cweek, cwday, hour, min, sec } = d;
  const out: Frags = { year, mon, mday, yday, wday, cwyear, cweek, cwday, hour, min, sec };
  for (const k of Object.keys(out) as Field[]) if (out[k] === undefined) delete out[k];
  return out;
}

const hasCivil = (h: Frags) => h.yday === undefined && h.year !== undefined && h.mon !== undefined && h.mday !== undefined;

/** Today's day number (days since 1970-01-01, UTC) at `nowMs`. */
export const utcDayNumber = (nowMs: number) => Math.floor(nowMs / 86_400_000);

/**
 * `d_new_by_frags`, shared by `Date.parse` and `Date.iso8601`: a full civil date is only validated,
 * anything less is completed from today (UTC) first.
 * @throws InvalidDateError (or RubyRangeError) where Ruby raises
 */
export function dateFromFragments(fragments: DateFragments, nowMs: number): Civil {
  const h = fragsOf(fragments);
  if (hasCivil(h)) {
    const [year, month, day] = [h.year as number, h.mon as number, h.mday as number];
    if (!isValidRubyCivil(year, num2int(month), num2int(day))) throw new InvalidDateError('invalid date');
    return { year, month, day };
  }
  complete(h, utcDayNumber(nowMs), false);
  const days = validDays(h);
  if (days === undefined) throw new InvalidDateError('invalid date');
  return civilFromDays(days);
}

/**
 * `text.to_date` (`Date.parse(text, false)`): the calendar date Ruby reads, or an error.
 * @throws InvalidDateError (or DateParseLimitError, RubyRangeError) where Ruby raises
 * @example
 * rubyParseDate('Aug 1 2026', now) // { year: 2026, month: 8, day: 1 }
 */
export function rubyParseDate(text: string, nowMs: number): Civil {
  return dateFromFragments(dateFragments(text, false), nowMs);
}

/**
 * `text.to_datetime` (`DateTime.parse(text, false)`): the instant Ruby reads, in UTC when the
 * text has no zone Date knows.
 * @throws InvalidDateError or DateParseLimitError (Ruby's ArgumentErrors), RubyRangeError
 */
export function rubyParseDateTime(text: string, nowMs: number): RubyTime {
  const parsed = dateFragments(text, false);
  const h = fragsOf(parsed);
  let days: number | undefined;
  if (hasCivil(h)) {
    const [year, month, day] = [h.year as number, num2int(h.mon as number), num2int(h.mday as number)];
    days = isValidRubyCivil(year, month, day) ? daysFromCivil(year, month, day) : undefined;
    h.hour ??= 0;
    h.min ??= 0;
    h.sec ??= 0;
    if (h.sec === 60) h.sec = 59;
  } else {
    complete(h, utcDayNumber(nowMs), true);
    days = validDays(h);
  }
  if (days === undefined) throw new InvalidDateError('invalid date');
  let [hour, min, sec] = [num2int(h.hour as number), num2int(h.min as number), num2int(h.sec as number)];
  if (hour < 0) hour += 24;
  if (min < 0) min += 60;
  if (sec < 0) sec += 60;
  if (hour > 24 || min > 59 || sec > 59 || (hour === 24 && (min > 0 || sec > 0))) throw new InvalidDateError('invalid date');
  let offset = parsed.offset === undefined ? 0 : Math.trunc(parsed.offset);
  if (offset < -86_400 || offset > 86_400) offset = 0;
  // DateTime keeps nanoseconds only.
  const fraction = (parsed.secFraction ?? '').slice(0, 9);
  return { seconds: days * 86_400 + hour * 3600 + min * 60 + sec - offset, fraction, utc: offset === 0, offset };
}
