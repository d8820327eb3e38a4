/**
 * @module
 * Ruby's `Date._parse`, the lenient scanner behind `Time.parse`, `Date.parse` and
 * `DateTime.parse` (and so Rails' `String#to_date` / `#to_datetime`). It pulls fragments out of
 * free text with a fixed sequence of patterns — weekday, time of day, "22 Aug 2026", "Aug 22 2026",
 * ISO "2026-08-22", "H31.04.30", "22-Aug-2026", "22/08/2026", "22.08.2026", week and ordinal
 * dates, "'26", a lone month name, "22nd", runs of digits — blanking each match so later patterns
 * do not read it again. Nothing is validated here: "2026-02-31" yields mday 31, and the callers
 * decide what an impossible date means for them.
 */
import { utf8ByteLength } from '../../bytes.js';
import { readDigitRun } from './digit-runs.js';
import type { DateFragments } from './fragments.js';
import { dateZoneToDiff } from './zone-offset.js';

export type { DateFragments } from './fragments.js';

/** Ruby rejects longer strings before parsing (`limit: 128`, counted in bytes). */
export const PARSE_LIMIT_BYTES = 128;

export class DateParseLimitError extends Error {
  override readonly name = 'DateParseLimitError';
}

/**
 * Ruby's `RangeError` ("integer … too big to convert to `int'"): a number Date must fit in a C
 * int did not. Unlike the ArgumentErrors above, Rails code that rescues ArgumentError lets it through.
 */
export class RubyRangeError extends Error {
  override readonly name = 'RubyRangeError';
}

const INT_MAX = 2 ** 31 - 1;

/** `NUM2INT`: the number, or a RubyRangeError when it does not fit in 32 bits. */
export function num2int(value: number): number {
  if (value > INT_MAX || value < -INT_MAX - 1) throw new RubyRangeError(`integer ${value} too big to convert to \`int'`);
  return value;
}

interface State {
  str: string;
  h: DateFragments;
  bc: boolean;
  comp: boolean;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec';
const DAYS = 'sun|mon|tue|wed|thu|fri|sat';
const ERA = 'c(?:e|\\.e\\.)|b(?:ce|\\.c\\.e\\.)|a(?:d|\\.d\\.)|b(?:c|\\.c\\.)';
/** A number that does not start inside a longer run of digits. */
const NUMBER = '(?<!\\d)\\d';

const re = (source: string, flags = '') => new RegExp(source, `${flags}u`);

const PATTERNS = {
  junk: /[^-+',./:@\p{L}\p{M}\p{Nd}[\]]+/gu,
  day: re(`\\b(${DAYS})[^-/\\d\\s]*`, 'i'),
  time: re(
    `(${NUMBER}+\\s*(?:(?::\\s*\\d+(?:\\s*:\\s*\\d+(?:[,.]\\d*)?)?|h(?:\\s*\\d+m?(?:\\s*\\d+s?)?)?)(?:\\s*[ap](?:m\\b|\\.m\\.))?|[ap](?:m\\b|\\.m\\.)))` +
      `(?:\\s*((?:gmt|utc?)?[-+]\\d+(?:[,.:]\\d+(?::\\d+)?)?|[\\p{L}\\p{M}.\\s]+(?:standard|daylight)\\stime\\b|[\\p{L}\\p{M}]+(?:\\sdst)?\\b))?`,
    'i',
  ),
  timeParts: re('^(\\d+)h?(?:\\s*:?\\s*(\\d+)m?(?:\\s*:?\\s*(\\d+)(?:[,.](\\d+))?s?)?)?(?:\\s*([ap])(?:m\\b|\\.m\\.))?', 'i'),
  eu: re(
    `('?${NUMBER}+)[^-\\d\\s]*\\s*(${MONTHS})[^-\\d\\s']*(?:\\s*(?:\\b(${ERA})(?!(?<!\\.)[a-z]))?\\s*('?-?\\d+(?:(?:st|nd|rd|th)\\b)?))?`,
    'i',
  ),
  us: re(`\\b(${MONTHS})[^-\\d\\s']*\\s*('?\\d+)[^-\\d\\s']*(?:\\s*,?\\s*(${ERA})?\\s*('?-?\\d+))?`, 'i'),
  iso: re(`('?[-+]?${NUMBER}+)-(\\d+)-('?-?\\d+)`),
  jis: re('\\b([mtshr])(\\d+)\\.(\\d+)\\.(\\d+)', 'i'),
  vms11: re(`('?-?${NUMBER}+)-(${MONTHS})[^-/.]*-('?-?\\d+)`, 'i'),
  vms12: re(`\\b(${MONTHS})[^-/.]*-('?-?\\d+)(?:-('?-?\\d+))?`, 'i'),
  sla: re(`('?-?${NUMBER}+)/\\s*('?\\d+)(?:\\D\\s*('?-?\\d+))?`, 'i'),
  dot: re(`('?-?${NUMBER}+)\\.\\s*('?\\d+)\\.\\s*('?-?\\d+)`, 'i'),
  iso21: re('\\b(\\d{2}|\\d{4})?-?w(\\d{2})(?:-?(\\d))?\\b', 'i'),
  iso22: re('-w-(\\d)\\b', 'i'),
  iso23: re('--(\\d{2})?-(\\d{2})\\b'),
  iso24: re('--(\\d{2})(\\d{2})?\\b'),
  iso25Guard: re('[,.](\\d{2}|\\d{4})-\\d{3}\\b'),
  iso25: re('\\b(\\d{2}|\\d{4})-(\\d{3})\\b'),
  iso26Guard: re('\\d-\\d{3}\\b'),
  iso26: re('\\b-(\\d{3})\\b'),
  year: re("'(\\d+)\\b"),
  mon: re(`\\b(${MONTHS})\\S*`, 'i'),
  mday: re(`(${NUMBER}+)(st|nd|rd|th)\\b`, 'i'),
  ddd: re(`([-+]?)(${NUMBER}{2,14})(?:\\s*t?\\s*(\\d{2,6})?(?:[,.](\\d*))?)?(?:\\s*(z\\b|[-+]\\d{1,4}\\b|\\[[-+]?\\d[^\\]]*\\]))?`, 'i'),
  bc: re('\\b(bc\\b|bce\\b|b\\.c\\.|b\\.c\\.e\\.)', 'i'),
  frag: re('^\\s*(\\d{1,2})\\s*$', 'i'),
};

/** Replaces the first match with one space and hands the match to `cb`. */
function subx(st: State, pattern: RegExp, cb: (m: RegExpExecArray) => void): boolean {
  const m = pattern.exec(st.str);
  if (!m) return false;
  st.str = `${st.str.slice(0, m.index)} ${st.str.slice(m.index + m[0].length)}`;
  cb(m);
  return true;
}

const num = (s: string) => Number.parseInt(s, 10);
const monthNumber = (name: string) => MONTHS.split('|').indexOf(name.slice(0, 3).toLowerCase()) + 1;
const dayNumber = (name: string) => DAYS.split('|').indexOf(name.slice(0, 3).toLowerCase());
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** The first `[sign]digits` of `s` (from the first sign or digit), or undefined. */
function signedDigits(s: string): { text: string; digits: number; signed: boolean; rest: boolean } | undefined {
  let start = 0;
  while (start < s.length && s[start] !== '+' && s[start] !== '-' && !isDigit(s[start])) start++;
  if (start >= s.length) return undefined;
  const signed = s[start] === '+' || s[start] === '-';
  let end = signed ? start + 1 : start;
  while (isDigit(s[end])) end++;
  return { text: s.slice(start, end), digits: end - start - (signed ? 1 : 0), signed, rest: end < s.length };
}

function firstDigits(s: string): number | undefined {
  const m = /\d+/.exec(s);
  return m ? num(m[0]) : undefined;
}

/** `s3e`: decides which of three captured numbers is the year, month and day. */
function s3e(st: State, y0: string | undefined, m0: string | undefined, d0: string | undefined, bc: boolean): void {
  let [y, m, d] = [y0, m0, d0];
  if (y !== undefined && m !== undefined && d === undefined) [y, m, d] = [d, y, m];
  if (y === undefined) {
    if (d !== undefined && d.length > 2) [y, d] = [d, undefined];
    if (d?.startsWith("'")) [y, d] = [d, undefined];
  }
  if (y !== undefined) {
    const lead = signedDigits(y);
    // "22nd" is a day, not a year: swap it with the day.
    if (lead?.rest) [y, d] = [d, lead.text];
  }
  if (m !== undefined && (m.startsWith("'") || m.length > 2)) [y, m, d] = [m, d, y];
  if (d !== undefined && (d.startsWith("'") || d.length > 2)) [y, d] = [d, y];
  let comp: boolean | undefined;
  if (y !== undefined) {
    const lead = signedDigits(y);
    if (lead) {
      if (lead.signed || lead.digits > 2) comp = false;
      st.h.year = lead.digits === 0 ? 0 : num(lead.text);
    }
  }
  if (bc) st.bc = true;
  if (m !== undefined) {
    const mon = firstDigits(m);
    if (mon !== undefined) st.h.mon = mon;
  }
  if (d !== undefined) {
    const mday = firstDigits(d);
    if (mday !== undefined) st.h.mday = mday;
  }
  if (comp !== undefined) st.comp = comp;
}

const isBc = (era: string | undefined) => era !== undefined && /^b/i.test(era);

function parseTime(st: State): void {
  subx(st, PATTERNS.time, (m) => {
    if (m[2] !== undefined) st.h.zone = m[2];
    const t = PATTERNS.timeParts.exec(m[1] ?? '');
    if (!t) return;
    let hour = num(t[1] as string);
    if (t[5] !== undefined) hour = (num2int(hour) % 12) + (t[5].toLowerCase() === 'p' ? 12 : 0);
    st.h.hour = hour;
    if (t[2] !== undefined) st.h.min = num(t[2]);
    if (t[3] !== undefined) st.h.sec = num(t[3]);
    if (t[4] !== undefined) st.h.secFraction = t[4];
  });
}

/** ISO week dates ("2026-W34-6"), "--08-22", "--0822" and ordinal dates ("2026-234"). */
function parseIso2(st: State): boolean {
  const h = st.h;
  const opt = (v: string | undefined) => (v === undefined ? undefined : num(v));
  const set = (fields: Partial<DateFragments>) =>
    Object.assign(h, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
  if (subx(st, PATTERNS.iso21, (m) => set({ cwyear: opt(m[1]), cweek: opt(m[2]), cwday: opt(m[3]) }))) return true;
  if (subx(st, PATTERNS.iso22, (m) => set({ cwday: opt(m[1]) }))) return true;
  if (subx(st, PATTERNS.iso23, (m) => set({ mon: opt(m[1]), mday: opt(m[2]) }))) return true;
  if (subx(st, PATTERNS.iso24, (m) => set({ mon: opt(m[1]), mday: opt(m[2]) }))) return true;
  if (!PATTERNS.iso25Guard.test(st.str) && subx(st, PATTERNS.iso25, (m) => set({ year: opt(m[1]), yday: opt(m[2]) }))) return true;
  return !PATTERNS.iso26Guard.test(st.str) && subx(st, PATTERNS.iso26, (m) => set({ yday: opt(m[1]) }));
}

type CharClass = 'alpha' | 'digit' | 'dash' | 'dot' | 'slash';
const CLASS_TEST: Readonly<Record<CharClass, RegExp>> = { alpha: /[A-Za-z]/, digit: /[0-9]/, dash: /-/, dot: /\./, slash: /\// };

/** Which character classes the (partly blanked) string still has; Ruby re-checks before each pattern. */
const has = (str: string, ...kinds: CharClass[]) => kinds.every((k) => CLASS_TEST[k].test(str));

const JIS_ERAS: Readonly<Record<string, number>> = { m: 1867, t: 1911, s: 1925, h: 1988, r: 2018 };

/** The date patterns, tried in Ruby's order until one matches. */
function parseDatePart(st: State): void {
  const h = st.h;
  const mon = (name: string | undefined) => String(monthNumber(name ?? ''));
  if (has(st.str, 'alpha', 'digit')) {
    if (subx(st, PATTERNS.eu, (m) => s3e(st, m[4], mon(m[2]), m[1], isBc(m[3])))) return;
    if (subx(st, PATTERNS.us, (m) => s3e(st, m[4], mon(m[1]), m[2], isBc(m[3])))) return;
  }
  if (has(st.str, 'digit', 'dash') && subx(st, PATTERNS.iso, (m) => s3e(st, m[1], m[2], m[3], false))) return;
  const jis = (m: RegExpExecArray) =>
    Object.assign(h, {
      year: num(m[2] as string) + (JIS_ERAS[(m[1] as string).toLowerCase()] ?? 0),
      mon: num(m[3] as string),
      mday: num(m[4] as string),
    });
  if (has(st.str, 'digit', 'dot') && subx(st, PATTERNS.jis, jis)) return;
  if (has(st.str, 'alpha', 'digit', 'dash')) {
    if (subx(st, PATTERNS.vms11, (m) => s3e(st, m[3], mon(m[2]), m[1], false))) return;
    if (subx(st, PATTERNS.vms12, (m) => s3e(st, m[3], mon(m[1]), m[2], false))) return;
  }
  if (has(st.str, 'digit', 'slash') && subx(st, PATTERNS.sla, (m) => s3e(st, m[1], m[2], m[3], false))) return;
  if (has(st.str, 'digit', 'dot') && subx(st, PATTERNS.dot, (m) => s3e(st, m[1], m[2], m[3], false))) return;
  if (has(st.str, 'digit') && parseIso2(st)) return;
  if (has(st.str, 'digit') && subx(st, PATTERNS.year, (m) => (h.year = num(m[1] as string)))) return;
  if (has(st.str, 'alpha') && subx(st, PATTERNS.mon, (m) => (h.mon = monthNumber(m[1] as string)))) return;
  if (has(st.str, 'digit') && subx(st, PATTERNS.mday, (m) => (h.mday = num(m[1] as string)))) return;
  if (has(st.str, 'digit')) {
    subx(st, PATTERNS.ddd, (m) => {
      if (readDigitRun(h, m).fullYear) st.comp = false;
    });
  }
}

/** A lone 1–2 digit number left over completes a day or an hour. */
function parseFrag(st: State): void {
  subx(st, PATTERNS.frag, (m) => {
    const n = num(m[1] as string);
    if (st.h.hour !== undefined && st.h.mday === undefined && n >= 1 && n <= 31) st.h.mday = n;
    if (st.h.mday !== undefined && st.h.hour === undefined && n >= 0 && n <= 24) st.h.hour = n;
  });
}

const withCentury = (y: number) => (y >= 0 && y <= 99 ? y + (y >= 69 ? 1900 : 2000) : y);

/**
 * `Date._parse(text, comp)`: the fragments Ruby reads from `text`. With `comp` a two-digit year
 * gets a century (69–99 → 19xx, 00–68 → 20xx) unless it was written with a sign or more digits.
 * @throws DateParseLimitError for text over 128 bytes (Ruby's ArgumentError); RubyRangeError for an
 *   hour too big for a C int before "am"/"pm".
 * @example
 * dateFragments('Sat, 22 Aug 2026 14:00:00 GMT', true)
 * // { wday: 6, zone: 'GMT', hour: 14, min: 0, sec: 0, mday: 22, mon: 8, year: 2026, offset: 0 }
 */
export function dateFragments(text: string, comp: boolean): DateFragments {
  const bytes = utf8ByteLength(text);
  if (bytes > PARSE_LIMIT_BYTES) throw new DateParseLimitError(`string length (${bytes}) exceeds the limit ${PARSE_LIMIT_BYTES}`);
  const st: State = { str: text.replace(PATTERNS.junk, ' '), h: {}, bc: false, comp };
  if (has(st.str, 'alpha')) subx(st, PATTERNS.day, (m) => (st.h.wday = dayNumber(m[1] as string)));
  if (has(st.str, 'digit')) parseTime(st);
  parseDatePart(st);
  if (has(st.str, 'alpha')) subx(st, PATTERNS.bc, () => (st.bc = true));
  if (has(st.str, 'digit')) parseFrag(st);
  const h = st.h;
  if (st.bc) {
    if (h.cwyear !== undefined) h.cwyear = -h.cwyear + 1;
    if (h.year !== undefined) h.year = -h.year + 1;
  }
  if (st.comp) {
    if (h.cwyear !== undefined) h.cwyear = withCentury(h.cwyear);
    if (h.year !== undefined) h.year = withCentury(h.year);
  }
  if (h.zone !== undefined && h.offset === undefined) {
    const offset = dateZoneToDiff(h.zone);
    if (offset !== undefined) h.offset = offset;
  }
  return h;
}
