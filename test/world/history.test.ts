import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/store.js';
import { draft } from '../helpers/heartbeats.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const DAY = 86_400;

/** One user's rows of one window, as JSON (the hash filled in). */
const window = (world: ReturnType<typeof createWorld>, userId: number, from: number, to: number) =>
  JSON.stringify(world.heartbeatsBetween(userId, { from, to }));

describe('the lazily generated history', () => {
  it('makes a user-day the same whether it is read first, last or after being forgotten', () => {
    const from = NOW / 1000 - 40 * DAY;
    const to = NOW / 1000 - 37 * DAY;
    const first = createWorld({ seed: 5, now: NOW, days: 60 });
    const alone = window(first, 7, from, to);
    const busy = createWorld({ seed: 5, now: NOW, days: 60, cacheBytes: 16 * 1024 });
    for (const user of busy.users) busy.heartbeatsOf(user.id);
    expect(window(busy, 7, from, to)).toBe(alone);
    expect(JSON.parse(alone).length).toBeGreaterThan(0);
  });

  it('answers a window from the days it covers, as the whole history sliced', () => {
    const world = createWorld({ seed: 5, now: NOW, days: 60 });
    for (const user of world.users.slice(0, 6)) {
      const all = world.heartbeatsOf(user.id);
      const [from, to] = [NOW / 1000 - 20.5 * DAY, NOW / 1000 - 3.25 * DAY];
      const expected = all.filter((r) => r.time >= from && r.time <= to).map((r) => r.id);
      expect(
        createWorld({ seed: 5, now: NOW, days: 60 })
          .heartbeatsBetween(user.id, { from, to })
          .map((r) => r.id),
      ).toEqual(expected);
    }
  });

  it('numbers posted heartbeats above every generated one', () => {
    const world = createWorld({ seed: 5, now: NOW, days: 60 });
    const generated = world.users.flatMap((u) => world.heartbeatsOf(u.id).map((r) => r.id));
    const { row } = world.addHeartbeat(3, draft({ time: NOW / 1000 - 30 * DAY + 0.5 }));
    expect(row.id).toBeGreaterThan(Math.max(...generated));
  });
});
