/**
 * `parse_ts` and the two window builders of the real server's `DateParsing` concern
 * (`app/controllers/concerns/date_parsing.rb` at 62542c2d).
 */
import { describe, expect, it } from 'vitest';
import { adminDefaultRange, adminTimeRange, parseTs } from '../../../src/mock/params/admin-date-range.js';

const NOW = Date.parse('2026-08-22T18:30:00Z');
const AUG_22 = Date.parse('2026-08-22T00:00:00Z') / 1000;

describe('parseTs (date_parsing.rb:36-53)', () => {
  it('reads all-digit values as epoch seconds, 13 digits or more as milliseconds, within 0..9999-12-31', () => {
    expect(parseTs('1787407234', 'start', NOW)).toBe(1787407234);
    expect(parseTs('1787407234999', 'start', NOW)).toBe(1787407234);
    expect(parseTs(' 0 ', 'start', NOW)).toBe(0);
    expect(parseTs('253402300799', 'end', NOW)).toBe(253402300799);
    expect(parseTs('253402300800', 'end', NOW)).toBeUndefined();
    // `ts /= 1000 if ts >= 1_000_000_000_000` then the range check: 20 digits are still too many.
    expect(parseTs('99999999999999999999', 'end', NOW)).toBeUndefined();
  });

  it('reads anything else with Date.parse: the start or the last second of that UTC day', () => {
    expect(parseTs('2026-08-22', 'start', NOW)).toBe(AUG_22);
    expect(parseTs('2026-08-22', 'end', NOW)).toBe(AUG_22 + 86_399);
    expect(parseTs('22 Aug 2026', 'start', NOW)).toBe(AUG_22);
    expect(parseTs('2026-08-22T10:00', 'start', NOW)).toBe(AUG_22);
    expect(parseTs('-5', 'start', NOW)).toBeUndefined();
    expect(parseTs('nope', 'start', NOW)).toBeUndefined();
  });
});

describe('windows', () => {
  it('apply_time_range sets only the bounds that are sent (date_parsing.rb:21-33)', () => {
    expect(adminTimeRange(new URLSearchParams('start_date=2026-08-22'), NOW)).toEqual({ from: AUG_22 });
    expect(adminTimeRange(new URLSearchParams('end_date=2026-08-22&start_date=%20'), NOW)).toEqual({ to: AUG_22 + 86_399 });
    expect(() => adminTimeRange(new URLSearchParams('start_date=x&end_date=y'), NOW)).toThrow('invalid start_date');
  });

  it('parse_default_time_range fills 10 years ago and the end of today UTC (date_parsing.rb:11-17)', () => {
    expect(adminDefaultRange(new URLSearchParams('start_date=2026-08-22'), NOW)).toEqual({ from: AUG_22, to: AUG_22 + 86_399 });
    expect(adminDefaultRange(new URLSearchParams('end_date=2026-08-22'), NOW).from).toBe(Date.parse('2016-08-22T18:30:00Z') / 1000);
  });
});
