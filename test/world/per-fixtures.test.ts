/**
 * `perFixtures`: a value worked out once per set of fixtures, whichever set was asked for last.
 */
import { describe, expect, it } from 'vitest';
import { perFixtures, type WorldFixtures, worldFixtures } from '../../src/world/fixtures.js';

describe('perFixtures', () => {
  it('works a value out once per fixtures, and keeps each set’s own', () => {
    const made: WorldFixtures[] = [];
    const zoneCount = perFixtures((fixtures) => {
      made.push(fixtures);
      return { zones: fixtures.timeZones.length };
    });
    const real = worldFixtures();
    const other: WorldFixtures = { ...real, timeZones: real.timeZones.slice(0, 2) };
    const first = zoneCount(real);
    // Alternating sets: each is made once, and each answers its own value, the same object each time.
    expect([zoneCount(other), zoneCount(real), zoneCount(other), zoneCount(real)]).toEqual([{ zones: 2 }, first, { zones: 2 }, first]);
    expect(zoneCount(real)).toBe(first);
    expect(first.zones).toBe(real.timeZones.length);
    expect(made).toEqual([real, other]);
  });
});
