import { describe, expect, it } from 'vitest';
import { calendar, dayIndexOf } from '../../src/world/day-plan.js';
import { startOfLocalDay } from '../../src/world/time-zone.js';

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
];
const NOWS = ['2026-08-22T18:30:00Z', '2026-03-08T05:03:00Z', '2012-06-30T12:00:00Z'].map((iso) => Date.parse(iso));

describe('calendar', () => {
  it('starts every day where startOfLocalDay says, through offset changes', () => {
    for (const now of NOWS) {
      for (const zone of ZONES) {
        const cal = calendar(now, 366, zone);
        expect(cal.dates).toHaveLength(366);
        expect(cal.starts).toHaveLength(367);
        for (const [i, date] of cal.dates.entries()) expect(cal.starts[i], `${zone} ${date}`).toBe(startOfLocalDay(date, zone));
      }
    }
  });

  it('finds the day of an instant, -1 before the first', () => {
    const cal = calendar(NOWS[0]!, 30, 'America/New_York');
    expect(dayIndexOf(cal, NOWS[0]!)).toBe(29);
    expect(dayIndexOf(cal, cal.starts[0]!)).toBe(0);
    expect(dayIndexOf(cal, cal.starts[0]! - 1)).toBe(-1);
    expect(dayIndexOf(cal, cal.starts[30]!)).toBe(30);
  });
});
