import { describe, expect, it } from 'vitest';
import {
  dailyLagSeconds,
  dailyLeadSeconds,
  groupedSeconds,
  pgInteger,
  totalSeconds,
  uniqueTotalSeconds,
} from '../../src/world/durations.js';
import { at, timed } from './heartbeat-rows.js';

describe('pgInteger', () => {
  it('rounds to nearest with ties to even, like float8::integer', () => {
    expect([0.5, 1.5, 2.5, 2.4, 2.6, 5430.5, -1.5, -2.5].map(pgInteger)).toEqual([0, 2, 2, 2, 3, 5430, -2, -2]);
  });
});

describe('totalSeconds', () => {
  it('is 0 without heartbeats and for a single heartbeat', () => {
    expect(totalSeconds([])).toBe(0);
    expect(totalSeconds(timed([1000]))).toBe(0);
  });

  it('counts each gap since the previous heartbeat, capped at 120 s', () => {
    expect(totalSeconds(timed([0, 60, 600, 720, 841]))).toBe(60 + 120 + 120 + 120);
  });

  it('sums float gaps before casting once', () => {
    expect(totalSeconds(timed([0, 0.4, 0.8]))).toBe(1);
    expect(totalSeconds(timed([0, 2.5]))).toBe(2);
    expect(totalSeconds(timed([0, 3.5]))).toBe(4);
  });

  it('counts heartbeats at the same instant as a zero gap', () => {
    expect(totalSeconds(timed([100, 100, 160]))).toBe(60);
  });
});

describe('groupedSeconds', () => {
  it('takes the previous heartbeat of the same group, so groups can exceed the total', () => {
    const rows = [
      { id: 1, time: 0, language: 'Ruby' },
      { id: 2, time: 30, language: 'Go' },
      { id: 3, time: 60, language: 'Ruby' },
      { id: 4, time: 90, language: 'Go' },
    ];
    const groups = groupedSeconds(rows, (r) => r.language);
    expect(Object.fromEntries(groups)).toEqual({ Ruby: 60, Go: 60 });
    expect(totalSeconds(rows)).toBe(90);
  });

  it('caps gaps within a group at 120 s', () => {
    const rows = [
      { id: 1, time: 0, project: 'a' },
      { id: 2, time: 60, project: 'b' },
      { id: 3, time: 300, project: 'a' },
    ];
    expect(Object.fromEntries(groupedSeconds(rows, (r) => r.project))).toEqual({ a: 120, b: 0 });
  });

  it('keeps null and empty-string groups apart, as SQL does', () => {
    const rows = [
      { id: 1, time: 0, project: null },
      { id: 2, time: 10, project: '' },
      { id: 3, time: 20, project: null },
      { id: 4, time: 50, project: '' },
    ];
    const groups = groupedSeconds(rows, (r) => r.project);
    expect(groups.get(null)).toBe(20);
    expect(groups.get('')).toBe(40);
  });
});

describe('dailyLeadSeconds', () => {
  // 23:58:00, 23:59:30 on Aug 21 and 00:00:30, 00:01:00 on Aug 22 in New York (EDT, UTC-4).
  const rows = timed([at('2026-08-22T03:58:00Z'), at('2026-08-22T03:59:30Z'), at('2026-08-22T04:00:30Z'), at('2026-08-22T04:01:00Z')]);

  it('gives each heartbeat the gap to the next one of the same local day', () => {
    const days = dailyLeadSeconds(rows, 'America/New_York');
    expect(days.get('2026-08-21')?.get('')).toBe(90);
    expect(days.get('2026-08-22')?.get('')).toBe(30);
  });

  it('does not split the same heartbeats in a zone where they share a day', () => {
    const days = dailyLeadSeconds(rows, 'UTC');
    expect([...days.keys()]).toEqual(['2026-08-22']);
    expect(days.get('2026-08-22')?.get('')).toBe(90 + 60 + 30);
  });

  it('caps the owned gap at 120 s and gives the day’s last heartbeat nothing', () => {
    const days = dailyLeadSeconds(timed([at('2026-08-22T10:00:00Z'), at('2026-08-22T10:10:00Z')]), 'UTC');
    expect(days.get('2026-08-22')?.get('')).toBe(120);
  });

  it('casts per day and key', () => {
    const keyed = [
      { id: 1, time: 0, project: 'a' },
      { id: 2, time: 30.5, project: 'b' },
      { id: 3, time: 61, project: 'a' },
    ];
    const days = dailyLeadSeconds(keyed, 'UTC', (r) => r.project);
    expect(Object.fromEntries(days.get('1970-01-01') ?? [])).toEqual({ a: 30, b: 30 });
  });
});

describe('dailyLagSeconds', () => {
  it('restarts at each local midnight', () => {
    const rows = timed([at('2026-08-22T03:58:00Z'), at('2026-08-22T03:59:30Z'), at('2026-08-22T04:00:30Z'), at('2026-08-22T04:01:00Z')]);
    expect(
      Object.fromEntries(
        dailyLagSeconds(
          rows.map((r) => r.time),
          'America/New_York',
        ),
      ),
    ).toEqual({ '2026-08-21': 90, '2026-08-22': 30 });
  });
});

describe('uniqueTotalSeconds', () => {
  it('sums gaps of at most 120 s, drops longer ones entirely and truncates', () => {
    expect(uniqueTotalSeconds([0, 60, 260, 260, 290.7])).toBe(90);
    expect(uniqueTotalSeconds([0, 120, 240.5])).toBe(120);
    expect(uniqueTotalSeconds([])).toBe(0);
  });
});
