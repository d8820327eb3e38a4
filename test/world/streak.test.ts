import { describe, expect, it } from 'vitest';
import { RowView } from '../../src/world/row-view.js';
import { streakDays } from '../../src/world/streak.js';
import { at, series } from './heartbeat-rows.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');

/** 17 heartbeats a minute apart: 16 minutes of time, enough for a streak day. */
function codingDay(startIso: string, category: string | null = 'coding', beats = 17) {
  return series(at(startIso), 60, beats).map((time) => ({ time, category }));
}

/** The days' heartbeats as the view a streak reads. */
function rows(...days: { time: number; category: string | null }[][]) {
  return RowView.ofRows(days.flat().sort((a, b) => a.time - b.time));
}

describe('streakDays', () => {
  it('counts consecutive days ending today', () => {
    const data = rows(
      codingDay('2026-08-22T09:00:00Z'),
      codingDay('2026-08-21T09:00:00Z'),
      codingDay('2026-08-20T09:00:00Z'),
      codingDay('2026-08-18T09:00:00Z'),
    );
    expect(streakDays(data, 'UTC', NOW)).toBe(3);
  });

  it('counts from yesterday when today has no 15 minutes yet', () => {
    const data = rows(codingDay('2026-08-22T09:00:00Z', 'coding', 5), codingDay('2026-08-21T09:00:00Z'), codingDay('2026-08-20T09:00:00Z'));
    expect(streakDays(data, 'UTC', NOW)).toBe(2);
  });

  it('is 0 when neither today nor yesterday qualifies', () => {
    expect(streakDays(rows(codingDay('2026-08-20T09:00:00Z'), codingDay('2026-08-19T09:00:00Z')), 'UTC', NOW)).toBe(0);
  });

  it('needs 15 minutes: 14 minutes breaks the streak', () => {
    const data = rows(
      codingDay('2026-08-22T09:00:00Z'),
      codingDay('2026-08-21T09:00:00Z', 'coding', 15),
      codingDay('2026-08-20T09:00:00Z'),
    );
    expect(streakDays(data, 'UTC', NOW)).toBe(1);
  });

  it('ignores browsing and uncategorised heartbeats but counts other categories', () => {
    expect(streakDays(rows(codingDay('2026-08-22T09:00:00Z', 'browsing')), 'UTC', NOW)).toBe(0);
    expect(streakDays(rows(codingDay('2026-08-22T09:00:00Z', null)), 'UTC', NOW)).toBe(0);
    expect(streakDays(rows(codingDay('2026-08-22T09:00:00Z', 'debugging')), 'UTC', NOW)).toBe(1);
  });

  it('takes gaps within each local day of the user’s zone', () => {
    // 10 minutes either side of midnight in New York: two short days there, one day in UTC.
    const data = rows(codingDay('2026-08-22T03:50:00Z', 'coding', 21));
    expect(streakDays(data, 'America/New_York', Date.parse('2026-08-22T12:00:00Z'))).toBe(0);
    expect(streakDays(data, 'UTC', Date.parse('2026-08-22T12:00:00Z'))).toBe(1);
  });

  it('reads only the last 31 days', () => {
    const days = Array.from({ length: 40 }, (_, i) =>
      codingDay(new Date(Date.parse('2026-08-22T10:00:00Z') - i * 86_400_000).toISOString()),
    );
    expect(streakDays(rows(...days), 'UTC', NOW)).toBe(31);
  });

  it('falls back to UTC for an unknown zone', () => {
    expect(streakDays(rows(codingDay('2026-08-22T09:00:00Z')), 'Mars/Olympus_Mons', NOW)).toBe(1);
  });

  it('does not count heartbeats after now', () => {
    expect(streakDays(rows(codingDay('2026-08-22T15:00:00Z')), 'UTC', NOW)).toBe(0);
  });
});
