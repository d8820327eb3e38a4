import { describe, expect, it } from 'vitest';
import {
  badgeTime,
  clockEmoji,
  decimalHours,
  digitalTime,
  digitalTimeUnpadded,
  hms,
  hrsMins,
  percent,
  rubyRound,
  shortTimeDetailed,
  shortTimeSimple,
  statusbarText,
  summaryText,
} from '../../../src/mock/rails/present/format.js';

describe('summaries durations (reference section 4)', () => {
  it('writes 5430 s as the reference example does', () => {
    expect(hms(5430)).toEqual({ hours: 1, minutes: 30, seconds: 30 });
    expect(digitalTime(5430)).toBe('01:30:30');
    expect(decimalHours(5430)).toBe('1.51');
    expect(summaryText(5430)).toBe('1h 30m 30s');
  });

  it('writes zero as "0s", "00:00:00" and "0.00"', () => {
    expect(summaryText(0)).toBe('0s');
    expect(digitalTime(0)).toBe('00:00:00');
    expect(decimalHours(0)).toBe('0.00');
  });

  it('keeps padding hours past 99', () => {
    expect(digitalTime(360000)).toBe('100:00:00');
  });

  it('rounds exact binary ties of %.2f to even, as Ruby does', () => {
    // Checked against Ruby 3.1: format("%.2f", 450 / 3600.0) and friends.
    expect([450, 1350, 2250, 3150, 4050, 18].map(decimalHours)).toEqual(['0.12', '0.38', '0.62', '0.88', '1.12', '0.01']);
  });
});

describe('user stats texts (reference section 9)', () => {
  it('human_readable_* lists non-zero parts and is empty for 0', () => {
    expect(shortTimeDetailed(18610)).toBe('5h 10m 10s');
    expect(shortTimeDetailed(25200)).toBe('7h');
    expect(shortTimeDetailed(1200)).toBe('20m');
    expect(shortTimeDetailed(3605)).toBe('1h 5s');
    expect(shortTimeDetailed(0)).toBe('');
  });

  it('item text shows hours and minutes only, "0m" under a minute', () => {
    expect(shortTimeSimple(18000)).toBe('5h');
    expect(shortTimeSimple(7200)).toBe('2h');
    expect(shortTimeSimple(3660)).toBe('1h 1m');
    expect(shortTimeSimple(59)).toBe('0m');
    expect(shortTimeSimple(0)).toBe('0m');
  });

  it('digital is zero-padded HH:MM:SS', () => {
    expect(digitalTime(18000)).toBe('05:00:00');
  });
});

describe('statusbar (reference section 5)', () => {
  it('says "Start coding!" at zero, else "<h>h <m>m"', () => {
    expect(statusbarText(0)).toBe('Start coding!');
    expect(statusbarText(9000)).toBe('2h 30m');
    expect(statusbarText(2700)).toBe('45m');
    expect(statusbarText(30)).toBe('0m');
    expect(shortTimeSimple(14400)).toBe('4h');
  });

  it('advances the clock emoji every 30 minutes and wraps after 12 hours', () => {
    expect([0, 1799, 1800, 3600, 43200].map(clockEmoji)).toEqual(['🕛', '🕛', '🕧', '🕐', '🕛']);
  });
});

describe('last_7_days texts (reference section 6)', () => {
  it('uses "<h> hrs <m> mins" and unpadded hours', () => {
    expect(hrsMins(25200)).toBe('7 hrs 0 mins');
    expect(hrsMins(5040)).toBe('1 hrs 24 mins');
    expect(digitalTimeUnpadded(25200)).toBe('7:00:00');
    expect(digitalTimeUnpadded(3725)).toBe('1:02:05');
  });
});

describe('badge time (reference section 28)', () => {
  it('is "<h>h <m>m" from an hour, else "<m>m"', () => {
    expect(badgeTime(45240)).toBe('12h 34m');
    expect(badgeTime(3600)).toBe('1h 0m');
    expect(badgeTime(300)).toBe('5m');
    expect(badgeTime(0)).toBe('0m');
  });
});

describe('percent', () => {
  it('matches the reference examples', () => {
    expect(percent(18000, 25200)).toBe(71.43);
    expect(percent(7200, 25200)).toBe(28.57);
    expect(percent(21600, 25200, 'scale-first')).toBe(85.71);
    expect(percent(3600, 25200)).toBe(14.29);
    expect(percent(25200, 25200)).toBe(100);
  });

  it('is null for a zero total (NaN renders as null)', () => {
    expect(percent(0, 0)).toBeNull();
  });

  it('rounds like Ruby’s Float#round(2), which corrects lost precision', () => {
    // Checked against Ruby 3.1: 2.675.round(2) => 2.68, 1.005.round(2) => 1.01, 0.285.round(2) => 0.29.
    expect([2.675, 1.005, 0.285, 33.333333, 0.125].map((v) => rubyRound(v, 2))).toEqual([2.68, 1.01, 0.29, 33.33, 0.13]);
    expect(rubyRound(-2.675, 2)).toBe(-2.68);
  });
});
