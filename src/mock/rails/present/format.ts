/**
 * @module
 * How the real server writes durations and percentages. Each function names the Rails helper it
 * mirrors; inputs are integer seconds (the server casts before formatting).
 */

const CLOCK_EMOJIS = [
  '🕛',
  '🕧',
  '🕐',
  '🕜',
  '🕑',
  '🕝',
  '🕒',
  '🕞',
  '🕓',
  '🕟',
  '🕔',
  '🕠',
  '🕕',
  '🕡',
  '🕖',
  '🕢',
  '🕗',
  '🕣',
  '🕘',
  '🕤',
  '🕙',
  '🕥',
  '🕚',
  '🕦',
];

function whole(seconds: number): number {
  return Math.trunc(seconds);
}

/** Hours, minutes and seconds of a duration (hours unbounded). */
export function hms(seconds: number): { hours: number; minutes: number; seconds: number } {
  const total = whole(seconds);
  return { hours: Math.trunc(total / 3600), minutes: Math.trunc((total % 3600) / 60), seconds: total % 60 };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * `short_time_detailed`: non-zero parts only, `""` for zero (user stats `human_readable_*`).
 * @example
 * shortTimeDetailed(18610) // '5h 10m 10s'
 * shortTimeDetailed(600)   // '10m'
 */
export function shortTimeDetailed(seconds: number): string {
  const { hours, minutes, seconds: s } = hms(seconds);
  let text = hours > 0 ? `${hours}h` : '';
  if (minutes > 0) text = text === '' ? `${minutes}m` : `${text} ${minutes}m`;
  if (s > 0) text = text === '' ? `${s}s` : `${text} ${s}s`;
  return text;
}

/**
 * The summaries' `text`: `short_time_detailed`, or `"0s"` when that is empty.
 * @example
 * summaryText(5430) // '1h 30m 30s'
 * summaryText(0)    // '0s'
 */
export function summaryText(seconds: number): string {
  return shortTimeDetailed(seconds) || '0s';
}

/**
 * `short_time_simple`: hours and minutes, non-zero parts only, `"0m"` under a minute (stats
 * item `text`, statusbar, goal targets).
 * @example
 * shortTimeSimple(18000) // '5h'
 * shortTimeSimple(9000)  // '2h 30m'
 * shortTimeSimple(59)    // '0m'
 */
export function shortTimeSimple(seconds: number): string {
  const { hours, minutes } = hms(seconds);
  if (hours === 0 && minutes === 0) return '0m';
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours}h`);
  if (minutes > 0) parts.push(`${minutes}m`);
  return parts.join(' ');
}

/**
 * The statusbar text for `simple_text` users: `"Start coding!"` at zero, else short_time_simple.
 * The `" / 4h goal"` suffix is added by the caller.
 */
export function statusbarText(seconds: number): string {
  return whole(seconds) === 0 ? 'Start coding!' : shortTimeSimple(seconds);
}

/** `time_in_emoji`: one of 24 clock faces, advancing every 30 minutes (`clock_emoji` users). */
export function clockEmoji(seconds: number): string {
  return CLOCK_EMOJIS[Math.trunc(whole(seconds) / 1800) % CLOCK_EMOJIS.length] as string;
}

/**
 * `digital_time`: zero-padded `HH:MM:SS` (hours keep growing past 99).
 * @example
 * digitalTime(5430) // '01:30:30'
 */
export function digitalTime(seconds: number): string {
  const { hours, minutes, seconds: s } = hms(seconds);
  return `${pad2(hours)}:${pad2(minutes)}:${pad2(s)}`;
}

/**
 * `format("%d:%02d:%02d")`: hours not padded (last_7_days `digital`).
 * @example
 * digitalTimeUnpadded(25200) // '7:00:00'
 */
export function digitalTimeUnpadded(seconds: number): string {
  const { hours, minutes, seconds: s } = hms(seconds);
  return `${hours}:${pad2(minutes)}:${pad2(s)}`;
}

/**
 * `format("%.2f", seconds / 3600.0)`: hours with two decimals. Ruby rounds an exact binary tie
 * to even (0.125 → "0.12") where `toFixed` rounds up; among whole seconds that happens only at
 * 7.5, 22.5, 37.5 and 52.5 minutes past the hour.
 * @example
 * decimalHours(5430) // '1.51'
 */
export function decimalHours(seconds: number): string {
  const total = whole(seconds);
  const value = total / 3600;
  const remainder = ((total % 3600) + 3600) % 3600;
  if (remainder % 900 === 450) {
    const hundredths = Math.floor(value * 100);
    const even = hundredths % 2 === 0 ? hundredths : hundredths + 1;
    return (even / 100).toFixed(2);
  }
  return value.toFixed(2);
}

/**
 * `"<h> hrs <m> mins"` (last_7_days `text` and `human_readable_*`).
 * @example
 * hrsMins(5040) // '1 hrs 24 mins'
 */
export function hrsMins(seconds: number): string {
  const { hours, minutes } = hms(seconds);
  return `${hours} hrs ${minutes} mins`;
}

/**
 * The badge's time: `"<h>h <m>m"` with an hour or more, else `"<m>m"`.
 * @example
 * badgeTime(45240) // '12h 34m'
 * badgeTime(300)   // '5m'
 */
export function badgeTime(seconds: number): string {
  const { hours, minutes } = hms(seconds);
  return hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`;
}

/**
 * Ruby's `Float#round(digits)` for positive and negative values: half away from zero, with
 * Ruby's correction for products that lost precision.
 */
export function rubyRound(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const scale = 10 ** digits;
  let f = Math.sign(value) * Math.round(Math.abs(value) * scale);
  if (value > 0 && (f + 0.5) / scale <= value) f += 1;
  if (value < 0 && (f - 0.5) / scale >= value) f -= 1;
  return f / scale;
}

/**
 * A share in percent, rounded to 2 decimals as the real server writes it. The expression
 * order matters for the last bit of the float: user stats compute `100.0 * part / total`
 * (`order: 'scale-first'`), summaries and last_7_days `part / total * 100` (the default).
 * A zero total gives `null` (Ruby's NaN renders as null).
 * @example
 * percent(18000, 25200) // 71.43
 */
export function percent(part: number, total: number, order: 'ratio-first' | 'scale-first' = 'ratio-first'): number | null {
  if (total === 0) return null;
  return rubyRound(order === 'scale-first' ? (100 * part) / total : (part / total) * 100, 2);
}
