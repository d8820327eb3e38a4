import { describe, expect, it } from 'vitest';
import {
  distanceOfTimeInWords,
  isoInZone,
  isoMillis,
  isoSeconds,
  railsLongDate,
  summaryDateText,
  timeAgo,
  weeklyRangeText,
} from '../../../src/mock/rails/present/format-date.js';

const T = Date.parse('2026-08-22T14:00:00Z');
const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe('ISO 8601 variants', () => {
  it('renders model timestamps with milliseconds and Z', () => {
    expect(isoMillis(Date.parse('2026-08-22T14:00:35.12Z'))).toBe('2026-08-22T14:00:35.120Z');
  });

  it('renders .iso8601 values without fraction', () => {
    expect(isoSeconds(Date.parse('2026-08-22T13:05:12.987Z'))).toBe('2026-08-22T13:05:12Z');
  });

  it('renders last_7_days bounds with the user’s offset', () => {
    expect(isoInZone(Date.parse('2026-08-15T04:00:00Z'), 'America/New_York')).toBe('2026-08-15T00:00:00-04:00');
    expect(isoInZone(Date.parse('2026-08-23T03:59:59Z'), 'America/New_York')).toBe('2026-08-22T23:59:59-04:00');
    expect(isoInZone(Date.parse('2026-08-22T00:00:00Z'), 'Asia/Kathmandu')).toBe('2026-08-22T05:45:00+05:45');
  });

  it('writes Z for the UTC zone but +00:00 for London in winter', () => {
    expect(isoInZone(Date.parse('2026-01-10T00:00:00Z'), 'UTC')).toBe('2026-01-10T00:00:00Z');
    expect(isoInZone(Date.parse('2026-01-10T00:00:00Z'), 'Europe/London')).toBe('2026-01-10T00:00:00+00:00');
  });
});

describe('dates in words', () => {
  it('writes the Rails long date with a zero-padded day', () => {
    expect(railsLongDate('2026-08-05')).toBe('August 05, 2026');
    expect(railsLongDate('2026-12-25')).toBe('December 25, 2026');
  });

  it('names today and yesterday in summaries', () => {
    expect(summaryDateText('2026-08-22', '2026-08-22')).toBe('Today');
    expect(summaryDateText('2026-08-21', '2026-08-22')).toBe('Yesterday');
    expect(summaryDateText('2026-08-05', '2026-08-22')).toBe('August 05, 2026');
  });

  it('writes the weekly leaderboard range as the six days before today through today', () => {
    expect(weeklyRangeText('2026-08-22')).toBe('Aug 16 - Aug 22, 2026');
    expect(weeklyRangeText('2027-01-03')).toBe('Dec 28 - Jan 03, 2027');
    expect(weeklyRangeText('2024-03-20')).toBe('Mar 14 - Mar 20, 2024');
  });
});

describe('time_ago_in_words', () => {
  const ago = (ms: number): string => distanceOfTimeInWords(T - ms, T);

  it('matches the reference examples', () => {
    expect(timeAgo(T - 3 * MIN, T)).toBe('3 minutes ago');
    expect(timeAgo(T - 10 * S, T)).toBe('less than a minute ago');
    expect(timeAgo(T - 70 * MIN, T)).toBe('about 1 hour ago');
    expect(timeAgo(T - 30 * H, T)).toBe('1 day ago');
  });

  it('switches at Rails’ documented boundaries', () => {
    expect([29 * S, 30 * S, 89 * S, 90 * S].map(ago)).toEqual(['less than a minute', '1 minute', '1 minute', '2 minutes']);
    expect([44 * MIN + 29 * S, 44 * MIN + 30 * S, 89 * MIN + 29 * S, 89 * MIN + 30 * S].map(ago)).toEqual([
      '44 minutes',
      'about 1 hour',
      'about 1 hour',
      'about 2 hours',
    ]);
    expect([D - 31 * S, D - 30 * S, 42 * H - 31 * S, 42 * H - 30 * S].map(ago)).toEqual(['about 24 hours', '1 day', '1 day', '2 days']);
    expect([30 * D - 31 * S, 30 * D, 45 * D, 60 * D, 200 * D].map(ago)).toEqual([
      '30 days',
      'about 1 month',
      'about 2 months',
      '2 months',
      '7 months',
    ]);
  });

  it('counts years with leap days discounted', () => {
    expect(distanceOfTimeInWords(Date.parse('2025-03-01T00:00:00Z'), Date.parse('2026-03-01T00:00:00Z'))).toBe('about 1 year');
    expect(distanceOfTimeInWords(Date.parse('2023-08-22T00:00:00Z'), Date.parse('2026-08-22T00:00:00Z'))).toBe('about 3 years');
    expect(distanceOfTimeInWords(Date.parse('2025-01-22T00:00:00Z'), Date.parse('2026-08-22T00:00:00Z'))).toBe('over 1 year');
    expect(distanceOfTimeInWords(Date.parse('2024-10-22T00:00:00Z'), Date.parse('2026-08-22T00:00:00Z'))).toBe('almost 2 years');
  });

  it('is symmetric in its arguments', () => {
    expect(distanceOfTimeInWords(T + 3 * MIN, T)).toBe('3 minutes');
  });
});
