import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/store.js';
import type { Heartbeat } from '../../src/world/types.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const DAY = 86_400;

/**
 * A year of history should look like people's: every user who is not meant to be idle codes in
 * every month, weekends differ from weekdays, projects start and end, and some users code far
 * more than others.
 */
describe.each([42, 7])('a year of the default world (seed %i)', (seed) => {
  const world = createWorld({ seed, now: NOW });
  const active = world.users.filter((u) => u.username !== world.roles.noHeartbeats);
  const rows = new Map<number, readonly Heartbeat[]>(active.map((u) => [u.id, world.heartbeatsOf(u.id)]));

  it('has every user (but the one without heartbeats) active in each of the last twelve 30-day months', () => {
    for (const user of active) {
      const times = (rows.get(user.id) ?? []).map((r) => r.time);
      for (let m = 0; m < 12; m++) {
        const [from, to] = [NOW / 1000 - (m + 1) * 30 * DAY, NOW / 1000 - m * 30 * DAY];
        expect(
          times.some((t) => t >= from && t < to),
          `${user.username} in month -${m}`,
        ).toBe(true);
      }
    }
  });

  it('has projects that start or end within the year', () => {
    let lifecycles = 0;
    for (const list of rows.values()) {
      const spans = new Map<string, { first: number; last: number }>();
      for (const r of list) {
        if (r.project === null) continue;
        const span = spans.get(r.project) ?? { first: r.time, last: r.time };
        span.last = r.time;
        spans.set(r.project, span);
      }
      for (const { first, last } of spans.values()) if (first > NOW / 1000 - 300 * DAY || last < NOW / 1000 - 30 * DAY) lifecycles++;
    }
    expect(lifecycles).toBeGreaterThan(3);
  });

  it('has heavy and light users: the busiest codes several times as many days as the quietest', () => {
    const activeDays = [...rows.values()].map((list) => new Set(list.map((r) => Math.floor(r.time / DAY))).size);
    expect(Math.max(...activeDays)).toBeGreaterThan(1.5 * Math.min(...activeDays));
  });

  it('keeps a weekly rhythm: someone codes on weekends at a rate apart from their weekdays', () => {
    const ratios = [...rows.values()].map((list) => {
      const days = new Set(list.map((r) => Math.floor(r.time / DAY)));
      const weekend = [...days].filter((d) => d % 7 === 2 || d % 7 === 3).length;
      return weekend / 2 / ((days.size - weekend) / 5);
    });
    expect(ratios.some((r) => r < 0.75 || r > 1.2)).toBe(true);
  });
});
