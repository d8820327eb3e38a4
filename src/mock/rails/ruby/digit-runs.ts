/**
 * @module
 * `Date._parse`'s last resort, `parse_ddd`: fields read out of a bare run of digits by its length
 * (8 digits are YYYYMMDD, 6 are YYMMDD, 4 are MMDD…), as ISO 8601's basic format writes dates.
 */
import type { DateFragments } from './fragments.js';
import { dateZoneToDiff } from './zone-offset.js';

const num = (s: string) => Number.parseInt(s, 10);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * A run of 2–14 digits ("20260822", "20260822T140000Z", "140000", "0822"…), read by its length,
 * with an optional time part, fraction and zone after it. `fullYear` tells the caller the year
 * was written with four digits, so no century may be added.
 */
export function readDigitRun(h: DateFragments, m: RegExpExecArray): { fullYear: boolean } {
  let fullYear = false;
  const [sign, s2, s3, s4, s5] = [m[1] ?? '', m[2] as string, m[3], m[4], m[5]];
  const n = (from: number, width: number) => num(s2.slice(from, from + width));
  const year = (v: number) => (sign === '-' ? -v : v);
  const l = s2.length;
  // A fraction right after the digits ("123456.5") makes them a time, read from the right.
  const timeOnly = s3 === undefined && s4 !== undefined;
  if (l === 2) {
    if (timeOnly) h.sec = n(0, 2);
    else h.mday = n(0, 2);
  } else if (l === 4) {
    Object.assign(h, timeOnly ? { sec: n(2, 2), min: n(0, 2) } : { mon: n(0, 2), mday: n(2, 2) });
  } else if (l === 6) {
    Object.assign(h, timeOnly ? { sec: n(4, 2), min: n(2, 2), hour: n(0, 2) } : { year: year(n(0, 2)), mon: n(2, 2), mday: n(4, 2) });
  } else if (l === 8 || l === 10 || l === 12 || l === 14) {
    if (timeOnly) {
      Object.assign(h, { sec: n(l - 2, 2), min: n(l - 4, 2), hour: n(l - 6, 2), mday: n(l - 8, 2) });
      if (l >= 10) h.mon = n(l - 10, 2);
      if (l === 12) h.year = year(n(0, 2));
      if (l === 14) {
        h.year = year(n(0, 4));
        fullYear = true;
      }
    } else {
      Object.assign(h, { year: year(n(0, 4)), mon: n(4, 2), mday: n(6, 2) });
      if (l >= 10) h.hour = n(8, 2);
      if (l >= 12) h.min = n(10, 2);
      if (l >= 14) h.sec = n(12, 2);
      fullYear = true;
    }
  } else if (l === 3) {
    Object.assign(h, timeOnly ? { sec: n(1, 2), min: n(0, 1) } : { yday: n(0, 3) });
  } else if (l === 5) {
    Object.assign(h, timeOnly ? { sec: n(3, 2), min: n(1, 2), hour: n(0, 1) } : { year: year(n(0, 2)), yday: n(2, 3) });
  } else if (l === 7) {
    Object.assign(h, timeOnly ? { sec: n(5, 2), min: n(3, 2), hour: n(1, 2), mday: n(0, 1) } : { year: year(n(0, 4)), yday: n(4, 3) });
  }
  if (s3 !== undefined && [2, 4, 6].includes(s3.length)) {
    const t = (from: number) => num(s3.slice(from, from + 2));
    const k = s3.length;
    if (s4 !== undefined) {
      h.sec = t(k - 2);
      if (k >= 4) h.min = t(k - 4);
      if (k >= 6) h.hour = t(k - 6);
    } else {
      h.hour = t(0);
      if (k >= 4) h.min = t(2);
      if (k >= 6) h.sec = t(4);
    }
  }
  if (s4 !== undefined) h.secFraction = s4;
  if (s5 !== undefined) readZone(h, s5);
  return { fullYear };
}

/** "z", "+0900" or a bracketed "[-5:EST]" / "[9]" zone after a digit run. */
function readZone(h: DateFragments, s5: string): void {
  h.zone = s5;
  if (!s5.startsWith('[')) return;
  const inner = s5.slice(1, -1);
  const colon = inner.indexOf(':');
  const offsetText = colon >= 0 ? inner.slice(0, colon) : isDigit(inner[0]) ? `+${inner}` : inner;
  h.zone = colon >= 0 ? inner.slice(colon + 1) : inner;
  const offset = dateZoneToDiff(offsetText);
  if (offset === undefined) delete h.offset;
  else h.offset = offset;
}
