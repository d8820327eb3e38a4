import { describe, expect, it } from 'vitest';
import { fixedClock, parseNow } from '../../src/world/clock.js';
import {
  addDays,
  daysBetween,
  endOfLocalDay,
  isValidTimeZone,
  localDate,
  offsetString,
  startOfLocalDay,
  utcDate,
} from '../../src/world/time-zone.js';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('localDate', () => {
  it('gives the calendar date in the zone', () => {
    expect(localDate(Date.parse('2026-08-22T03:30:00Z'), 'America/New_York')).toBe('2026-08-21');
    expect(localDate(Date.parse('2026-08-22T04:00:00Z'), 'America/New_York')).toBe('2026-08-22');
    expect(localDate(Date.parse('2026-08-21T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-08-22');
    expect(utcDate(Date.parse('2026-08-21T23:59:59Z'))).toBe('2026-08-21');
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight on ordinary days', () => {
    expect(iso(startOfLocalDay('2026-08-22', 'America/New_York'))).toBe('2026-08-22T04:00:00.000Z');
    expect(iso(startOfLocalDay('2026-08-22', 'Asia/Kathmandu'))).toBe('2026-08-21T18:15:00.000Z');
    expect(iso(startOfLocalDay('2026-08-22', 'UTC'))).toBe('2026-08-22T00:00:00.000Z');
  });

  it('handles the days DST starts and ends (New York: 23 h and 25 h days)', () => {
    const springStart = startOfLocalDay('2026-03-08', 'America/New_York');
    expect(iso(springStart)).toBe('2026-03-08T05:00:00.000Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York') - springStart).toBe(23 * 3_600_000);
    const fallStart = startOfLocalDay('2026-11-01', 'America/New_York');
    expect(iso(fallStart)).toBe('2026-11-01T04:00:00.000Z');
    expect(endOfLocalDay('2026-11-01', 'America/New_York') - fallStart).toBe(25 * 3_600_000);
  });

  it('starts at the first instant after the gap when DST skips midnight (Havana)', () => {
    const start = startOfLocalDay('2026-03-08', 'America/Havana');
    expect(iso(start)).toBe('2026-03-08T05:00:00.000Z');
    expect(localDate(start - 1000, 'America/Havana')).toBe('2026-03-07');
  });

  it('takes the earlier midnight when midnight happens twice (Havana in autumn)', () => {
    expect(iso(startOfLocalDay('2026-11-01', 'America/Havana'))).toBe('2026-11-01T04:00:00.000Z');
  });
});

describe('offsetString', () => {
  it('writes ±HH:MM for the instant', () => {
    expect(offsetString(Date.parse('2026-08-22T12:00:00Z'), 'America/New_York')).toBe('-04:00');
    expect(offsetString(Date.parse('2026-01-22T12:00:00Z'), 'America/New_York')).toBe('-05:00');
    expect(offsetString(Date.parse('2026-08-22T12:00:00Z'), 'Asia/Kathmandu')).toBe('+05:45');
    expect(offsetString(Date.parse('2026-08-22T12:00:00Z'), 'America/St_Johns')).toBe('-02:30');
    expect(offsetString(Date.parse('2026-08-22T12:00:00Z'), 'UTC')).toBe('+00:00');
  });
});

describe('isValidTimeZone', () => {
  it('accepts IANA names and links as TZInfo does', () => {
    expect(
      ['America/New_York', 'UTC', 'Etc/UTC', 'US/Eastern', 'Asia/Kolkata', 'Asia/Calcutta', 'America/Port-au-Prince'].map(isValidTimeZone),
    ).toEqual(Array(7).fill(true));
  });

  it('rejects unknown names, other letter case and offsets', () => {
    expect(['Foo/Bar', 'america/new_york', 'AMERICA/NEW_YORK', 'us/eastern', '+01:00', '-05:00', ''].map(isValidTimeZone)).toEqual(
      Array(7).fill(false),
    );
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-08-31', 1)).toBe('2026-09-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2026-08-15', '2026-08-22')).toBe(7);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});

describe('clock', () => {
  it('answers a fixed instant and parses --now values', () => {
    expect(fixedClock(1787407200000).now()).toBe(1787407200000);
    expect(parseNow('2026-08-22T14:00:00Z')).toBe(Date.parse('2026-08-22T14:00:00Z'));
    expect(parseNow('1787407200')).toBe(1787407200000);
    expect(parseNow('1787407200000')).toBe(1787407200000);
    expect(() => parseNow('next tuesday')).toThrow(RangeError);
  });
});
