/**
 * @module
 * How the real server writes instants and dates: ISO 8601 variants, Rails' long date, the
 * weekly leaderboard range and `time_ago_in_words`.
 */
import { addDays, offsetMinutes, offsetString, parseDate } from '../../../world/time-zone.js';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * ISO 8601 with milliseconds and `Z`, as `as_json` renders model timestamps.
 * @example
 * isoMillis(Date.parse('2026-08-22T14:00:00.123Z')) // '2026-08-22T14:00:00.123Z'
 */
export function isoMillis(instantMs: number): string {
  return new Date(Math.floor(instantMs)).toISOString();
}

/**
 * ISO 8601 in UTC without fraction (`.iso8601`, and `strftime("%Y-%m-%dT%H:%M:%SZ")` on a
 * server running in UTC).
 * @example
 * isoSeconds(Date.parse('2026-08-22T14:00:00.999Z')) // '2026-08-22T14:00:00Z'
 */
export function isoSeconds(instantMs: number): string {
  return `${new Date(Math.floor(instantMs / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** Zones whose abbreviation is UTC or UCT: ActiveSupport writes their offset as `Z`. */
const UTC_ZONES = new Set(['UTC', 'Etc/UTC', 'UCT', 'Etc/UCT', 'Universal', 'Etc/Universal', 'Zulu', 'Etc/Zulu']);

/**
 * ISO 8601 in a zone with its offset, as `Time.use_zone(zone) { t.iso8601 }` (last_7_days).
 * @example
 * isoInZone(Date.parse('2026-08-15T04:00:00Z'), 'America/New_York') // '2026-08-15T00:00:00-04:00'
 */
export function isoInZone(instantMs: number, zone: string): string {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const minutes = offsetMinutes(whole, zone);
  const local = new Date(whole + minutes * 60_000).toISOString().slice(0, 19);
  // TimeWithZone#utc? is true only for the UTC/UCT abbreviations; London in winter keeps +00:00.
  return `${local}${minutes === 0 && UTC_ZONES.has(zone) ? 'Z' : offsetString(whole, zone)}`;
}

/**
 * Rails' `Date#to_fs(:long)`: `"%B %d, %Y"`.
 * @example
 * railsLongDate('2026-08-05') // 'August 05, 2026'
 */
export function railsLongDate(date: string): string {
  const { year, month, day } = parseDate(date);
  return `${MONTHS[month - 1]} ${pad2(day)}, ${year}`;
}

/**
 * The summaries' `range.text`: "Today", "Yesterday", else the long date. `today` is the date in
 * the requested zone; a caller writing many days passes the day before it once.
 */
export function summaryDateText(date: string, today: string, yesterday = addDays(today, -1)): string {
  if (date === today) return 'Today';
  if (date === yesterday) return 'Yesterday';
  return railsLongDate(date);
}

function shortMonthDay(date: string): string {
  const { month, day } = parseDate(date);
  return `${(MONTHS[month - 1] as string).slice(0, 3)} ${pad2(day)}`;
}

/**
 * The weekly leaderboard's `date_range`: the six days before `today` through `today` (UTC).
 * @example
 * weeklyRangeText('2026-08-22') // 'Aug 16 - Aug 22, 2026'
 */
export function weeklyRangeText(today: string): string {
  return `${shortMonthDay(addDays(today, -6))} - ${shortMonthDay(today)}, ${parseDate(today).year}`;
}

/** Ruby's `Float#round` to an integer: half away from zero. */
function rubyRoundInt(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function count(n: number, one: string, other: string): string {
  return n === 1 ? one : other.replace('%{count}', String(n));
}

/**
 * Rails' `distance_of_time_in_words` (English, without seconds), in UTC.
 * @example
 * distanceOfTimeInWords(0, 3 * 60_000) // '3 minutes'
 */
export function distanceOfTimeInWords(fromMs: number, toMs: number): string {
  const [from, to] = fromMs <= toMs ? [fromMs, toMs] : [toMs, fromMs];
  const minutes = rubyRoundInt((to - from) / 60_000);
  if (minutes <= 1) return minutes === 0 ? 'less than a minute' : '1 minute';
  if (minutes < 45) return `${minutes} minutes`;
  if (minutes < 90) return 'about 1 hour';
  if (minutes < 1440) return count(rubyRoundInt(minutes / 60), 'about 1 hour', 'about %{count} hours');
  if (minutes < 2520) return '1 day';
  if (minutes < 43200) return count(rubyRoundInt(minutes / 1440), '1 day', '%{count} days');
  if (minutes < 86400) return count(rubyRoundInt(minutes / 43200), 'about 1 month', 'about %{count} months');
  if (minutes < 525600) return count(rubyRoundInt(minutes / 43200), '1 month', '%{count} months');
  const fromDate = new Date(from);
  const toDate = new Date(to);
  // Leap days between the two instants are discounted before counting years.
  const fromYear = fromDate.getUTCFullYear() + (fromDate.getUTCMonth() + 1 >= 3 ? 1 : 0);
  const toYear = toDate.getUTCFullYear() - (toDate.getUTCMonth() + 1 < 3 ? 1 : 0);
  let leapYears = 0;
  for (let y = fromYear; y <= toYear; y++) if (isLeap(y)) leapYears++;
  const withOffset = minutes - leapYears * 1440;
  const remainder = withOffset % 525600;
  const years = Math.floor(withOffset / 525600);
  if (remainder < 131400) return count(years, 'about 1 year', 'about %{count} years');
  if (remainder < 394200) return count(years, 'over 1 year', 'over %{count} years');
  return count(years + 1, 'almost 1 year', 'almost %{count} years');
}

/**
 * `time_ago_in_words(Time.at(time)) + " ago"` (most_recent heartbeat).
 * @example
 * timeAgo(Date.parse('2026-08-22T13:57:00Z'), Date.parse('2026-08-22T14:00:00Z')) // '3 minutes ago'
 */
export function timeAgo(thenMs: number, nowMs: number): string {
  return `${distanceOfTimeInWords(thenMs, nowMs)} ago`;
}
