import { describe, expect, it } from 'vitest';
import { Random } from '../../src/world/random.js';
import { addDays, endOfLocalDay, localDate, offsetSeconds, startOfLocalDay, utcDate } from '../../src/world/time-zone.js';
import { localDater, localDayEnd, localDayStart, ZoneOffsets } from '../../src/world/zone-offsets.js';

const DAY = 86_400_000;
const FROM = Date.parse('2025-08-01T00:00:00Z');
const TO = Date.parse('2026-09-01T00:00:00Z');
// Two changes a year, half-hour DST, DST at midnight, Ramadan suspensions, none at all.
const ZONES = ['America/New_York', 'Australia/Lord_Howe', 'America/Havana', 'Africa/Casablanca', 'Asia/Gaza', 'Asia/Kolkata', 'UTC'];

describe('ZoneOffsets', () => {
  it('gives Intl’s offset at every instant of the span, next to each change as well', () => {
    const rng = new Random(13);
    for (const zone of ZONES) {
      const offsets = new ZoneOffsets(zone, FROM, TO);
      for (let k = 0; k < 400; k++) {
        const at = rng.int(FROM, TO);
        expect(offsets.offsetAt(at), `${zone} ${new Date(at).toISOString()}`).toBe(offsetSeconds(at, zone));
      }
      // An instant each side of every change: hourly samples find where the offset moves.
      let changes = 0;
      for (let at = FROM; at < TO; at += 3_600_000) {
        if (offsetSeconds(at, zone) === offsetSeconds(at + 3_600_000, zone)) continue;
        for (let t = at; t <= at + 3_600_000; t += 1000) {
          if (offsetSeconds(t, zone) !== offsetSeconds(t - 1000, zone)) {
            changes++;
            expect(offsets.offsetAt(t - 1)).toBe(offsetSeconds(t - 1, zone));
            expect(offsets.offsetAt(t)).toBe(offsetSeconds(t, zone));
          }
        }
      }
      expect(changes > 0, zone).toBe(zone !== 'Asia/Kolkata' && zone !== 'UTC');
    }
  });

  it('asks Intl outside its span', () => {
    const offsets = new ZoneOffsets('Europe/London', FROM, FROM + DAY);
    const winter = Date.parse('2026-01-15T12:00:00Z');
    expect(offsets.offsetAt(FROM)).toBe(3600);
    expect(offsets.offsetAt(winter)).toBe(0);
  });

  it('finds local dates and day starts as localDate and startOfLocalDay do', () => {
    for (const zone of ZONES) {
      const offsets = new ZoneOffsets(zone, FROM - 2 * DAY, TO + 2 * DAY);
      for (let midnight = FROM; midnight < TO; midnight += DAY) {
        const date = utcDate(midnight);
        const start = offsets.startOfDay(midnight);
        expect(start, `${zone} ${date}`).toBe(startOfLocalDay(date, zone));
        expect(utcDate(offsets.localDay(start + 3_600_000))).toBe(localDate(start + 3_600_000, zone));
      }
    }
  });
});

/**
 * Reads that walk a long history (a year of summaries, daily totals, streaks) ask each instant's
 * local date and each day's start of the zone's yearly offset tables instead of Intl: the answers
 * must be Intl's, across DST changes, year ends and zones with odd offsets.
 */
describe('localDater and localDayStart', () => {
  const zones = [...ZONES, 'Pacific/Chatham', 'America/St_Johns', 'Europe/Dublin', 'Asia/Kathmandu', 'Pacific/Kiritimati'];

  it('give localDate’s date for instants walked across two years', () => {
    for (const zone of zones) {
      const dateOf = localDater(zone);
      for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-03T00:00:00Z'); t += 301 * 60_000 + 1_234) {
        expect(dateOf(t), `${zone} ${new Date(t).toISOString()}`).toBe(localDate(t, zone));
      }
    }
  });

  it('give localDate’s date just either side of every local midnight, and startOfLocalDay’s start', () => {
    for (const zone of zones) {
      const dateOf = localDater(zone);
      for (let date = '2025-12-20'; date <= '2026-12-31'; date = addDays(date, 1)) {
        const start = startOfLocalDay(date, zone);
        expect(localDayStart(date, zone), `${zone} ${date}`).toBe(start);
        expect(localDayEnd(date, zone), `${zone} end of ${date}`).toBe(endOfLocalDay(date, zone));
        expect(dateOf(start), `${zone} ${date}`).toBe(date);
        expect(dateOf(start - 1), `${zone} before ${date}`).toBe(localDate(start - 1, zone));
      }
    }
  });
});
