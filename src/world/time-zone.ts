/**
 * @module
 * IANA time-zone arithmetic with `Intl` only: local calendar dates, the instant a local day
 * starts (DST-correct), UTC offsets and zone-name validation.
 *
 * Dates are `YYYY-MM-DD` strings; instants are epoch milliseconds.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    // `format()` is about three times faster than `formatToParts()`; the en-US shape is fixed.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

const EN_US = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

function localParts(instantMs: number, zone: string): LocalParts {
  const text = formatterFor(zone).format(instantMs);
  const m = EN_US.exec(text);
  if (!m) throw new Error(`unexpected Intl output for ${zone}: ${text}`);
  return {
    month: Number(m[1]),
    day: Number(m[2]),
    year: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function dateString(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Splits a `YYYY-MM-DD` string; throws on anything else. */
export function parseDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** The calendar date `days` after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day) + days * DAY_MS);
  return dateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}

/** Dates by days since 1970-01-01, written once for the process: calendars of every zone share them. */
const EPOCH_DAY_DATES = new Map<number, string>();
const EPOCH_DAY_DATES_KEPT = 100_000;

/**
 * The date `day` days after 1970-01-01, the same string each time.
 * @example
 * dateOfEpochDay(20_000) // '2024-10-04'
 */
export function dateOfEpochDay(day: number): string {
  let date = EPOCH_DAY_DATES.get(day);
  if (date === undefined) {
    if (EPOCH_DAY_DATES.size >= EPOCH_DAY_DATES_KEPT) EPOCH_DAY_DATES.clear();
    date = utcDate(day * DAY_MS);
    EPOCH_DAY_DATES.set(day, date);
  }
  return date;
}

/** The UTC calendar date of an instant. */
export function utcDate(instantMs: number): string {
  const d = new Date(instantMs);
  return dateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * The local calendar date of an instant in an IANA zone.
 * @example
 * localDate(Date.parse('2026-08-22T03:30:00Z'), 'America/New_York') // '2026-08-21'
 */
export function localDate(instantMs: number, zone: string): string {
  const p = localParts(instantMs, zone);
  return dateString(p.year, p.month, p.day);
}

/**
 * The zone's offset from UTC at an instant, in seconds (east positive): the local time Intl
 * writes, to the second, less the instant's whole second.
 * @example
 * offsetSeconds(Date.parse('2026-08-22T12:00:00Z'), 'Asia/Kathmandu') // 20_700
 */
export function offsetSeconds(instantMs: number, zone: string): number {
  const p = localParts(instantMs, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return (asUtc - Math.floor(instantMs / 1000) * 1000) / 1000;
}

/** The zone's offset from UTC at an instant, in whole minutes (east positive). */
export function offsetMinutes(instantMs: number, zone: string): number {
  return Math.round(offsetSeconds(instantMs, zone) / 60);
}

/**
 * The offset of an instant in a zone as `±HH:MM`, as Ruby's `iso8601` writes it.
 * @example
 * offsetString(Date.parse('2026-08-22T12:00:00Z'), 'America/New_York') // '-04:00'
 */
export function offsetString(instantMs: number, zone: string): string {
  const total = offsetMinutes(instantMs, zone);
  const sign = total < 0 ? '-' : '+';
  const abs = Math.abs(total);
  return `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

/**
 * The first instant of a local calendar day: local 00:00, or — where a DST change skips
 * midnight — the first instant after the gap (what ActiveSupport's `beginning_of_day` yields).
 * Where midnight happens twice, the earlier one.
 * @example
 * startOfLocalDay('2026-03-08', 'America/New_York') // Date.parse('2026-03-08T05:00:00Z')
 */
export function startOfLocalDay(date: string, zone: string): number {
  const { year, month, day } = parseDate(date);
  const utcMidnight = Date.UTC(year, month - 1, day);
  const candidates = [
    utcMidnight - offsetMinutes(utcMidnight - DAY_MS, zone) * 60_000,
    utcMidnight - offsetMinutes(utcMidnight + DAY_MS, zone) * 60_000,
    utcMidnight - offsetMinutes(utcMidnight, zone) * 60_000,
  ].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const p = localParts(candidate, zone);
    if (dateString(p.year, p.month, p.day) === date && p.hour === 0 && p.minute === 0 && p.second === 0) {
      return candidate;
    }
  }
  // Midnight does not exist that day: search the first second whose local date is `date`.
  let lo = utcMidnight - 26 * HOUR_MS;
  let hi = utcMidnight + 26 * HOUR_MS;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (localDate(mid, zone) < date) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** The first instant of the local day after `date`: the exclusive end of that day. */
export function endOfLocalDay(date: string, zone: string): number {
  return startOfLocalDay(addDays(date, 1), zone);
}

/**
 * Whether `name` is a time-zone identifier TZInfo would accept: known to Intl and spelled with
 * IANA's capitalisation (TZInfo is case-sensitive, Intl is not). Offsets such as `+01:00` are
 * not zone names.
 */
export function isValidTimeZone(name: string): boolean {
  if (name.length === 0 || /^[+-]/.test(name)) return false;
  let resolved: string;
  try {
    // The cached formatter serves later date arithmetic in the same zone.
    resolved = formatterFor(name).resolvedOptions().timeZone;
  } catch {
    return false;
  }
  if (resolved === name) return true;
  // Same zone in other letter case: TZInfo rejects it.
  if (resolved.toLowerCase() === name.toLowerCase()) return false;
  // A link (US/Eastern, Etc/UTC, Asia/Kolkata): Intl cannot say how IANA spells it, so require
  // IANA's convention that every path segment starts with a capital letter.
  return name.split('/').every((segment) => /^[A-Z]/.test(segment));
}
