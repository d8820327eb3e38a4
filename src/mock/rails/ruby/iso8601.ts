/**
 * @module
 * Ruby's `Date.iso8601(text)`: `Date._iso8601`'s strict ISO 8601 forms — calendar (`2026-08-01`,
 * `20260801`, `--08-01`), ordinal (`2026-213`) and week dates (`2026-W31-5`, `-W-5`), each with an
 * optional time that a Date ignores — completed and validated like `Date.parse` (`d_new_by_frags`).
 */
import { utf8ByteLength } from '../../bytes.js';
import { daysFromCivil } from './civil.js';
import { type DateFragments, PARSE_LIMIT_BYTES } from './date-fragments.js';
import { dateFromFragments, InvalidDateError } from './date-parse.js';

/** Ruby's `\s` is ASCII white space only (JavaScript's would take U+00A0, U+3000…). */
const SPACE = '[ \\t\\n\\v\\f\\r]';

/** The extended form: `2026-08-01`, `--08-01`, `2026-213`, `2026-W31-5`, `-W-5`, with an optional time. */
const ISO_EXT = new RegExp(
  `^${SPACE}*(?:([-+]?\\d{2,}|-)-(\\d{2})?(?:-(\\d{2}))?|([-+]?\\d{2,})?-(\\d{3})|(\\d{4}|\\d{2})?-w(\\d{2})-(\\d)|-w-(\\d))` +
    `(?:t(\\d{2}):(\\d{2})(?::(\\d{2})(?:[,.](\\d+))?)?(z|[-+]\\d{2}(?::?\\d{2})?)?)?${SPACE}*$`,
  'i',
);
/** The basic form: `20260801`, `2026213`, `2026W315`, with an optional `T120000Z`. */
const ISO_BAS = new RegExp(
  `^${SPACE}*(?:([-+]?(?:\\d{4}|\\d{2})|--)(\\d{2}|-)(\\d{2})|([-+]?(?:\\d{4}|\\d{2}))(\\d{3})|-(\\d{3})|(\\d{4}|\\d{2})w(\\d{2})(\\d)|-w(\\d{2})(\\d)|-w-(\\d))` +
    `(?:t?(\\d{2})(\\d{2})(?:(\\d{2})(?:[,.](\\d+))?)?(z|[-+]\\d{2}(?:\\d{2})?)?)?${SPACE}*$`,
  'i',
);

/** A two- or three-character year is read as 1969–2068 (`comp_year69`). */
const year69 = (text: string) => {
  const y = Number.parseInt(text, 10);
  return text.length < 4 ? y + (y >= 69 ? 1900 : 2000) : y;
};

/** The date fields of `Date._iso8601`; a text in neither form yields none (and so no date). */
function iso8601Fragments(text: string): DateFragments {
  const f: DateFragments = {};
  const n = (s: string | undefined) => Number.parseInt(s ?? '', 10);
  const ext = ISO_EXT.exec(text);
  if (ext) {
    if (ext[1] !== undefined) {
      if (ext[3] !== undefined) f.mday = n(ext[3]);
      if (ext[1] !== '-') f.year = year69(ext[1]);
      if (ext[2] !== undefined) f.mon = n(ext[2]);
    } else if (ext[5] !== undefined) {
      f.yday = n(ext[5]);
      if (ext[4] !== undefined) f.year = year69(ext[4]);
    } else if (ext[8] !== undefined) {
      [f.cweek, f.cwday] = [n(ext[7]), n(ext[8])];
      if (ext[6] !== undefined) f.cwyear = year69(ext[6]);
    } else if (ext[9] !== undefined) f.cwday = n(ext[9]);
    return f;
  }
  const bas = ISO_BAS.exec(text);
  if (bas) {
    if (bas[3] !== undefined) {
      f.mday = n(bas[3]);
      if (bas[1] !== '--') f.year = year69(bas[1] as string);
      // "2026-08" reads as year and day: Ruby stops there without a month.
      if (!bas[2]?.startsWith('-')) f.mon = n(bas[2]);
    } else if (bas[5] !== undefined) [f.yday, f.year] = [n(bas[5]), year69(bas[4] as string)];
    else if (bas[6] !== undefined) f.yday = n(bas[6]);
    else if (bas[9] !== undefined) [f.cweek, f.cwday, f.cwyear] = [n(bas[8]), n(bas[9]), year69(bas[7] as string)];
    else if (bas[11] !== undefined) [f.cweek, f.cwday] = [n(bas[10]), n(bas[11])];
    else if (bas[12] !== undefined) f.cwday = n(bas[12]);
  }
  return f;
}

/**
 * `Date.iso8601(text)`: missing leading parts come from today (UTC), a trailing time is ignored.
 * @returns epoch seconds of 00:00 UTC of the day, or `undefined` where Ruby raises (`Date::Error`,
 *   or the ArgumentError of a text over 128 bytes).
 * @example
 * iso8601Date('2026-W31-5', now) // 1785456000 (2026-07-31)
 */
export function iso8601Date(text: string, nowMs: number): number | undefined {
  if (utf8ByteLength(text) > PARSE_LIMIT_BYTES) return undefined;
  try {
    const { year, month, day } = dateFromFragments(iso8601Fragments(text), nowMs);
    return daysFromCivil(year, month, day) * 86_400;
  } catch (err) {
    if (err instanceof InvalidDateError) return undefined;
    throw err;
  }
}
