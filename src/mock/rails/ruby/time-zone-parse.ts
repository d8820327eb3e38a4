/**
 * @module
 * ActiveSupport's `Time.zone.parse(text)` with `Time.zone` UTC — how the stats endpoints read
 * `start_date`/`end_date` and `/api/summary` reads `from`/`to`: `Date._parse(text, false)`, then
 * `Time.new` with the parts. A part left out comes from now (a year or month alone means its first
 * day), no zone (or one Date cannot read) means UTC, and `Time.new` rolls a day past the month's end
 * over (Feb 30 → Mar 2, 24:00 → the next day) but refuses anything out of its ranges.
 */
import { civilFromDays, daysFromCivil, daysInMonth } from './civil.js';
import { DateParseLimitError, dateFragments, RubyRangeError } from './date-fragments.js';
import { timeToF } from './time-parse.js';

const INT_MAX = 2 ** 31 - 1;

/** What `Time.new` raises ArgumentError for; the callers rescue it like nil. */
class OutOfRange extends Error {}

/**
 * `obj2ubits`: a C int (else RangeError, which escapes the callers' `rescue ArgumentError`) of at
 * most `bits` bits (else ArgumentError). The arguments are converted in order, so the first bad one
 * decides which error it is.
 */
function ubits(value: number, bits: number): number {
  if (value > INT_MAX || value < -INT_MAX - 1) throw new RubyRangeError(`integer ${value} too big to convert to \`int'`);
  if (value < 0 || value >= 2 ** bits) throw new OutOfRange();
  return value;
}

/** `Time.new(year, mon, mday, hour, min, sec + fraction, offset)`: epoch seconds. */
function timeNew(
  year: number,
  mon: number,
  mday: number,
  hour: number,
  min: number,
  sec: number,
  fraction: string,
  offset: number,
): number {
  [mon, mday, hour, min, sec] = [ubits(mon, 4), ubits(mday, 5), ubits(hour, 5), ubits(min, 6), ubits(sec, 6)];
  // `validate_vtm`; 24:00 is the next day's midnight, but only with no whole seconds.
  if (mon < 1 || mon > 12 || mday < 1 || hour > 24 || (hour === 24 && (min > 0 || sec > 0)) || min > 59 || sec > 60) {
    throw new OutOfRange();
  }
  if (offset <= -86_400 || offset >= 86_400) throw new OutOfRange();
  const clock = hour * 3600 + min * 60 + sec;
  // `vtm_add_offset` moves a clock the offset carries into the next day with `mday + 1`, and mday is
  // a 5-bit field: the 31st of a shorter month wraps to day 0, the last day of the month before.
  const wraps = offset !== 0 && mday === 31 && daysInMonth(year, mon) < 31 && clock + Number(`0.${fraction}`) - offset >= 86_400;
  const seconds = daysFromCivil(year, mon, wraps ? -1 : mday) * 86_400 + clock;
  // A fractional-hour zone ("+5.123") can be a fraction of a second off.
  if (Number.isInteger(offset)) return timeToF({ seconds: seconds - offset, fraction });
  return timeToF({ seconds, fraction }) - offset;
}

/**
 * `Time.zone.parse(text)` in UTC.
 * @returns epoch seconds, or `undefined` where Ruby returns nil or raises ArgumentError
 * @throws RubyRangeError where Ruby raises RangeError (a number too big for a C int), which the
 *   server does not rescue
 * @example
 * timeZoneParse('2026-08-01', now)             // 1785542400 (00:00 UTC)
 * timeZoneParse('Aug 1 2026 12:00 +02:00', now) // 1785578400
 */
export function timeZoneParse(text: string, nowMs: number): number | undefined {
  try {
    const parts = dateFragments(text, false);
    if (Object.keys(parts).length === 0) return undefined;
    const today = civilFromDays(Math.floor(nowMs / 86_400_000));
    const mday = parts.mday ?? (parts.year !== undefined || parts.mon !== undefined ? 1 : today.day);
    const [hour, min, sec] = [parts.hour ?? 0, parts.min ?? 0, parts.sec ?? 0];
    return timeNew(parts.year ?? today.year, parts.mon ?? today.month, mday, hour, min, sec, parts.secFraction ?? '', parts.offset ?? 0);
  } catch (err) {
    if (err instanceof OutOfRange || err instanceof DateParseLimitError) return undefined;
    throw err;
  }
}
