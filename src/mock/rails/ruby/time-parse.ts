/**
 * @module
 * Ruby's `Time.parse` (stdlib `time.rb`) on top of `Date._parse`, for a server process whose local
 * zone is UTC: fields the text leaves out are taken from "now" (only those before the first field
 * written), a zone `Time` knows moves the clock time to UTC, any other zone is ignored, and
 * `Time.utc` then validates or rolls over what is left (Feb 30 → Mar 2, 24:00 → next day).
 * What cannot become a time raises, which the callers turn into the server's 500.
 */
import { civilFromDays, daysFromCivil, rubyMonthDays } from './civil.js';
import { dateFragments } from './date-fragments.js';
import { isUtcZone, timeZoneOffset } from './zone-offset.js';

/** A Ruby `Time`: an instant plus how it renders (UTC `Z`, or a fixed offset). */
export interface RubyTime {
  /** Whole seconds since the epoch (floor). */
  seconds: number;
  /** The fraction of the second as decimal digits (`"123"` = 0.123 s; `""` for none). */
  fraction: string;
  /** True for a UTC time (rendered with `Z`). */
  utc: boolean;
  /** Seconds east of UTC the time renders in (0 for UTC). */
  offset: number;
}

/** `ArgumentError` from `Time.parse` / `Time.utc`. */
export class RubyTimeError extends Error {
  override readonly name = 'RubyTimeError';
}

const divmod = (a: number, b: number): [number, number] => [Math.floor(a / b), a - Math.floor(a / b) * b];

/**
 * `Time#to_f`, the float Ruby binds into `time >= ?`: integer nanoseconds divided by 1e9, or the
 * exact value rounded once when the text had more than nine fraction digits.
 */
export function timeToF(t: Pick<RubyTime, 'seconds' | 'fraction'>): number {
  if (t.fraction.length > 9 && t.seconds >= 0) return Number(`${t.seconds}.${t.fraction}`);
  return Number(BigInt(t.seconds) * 1_000_000_000n + BigInt(t.fraction.slice(0, 9).padEnd(9, '0'))) / 1e9;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/**
 * `Time#xmlschema(3)` (what `as_json` writes): milliseconds truncated, `Z` or `±hh:mm`.
 * @example
 * xmlschema3({ seconds: 1787407200, fraction: '123456789', utc: false, offset: 7200 }) // '2026-08-22T16:00:00.123+02:00'
 */
export function xmlschema3(t: RubyTime): string {
  const local = t.seconds + t.offset;
  const [days, secondOfDay] = divmod(local, 86_400);
  const { year, month, day } = civilFromDays(days);
  const clock = `${pad(Math.floor(secondOfDay / 3600))}:${pad(Math.floor(secondOfDay / 60) % 60)}:${pad(secondOfDay % 60)}`;
  const yearText = `${year < 0 ? '-' : ''}${pad(year, 4)}`;
  const millis = t.fraction.slice(0, 3).padEnd(3, '0');
  if (t.utc) return `${yearText}-${pad(month)}-${pad(day)}T${clock}.${millis}Z`;
  const sign = t.offset < 0 ? '-' : '+';
  const abs = Math.abs(t.offset);
  return `${yearText}-${pad(month)}-${pad(day)}T${clock}.${millis}${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}`;
}

interface Fields {
  year: number;
  mon: number;
  day: number;
  hour: number;
  min: number;
  sec: number;
}

/** `Time.apply_offset`: shifts clock fields by `-offset`, carrying into the day and month like Ruby does. */
function applyOffset(f: Fields, offset: number): Fields {
  if (offset === 0) return f;
  // Fields move against the offset: +02:00 takes two hours off the clock time.
  const s = offset < 0 ? 1 : -1;
  let { year, mon, day, hour, min, sec } = f;
  let off = Math.abs(offset);
  let o: number;
  let carry: number;
  [off, o] = divmod(off, 60);
  if (o !== 0) {
    [carry, sec] = divmod(sec + s * o, 60);
    off += s * carry;
  }
  [off, o] = divmod(off, 60);
  if (o !== 0) {
    [carry, min] = divmod(min + s * o, 60);
    off += s * carry;
  }
  [off, o] = divmod(off, 24);
  if (o !== 0) {
    [carry, hour] = divmod(hour + s * o, 24);
    off += s * carry;
  }
  if (off !== 0 && s > 0) {
    day += off;
    const days = rubyMonthDays(year, mon);
    if (days !== undefined && days < day) {
      mon += 1;
      if (mon > 12) [mon, year] = [1, year + 1];
      day = 1;
    }
  } else if (off !== 0) {
    day -= off;
    if (day < 1) {
      mon -= 1;
      if (mon < 1) [mon, year] = [12, year - 1];
      day = rubyMonthDays(year, mon) ?? day;
    }
  }
  return { year, mon, day, hour, min, sec };
}

/** `Time.utc(y, m, d, h, min, s)`: validates like Ruby, rolling Feb 29–31 and the 31st of short months over. */
function utcSeconds(f: Fields): number {
  if (f.mon < 1 || f.mon > 12) throw new RubyTimeError('mon out of range');
  if (f.day < 1 || f.day > 31) throw new RubyTimeError('mday out of range');
  if (f.hour < 0 || f.hour > 24) throw new RubyTimeError('hour out of range');
  if (f.min < 0 || f.min > (f.hour === 24 ? 0 : 59)) throw new RubyTimeError('min out of range');
  if (f.sec < 0 || f.sec > (f.hour === 24 ? 0 : 60)) throw new RubyTimeError('sec out of range');
  return daysFromCivil(f.year, f.mon, f.day) * 86_400 + f.hour * 3600 + f.min * 60 + f.sec;
}

/** "Now" split into clock fields at a given offset. */
function nowFields(nowMs: number, offset: number): Fields {
  const [days, s] = divmod(Math.floor(nowMs / 1000) + offset, 86_400);
  const { year, month, day } = civilFromDays(days);
  return { year, mon: month, day, hour: Math.floor(s / 3600), min: Math.floor(s / 60) % 60, sec: s % 60 };
}

interface Parsed {
  year?: number;
  mon?: number;
  day?: number;
  hour?: number;
  min?: number;
  sec?: number;
  fraction?: string;
  zone?: string;
}

/** Day of the year of a time in its own offset. */
function ydayOf(t: RubyTime): number {
  const days = Math.floor((t.seconds + t.offset) / 86_400);
  return days - daysFromCivil(civilFromDays(days).year, 1, 1) + 1;
}

/** `Time.make_time` without an ordinal day. */
function makeTime(p: Parsed, nowMs: number): RubyTime {
  const offset = p.zone === undefined ? undefined : timeZoneOffset(p.zone);
  const now = nowFields(nowMs, offset ?? 0);
  const f: Partial<Fields> = { year: p.year, mon: p.mon, day: p.day, hour: p.hour, min: p.min, sec: p.sec };
  // Only the fields before the first one written come from now: "14:00" is today, "Aug" is this year.
  const order = ['year', 'mon', 'day', 'hour', 'min', 'sec'] as const;
  const firstWritten = order.findIndex((k) => f[k] !== undefined);
  for (const k of order.slice(0, firstWritten < 0 ? order.length : firstWritten)) f[k] = now[k];
  const fields: Fields = { year: f.year ?? 1970, mon: f.mon ?? 1, day: f.day ?? 1, hour: f.hour ?? 0, min: f.min ?? 0, sec: f.sec ?? 0 };
  const fraction = p.fraction ?? '';
  if (offset === undefined) return { seconds: utcSeconds(fields), fraction, utc: false, offset: 0 };
  const seconds = utcSeconds(applyOffset(fields, offset));
  if (p.zone !== undefined && isUtcZone(p.zone)) return { seconds, fraction, utc: true, offset: 0 };
  if (offset <= -86_400 || offset >= 86_400) throw new RubyTimeError('utc_offset out of range');
  return { seconds, fraction, utc: false, offset };
}

/**
 * The ordinal-day branch of `make_time`: a first guess at month/day (31-day months), then one
 * correction by how far the resulting time's own day of the year is off — so an hour that
 * carries into the next day is compensated, exactly as Ruby does.
 */
function makeOrdinalTime(p: Parsed, yday: number, nowMs: number): RubyTime {
  if (yday < 1 || yday > 366) throw new RubyTimeError(`yday ${yday} out of range`);
  const offYear = p.year ?? civilFromDays(Math.floor(nowMs / 86_400_000)).year;
  let mon = Math.floor((yday - 1) / 31) + 1;
  let day = ((yday - 1) % 31) + 1;
  const first = makeTime({ ...p, mon, day }, nowMs);
  const diff = yday - ydayOf(first);
  if (diff === 0) return first;
  day += diff;
  const monthDays = rubyMonthDays(offYear, mon) ?? 0;
  if (day > 28 && day > monthDays) {
    mon += 1;
    if (mon > 12) throw new RubyTimeError(`yday ${yday} out of range`);
    day -= monthDays;
  }
  return makeTime({ ...p, mon, day }, nowMs);
}

/**
 * `Time.parse(text)` with the process in UTC: a zone-less text is a local (`+00:00`) time.
 * @throws RubyTimeError (or a date-fragments error) where Ruby raises
 * @example
 * xmlschema3(rubyTimeParse('2026-08-22T16:00:00+02:00', now)) // '2026-08-22T16:00:00.000+02:00'
 * xmlschema3(rubyTimeParse('Aug 22 2026', now)) // '2026-08-22T00:00:00.000+00:00'
 */
export function rubyTimeParse(text: string, nowMs: number): RubyTime {
  const d = dateFragments(text, true);
  const p: Parsed = { year: d.year, mon: d.mon, day: d.mday, hour: d.hour, min: d.min, sec: d.sec, fraction: d.secFraction, zone: d.zone };
  if ([d.year, d.yday, d.mon, d.mday, d.hour, d.min, d.sec, d.secFraction].every((v) => v === undefined)) {
    throw new RubyTimeError(`no time information in ${JSON.stringify(text)}`);
  }
  return d.yday === undefined ? makeTime(p, nowMs) : makeOrdinalTime(p, d.yday, nowMs);
}
