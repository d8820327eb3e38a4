/**
 * The Ruby and Rails readings of dates and times the mock shares (src/mock/rails/ruby/): `Time.parse`,
 * `String#to_date` / `#to_datetime`, ActiveSupport's `Time.zone.parse`, `Date.iso8601`, and the
 * calendar arithmetic around them. The expectations come from running Ruby 3.1 (`Time.parse(s,
 * Time.utc(2026, 8, 22, 18, 30))`, `Date.parse(s, false)`, `Time.new` with `Date._parse(s, false)`'s
 * parts as ActiveSupport calls it…), not from this code; cases marked "date 3.5.1" were run with the
 * `date` gem at the real server's version, where it reads zones differently from Ruby 3.1's 3.2.2.
 */
import { describe, expect, it } from 'vitest';
import { monthsBefore, strftimeUtc, yearsAgo } from '../../../src/mock/rails/ruby/active-support-time.js';
import { RubyRangeError } from '../../../src/mock/rails/ruby/date-fragments.js';
import { rubyParseDate, rubyParseDateTime } from '../../../src/mock/rails/ruby/date-parse.js';
import { iso8601Date } from '../../../src/mock/rails/ruby/iso8601.js';
import { rubyTimeParse, timeToF, xmlschema3 } from '../../../src/mock/rails/ruby/time-parse.js';
import { timeZoneParse } from '../../../src/mock/rails/ruby/time-zone-parse.js';
import { NOW } from '../../helpers/mock.js';

const MIDNIGHT = Date.parse('2026-08-22T00:00:00Z') / 1000;
const iso = (seconds: number) => new Date(Math.round(seconds * 1000)).toISOString();

describe('Time.parse (/my/heartbeats, the removed YSWS claim)', () => {
  it.each([
    ['2026-08-22T10:00:00+02:00', '2026-08-22T10:00:00.000+02:00', 1787385600],
    ['2026-08-22T14:00:00.123456Z', '2026-08-22T14:00:00.123Z', 1787407200.123456],
    ['Aug 22, 2026 2:30pm', '2026-08-22T14:30:00.000+00:00', 1787409000],
    ['2026-08-22 14:00 CET', '2026-08-22T14:00:00.000+00:00', 1787407200],
    ['2026-234', '2026-08-22T00:00:00.000+00:00', 1787356800],
    ['2026-02-30', '2026-03-02T00:00:00.000+00:00', 1772409600],
    ['2026-08-22T24:00:00Z', '2026-08-23T00:00:00.000Z', 1787443200],
    ['20260822T140000Z', '2026-08-22T14:00:00.000Z', 1787407200],
    ['Aug 21', '2026-08-21T00:00:00.000+00:00', 1787270400],
    ['22nd', '2026-08-22T00:00:00.000+00:00', 1787356800],
    ['10pm', '2026-08-22T22:00:00.000+00:00', 1787436000],
    ['2026-13-01T00:30:00+01:00', '2027-01-01T00:30:00.000+01:00', 1798759800],
    ['2026-08-22T23:59:59.9999999999Z', '2026-08-22T23:59:59.999Z', 1787443200],
    ['2026-05-01 00:00:00 EST', '2026-05-01T00:00:00.000-05:00', 1777611600],
    ['May 1 2026 10pm', '2026-05-01T22:00:00.000+00:00', 1777672800],
    // Time knows no Windows zone names: the clock time is read in the server's zone.
    ['2026-08-22 14:00 Eastern Standard Time', '2026-08-22T14:00:00.000+00:00', 1787407200],
  ])('%s', (input, echo, toF) => {
    const parsed = rubyTimeParse(input, NOW);
    expect(xmlschema3(parsed)).toBe(echo);
    expect(timeToF(parsed)).toBeCloseTo(toF, 5);
  });

  it.each(['whenever', '2026-08-22T10:00:00+24:00'])('%s raises', (input) => {
    expect(() => rubyTimeParse(input, NOW)).toThrow();
  });

  it('the default end of day, 23:59:59.999999999, is the float of midnight (so 00:00:00 next day is inside)', () => {
    expect(timeToF({ seconds: MIDNIGHT + 86_399, fraction: '999999999' })).toBe(MIDNIGHT + 86_400);
  });
});

describe('String#to_date and #to_datetime (project windows, /authenticated/hours)', () => {
  it.each([
    ['2026-08-01', '2026-08-01'],
    ['Aug 1 2026', '2026-08-01'],
    ['01/08/2026', '2026-08-01'],
    ['2026-08-10T23:00:00-05:00', '2026-08-10'],
    ['Sat Aug 1 2026', '2026-08-01'],
    ['2026-213', '2026-08-01'],
  ])('to_date %s', (input, date) => {
    const d = rubyParseDate(input, NOW);
    expect(`${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`).toBe(date);
  });

  it.each(['bogus', '2026-02-30', '2026', '10:00', '08/22/2026', 'Monday 2026', 'x'.repeat(129)])('to_date %s raises', (input) => {
    expect(() => rubyParseDate(input, NOW)).toThrow();
  });

  it.each([
    ['2026-08-01', 1785542400],
    ['2026-08-10T12:00:00+02:00', 1786356000],
    ['Aug 10 2026 12:00 CEST', 1786356000],
    ['2026-08-10T12:00:00.5+02:00', 1786356000.5],
    ['2026-08-10T10:00:00 Eastern Standard Time', 1786374000],
    ['R6.2.29T10h', 1709200800],
    // date 3.5.1 ignores an offset of 24 hours or more (3.2.2 took it, and DateTime then raised).
    ['2026-08-10T10:00:00+24:00', 1786356000],
  ])('to_datetime %s', (input, seconds) => {
    expect(timeToF(rubyParseDateTime(input, NOW))).toBe(seconds);
  });

  it('to_datetime raises RangeError for an hour too big for a C int', () => {
    expect(() => rubyParseDateTime('99999999999pm', NOW)).toThrow(RubyRangeError);
  });
});

describe('Time.zone.parse in UTC (stats windows, /api/summary from/to)', () => {
  it.each([
    ['2026-08-01', '2026-08-01T00:00:00.000Z'],
    ['20260801', '2026-08-01T00:00:00.000Z'],
    ['2026-08-01T23:00:00-05:00', '2026-08-02T04:00:00.000Z'],
    ['2026-08-01T10:00:00+0530', '2026-08-01T04:30:00.000Z'],
    ['Sat, 22 Aug 2026 14:00:00 GMT', '2026-08-22T14:00:00.000Z'],
    ['1st August 2026', '2026-08-01T00:00:00.000Z'],
    ['August 2026', '2026-08-01T00:00:00.000Z'],
    ['2026-Aug-22', '2026-08-22T00:00:00.000Z'],
    ['12:30 am 2026-08-01', '2026-08-01T00:30:00.000Z'],
    ['10:00pm', '2026-08-22T22:00:00.000Z'],
    ['08/01/2026', '2026-01-08T00:00:00.000Z'],
    ['08/01', '2026-08-01T00:00:00.000Z'],
    ['01.08.2026', '2026-08-01T00:00:00.000Z'],
    ['20260801T103000Z', '2026-08-01T10:30:00.000Z'],
    ['2026-02-30', '2026-03-02T00:00:00.000Z'],
    ['2026-08-01T24:00:00', '2026-08-02T00:00:00.000Z'],
    ['2026-08-01T10:00:60', '2026-08-01T10:01:00.000Z'],
    ['2026-13-01', null],
    ['2026-08-32', null],
    ['2026-08-01T24:30:00', null],
    ['foo', null],
    ['1787407234', null],
    [`2026-08-01${' '.repeat(130)}`, null],
    ['2026-08-01T10:00:00.123456+05:30', '2026-08-01T04:30:00.123Z'],
    ['2026-08-01T10:00:00 Eastern Standard Time', '2026-08-01T15:00:00.000Z'],
    ['2026-08-01T10:00:00 foo', '2026-08-01T10:00:00.000Z'],
    ['H31.04.30', '2019-04-30T00:00:00.000Z'],
    // A weekday, a lone day number or a week date: Time.new takes no weekday, so today fills in.
    ['Saturday', '2026-08-22T00:00:00.000Z'],
    ['12', '2026-08-12T00:00:00.000Z'],
    ['2026-W31-5', '2026-08-22T00:00:00.000Z'],
    // date 3.5.1 ignores an impossible offset (3.2.2 took +24:00 and Time.new raised; +05:60 was 6 hours).
    ['2026-08-01T10:00:00+24:00', '2026-08-01T10:00:00.000Z'],
    ['2026-08-01T10:00:00+05:60', '2026-08-01T10:00:00.000Z'],
    // Time.new's day is a 5-bit field: the 31st of a short month, carried past midnight by the offset, wraps to day 0.
    ['2026-09-31T23:00:00-05:00', '2026-08-31T04:00:00.000Z'],
    ['2026-09-31T23:00:00', '2026-10-01T23:00:00.000Z'],
  ])('%s → %s', (raw, expected) => {
    const parsed = timeZoneParse(raw, NOW);
    expect(parsed === undefined ? null : iso(parsed)).toBe(expected);
  });

  it('keeps the fraction of a second', () => {
    expect(timeZoneParse('2026-08-01T10:00:00.123456+05:30', NOW)).toBeCloseTo(1785558600.123456, 6);
  });

  it.each(['99999999999pm', '2026-99999999999-01'])('%s raises RangeError (a number too big for a C int)', (raw) => {
    expect(() => timeZoneParse(raw, NOW)).toThrow(RubyRangeError);
  });
});

describe('Date.iso8601 (the admin stats window)', () => {
  it.each([
    ['2026-08-01', '2026-08-01'],
    ['20260801', '2026-08-01'],
    ['2026-W31-5', '2026-07-31'],
    ['2026W315', '2026-07-31'],
    ['2026-213', '2026-08-01'],
    ['2026213', '2026-08-01'],
    ['--08-01', '2026-08-01'],
    ['2026-08', '2026-08-01'],
    ['26-08-01', '2026-08-01'],
    ['2026-08-01T25:99', '2026-08-01'],
    [' 2026-08-01 ', '2026-08-01'],
    ['Aug 10 2026', null],
    ['2026-02-30', null],
    ['2026-W31', null],
    ['1582-10-10', null],
    // Ruby's `\s` is ASCII: a no-break space is not white space to it.
    ['\u00a02026-08-01', null],
  ])('%s → %s', (raw, expected) => {
    const day = iso8601Date(raw, NOW);
    expect(day === undefined ? null : iso(day).slice(0, 10)).toBe(expected);
  });
});

describe('ActiveSupport time arithmetic in UTC', () => {
  it('n.months.ago goes back calendar months, clamping the day to the shorter month', () => {
    const back = (from: string, months: number) => new Date(monthsBefore(Date.parse(from), months)).toISOString();
    expect(back('2026-03-31T12:00:00Z', 1)).toBe('2026-02-28T12:00:00.000Z');
    expect(back('2028-03-30T00:00:00Z', 1)).toBe('2028-02-29T00:00:00.000Z');
    expect(back('2026-01-15T08:00:00.250Z', 1)).toBe('2025-12-15T08:00:00.250Z');
    expect(back('2026-05-31T23:59:59Z', 1)).toBe('2026-04-30T23:59:59.000Z');
    expect(back('2026-08-31T12:00:00Z', 6)).toBe('2026-02-28T12:00:00.000Z');
  });

  it('n.years.ago turns Feb 29 into Feb 28 and keeps the clock', () => {
    expect(iso(yearsAgo(Date.parse('2028-02-29T12:00:00.500Z'), 1))).toBe('2027-02-28T12:00:00.500Z');
    expect(iso(yearsAgo(NOW, 10))).toBe('2016-08-22T18:30:00.000Z');
  });

  it('strftime("%Y-%m-%dT%H:%M:%SZ") pads the year to four digits and floors the seconds', () => {
    expect(strftimeUtc(1785542400.9)).toBe('2026-08-01T00:00:00Z');
    expect(strftimeUtc(253402300800)).toBe('10000-01-01T00:00:00Z');
    expect(strftimeUtc(-62198755200)).toBe('-0001-01-01T00:00:00Z');
  });
});
