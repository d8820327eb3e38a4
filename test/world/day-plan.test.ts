import { describe, expect, it } from 'vitest';
import { calendar, dayIndexOf } from '../../src/world/day-plan.js';
import { worldFixtures } from '../../src/world/fixtures.js';
import { addDays, localDate, startOfLocalDay } from '../../src/world/time-zone.js';

// Zones with DST at midnight (Havana, Santiago), half-hour shifts (Lord Howe), odd offsets
// (Chatham, Kolkata) and a skipped day (Apia, 2011-12-30).
const ZONES = [
  'America/New_York',
  'America/Havana',
  'America/Santiago',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'Pacific/Apia',
  'UTC',
  // Ramadan suspends DST (a month apart), and a two-hour DST.
  'Africa/Casablanca',
  'Asia/Gaza',
  'Antarctica/Troll',
];
const NOWS = ['2026-08-22T18:30:00Z', '2026-03-08T05:03:00Z', '2012-06-30T12:00:00Z'].map((iso) => Date.parse(iso));

describe('calendar', () => {
  it('starts every day where startOfLocalDay says, through offset changes', () => {
    for (const now of NOWS) {
      for (const zone of ZONES) {
        const cal = calendar(now, 366, zone);
        expect(cal.days).toBe(366);
        // Latest first: a start is worked out when first asked for, in any order.
        for (let i = 366; i >= 0; i--) {
          const date = addDays(cal.date(0), i);
          expect(cal.start(i), `${zone} ${date}`).toBe(startOfLocalDay(date, zone));
        }
      }
    }
  });

  it('is the days before now, each starting where startOfLocalDay says, in every zone of the fixtures', () => {
    const zones = [...new Set([...worldFixtures().timeZones.map((z) => z.zone), ...ZONES])];
    // Now just after a local midnight, across a spring-forward and a fall-back, and a leap year.
    const nows = [...NOWS, '2026-11-01T06:30:00Z', '2024-03-31T00:30:00Z', '2025-01-01T00:00:00Z'].map((n) =>
      typeof n === 'number' ? n : Date.parse(n),
    );
    for (const now of nows) {
      for (const zone of zones) {
        const cal = calendar(now, 365, zone);
        const today = localDate(now, zone);
        expect(cal.date(364), `${zone} today`).toBe(today);
        expect(cal.start(365), `${zone} tomorrow`).toBe(startOfLocalDay(addDays(today, 1), zone));
        for (let i = 0; i < 365; i++) {
          const date = cal.date(i);
          expect(date).toBe(addDays(today, i - 364));
          expect(cal.start(i), `${zone} ${date}`).toBe(startOfLocalDay(date, zone));
        }
      }
    }
  });

  it('finds the day of an instant, -1 before the first', () => {
    const cal = calendar(NOWS[0]!, 30, 'America/New_York');
    expect(dayIndexOf(cal, NOWS[0]!)).toBe(29);
    expect(dayIndexOf(cal, cal.start(0))).toBe(0);
    expect(dayIndexOf(cal, cal.start(0) - 1)).toBe(-1);
    expect(dayIndexOf(cal, cal.start(30))).toBe(30);
  });
});
