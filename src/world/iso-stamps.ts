/**
 * @module
 * `created_at` and `updated_at`: a stored row's stamps are `Date#toISOString` strings, kept as epoch
 * ms by the rows held as columns (generated days, posted rows) and written again when a row is read.
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** `00`…`99` and `000`…`999`, looked up rather than padded for every instant written. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * `Date#toISOString` of epoch ms from year 0 to 9999, with the date part built once per run of
 * instants on one UTC day (outside those years its date part is not `toISOString`'s).
 * @example
 * isoWriter()(1787407234500) // '2026-08-22T14:00:34.500Z'
 */
export function isoWriter(): (instant: number) => string {
  let isoDay = Number.NaN;
  let prefix = '';
  return (instant) => {
    const ms = Math.floor(instant);
    const day = Math.floor(ms / DAY);
    if (day !== isoDay) {
      isoDay = day;
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MINUTE);
    rest -= m * MINUTE;
    const sec = Math.floor(rest / 1000);
    return `${prefix}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[sec]}.${THREE_DIGITS[rest - sec * 1000]}Z`;
  };
}

/** The number written by `count` decimal digits of `text` from `at`; NaN if one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The epoch ms that {@link isoWriter} writes as `text`, or undefined when it writes no ms so (a text
 * `Date.parse` reads but that is written otherwise, or none). A run of stamps on one UTC day is read
 * from its digits, without `Date.parse`.
 * @example
 * isoReader()('2026-08-22T14:00:34.500Z') // 1787407234500
 * isoReader()('2026-08-22T14:00:34Z')     // undefined
 */
export function isoReader(): (text: string) => number | undefined {
  const write = isoWriter();
  // The date part ('2026-08-22T') of the last stamp read, and its day's first ms.
  let prefix = '\0';
  let dayStart = 0;
  return (text) => {
    if (text.length === 24 && text.startsWith(prefix) && text[13] === ':' && text[16] === ':' && text[19] === '.' && text[23] === 'Z') {
      const h = digitsAt(text, 11, 2);
      const m = digitsAt(text, 14, 2);
      const sec = digitsAt(text, 17, 2);
      const ms = digitsAt(text, 20, 3);
      // NaN fails every comparison.
      if (h < 24 && m < 60 && sec < 60 && ms >= 0) return dayStart + h * HOUR + m * MINUTE + sec * 1000 + ms;
    }
    const ms = Date.parse(text);
    if (!Number.isFinite(ms) || write(ms) !== text) return undefined;
    prefix = text.slice(0, 11);
    dayStart = Math.floor(ms / DAY) * DAY;
    return ms;
  };
}
