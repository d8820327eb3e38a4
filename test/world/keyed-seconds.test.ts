import { describe, expect, it } from 'vitest';
import { generateWorld } from '../../src/world/generate.js';
import { createWorld } from '../../src/world/store.js';
import type { Heartbeat, HeartbeatKeys } from '../../src/world/types.js';
import { draft, lagSeconds } from '../helpers/heartbeats.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const DAY = 86_400;

const filters: Record<string, (keys: HeartbeatKeys) => boolean> = {
  coding: (k) => k.category === 'coding',
  'not browsing': (k) => k.category !== 'browsing',
  'first editor': (k) => k.editor === 'vscode',
  everything: () => true,
};

/** The 2-minute rule over the filtered rows of the window, from the rows themselves. */
function fromRows(rows: readonly Heartbeat[], window: { from: number; to: number }, keep: (k: HeartbeatKeys) => boolean): number {
  return lagSeconds(rows.filter((r) => r.time >= window.from && r.time < window.to && keep(r)));
}

/**
 * Leaderboards read each user-day's keyed instants (skeleton.ts, day-keys.ts) instead of its rows:
 * the totals must be those the rows give, for any window (whole local days or not) and filter.
 */
describe('totals from the keyed instants of generated days', () => {
  it('stay each user’s own once every user was drawn: no user’s instants end up in another’s room', () => {
    const world = createWorld({ seed: 9, now: NOW, users: 20, days: 40 });
    const window = { from: NOW / 1000 - 30 * DAY, to: NOW / 1000, toExclusive: true as const };
    const coding = filters.coding as (keys: HeartbeatKeys) => boolean;
    // A month of most users outgrows their first room, which the next users then start in.
    const drawn = world.users.map((u) => world.keyedSeconds(u.id, window, coding));
    const kept = world.users.map((u) => world.keyedSeconds(u.id, window, coding));
    const alone = world.users.map((u) => createWorld({ seed: 9, now: NOW, users: 20, days: 40 }).keyedSeconds(u.id, window, coding));
    expect(kept).toEqual(drawn);
    expect(drawn).toEqual(alone);
    expect(drawn.filter((seconds) => seconds > 0).length).toBeGreaterThan(10);
  });

  it('equal the 2-minute rule over the filtered rows, window by window and user by user', () => {
    const world = createWorld({ seed: 9, now: NOW, users: 20, days: 40 });
    const rowsWorld = createWorld({ seed: 9, now: NOW, users: 20, days: 40 });
    let checked = 0;
    for (const user of world.users) {
      const rows = rowsWorld.heartbeatsOf(user.id);
      for (const [from, to] of [
        [NOW / 1000 - 7 * DAY, NOW / 1000],
        [NOW / 1000 - 30.3 * DAY, NOW / 1000 - 2.7 * DAY],
        [NOW / 1000 - DAY, NOW / 1000],
        [0, NOW / 1000 + DAY],
      ] as const) {
        for (const [name, keep] of Object.entries(filters)) {
          const window = { from, to, toExclusive: true as const };
          expect(world.keyedSeconds(user.id, window, keep), `${user.id} ${name} ${from}`).toBe(fromRows(rows, window, keep));
          if (rows.length > 0) checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('count a posted heartbeat by the same rule as the rows', () => {
    const world = createWorld({ seed: 9, now: NOW, users: 12, days: 10 });
    const demo = world.userByUsername('demo') as { id: number };
    const window = { from: NOW / 1000 - 7 * DAY, to: NOW / 1000, toExclusive: true as const };
    const before = world.keyedSeconds(demo.id, window, filters.coding as (k: HeartbeatKeys) => boolean);
    const first = world.heartbeatsBetween(demo.id, window).find((r) => r.category === 'coding') as Heartbeat;
    world.addHeartbeat(demo.id, draft({ time: first.time - 30, category: 'coding', editor: 'vscode', project: 'posted' }));
    const after = world.keyedSeconds(demo.id, window, filters.coding as (k: HeartbeatKeys) => boolean);
    expect(after).toBe(fromRows(world.heartbeatsOf(demo.id), window, filters.coding as (k: HeartbeatKeys) => boolean));
    expect(after).toBeGreaterThan(before);
  });

  it('count the rows a day’s late session adds past midnight, from windows that start on any hour', () => {
    // A window starting in the small hours reaches into the day before's sessions (they run to 06:00).
    const world = createWorld({ seed: 9, now: NOW, users: 20, days: 40 });
    const rowsWorld = createWorld({ seed: 9, now: NOW, users: 20, days: 40 });
    const keep = filters.everything as (k: HeartbeatKeys) => boolean;
    let withRows = 0;
    for (const user of world.users) {
      const rows = rowsWorld.heartbeatsOf(user.id);
      // Latest first: a day made for an earlier window would be kept, and not be left out again.
      for (let from = NOW / 1000 - 3600; from > NOW / 1000 - 20 * DAY; from -= 3600) {
        const window = { from, to: from + 2 * 3600, toExclusive: true as const };
        const expected = fromRows(rows, window, keep);
        expect(world.keyedSeconds(user.id, window, keep), `${user.id} ${from}`).toBe(expected);
        if (expected > 0) withRows++;
      }
    }
    expect(withRows).toBeGreaterThan(500);
  });

  it('are each row’s instant with its category, editor and project, row for row', () => {
    const world = generateWorld({ seed: 5, now: NOW, users: 16, days: 20 });
    const keyedTimes = world.history.keyedTimes?.bind(world.history);
    if (!keyedTimes) throw new Error('the generated history reads keyed instants');
    const window = { from: 0, to: NOW / 1000 + DAY };
    let keys = 0;
    for (const user of world.users) {
      const rows = world.history.between(user.id, {});
      const distinct = new Map(rows.map((r) => [`${r.category}|${r.editor}|${r.project}`, r]));
      // One filter per distinct key: every row's keys, not only totals, must match.
      for (const key of distinct.values()) {
        const same = (k: HeartbeatKeys) => k.category === key.category && k.editor === key.editor && k.project === key.project;
        expect(keyedTimes(user.id, window, same), `${user.id} ${key.category} ${key.project}`).toEqual(
          rows.filter(same).map((r) => r.time),
        );
        keys++;
      }
      expect(keyedTimes(user.id, window, () => true)).toEqual(rows.map((r) => r.time));
    }
    expect(keys).toBeGreaterThan(100);
  });

  it('are every row’s instant over a year, however many a read gathers', () => {
    // A year of a user is thousands of instants: more than any first buffer holds.
    const world = generateWorld({ seed: 42, now: NOW, users: 9, days: 365 });
    const keyedTimes = world.history.keyedTimes?.bind(world.history);
    if (!keyedTimes) throw new Error('the generated history reads keyed instants');
    let longest = 0;
    for (const user of world.users.slice(0, 4)) {
      const times = world.history.between(user.id, {}).map((r) => r.time);
      expect(keyedTimes(user.id, { from: 0, to: NOW / 1000 + DAY }, () => true)).toEqual(times);
      longest = Math.max(longest, times.length);
    }
    expect(longest).toBeGreaterThan(8192);
  });

  it('do not depend on the order of reads, nor on what the caches still hold', () => {
    const reads = (world: ReturnType<typeof createWorld>, users: readonly number[]) => {
      const out = new Map<string, string>();
      for (const id of users) {
        for (const [name, keep] of Object.entries(filters)) {
          const window = { from: NOW / 1000 - 9.5 * DAY, to: NOW / 1000, toExclusive: true as const };
          out.set(`${id} ${name}`, String(world.keyedSeconds(id, window, keep)));
        }
        out.set(`${id} rows`, JSON.stringify(world.heartbeatsBetween(id, { from: NOW / 1000 - 3 * DAY, to: NOW / 1000 })));
      }
      return out;
    };
    const ids = Array.from({ length: 30 }, (_, i) => i + 1);
    const forward = reads(createWorld({ seed: 11, now: NOW, users: 30, days: 30 }), ids);
    // 32 kB of cache: nearly every read makes its days again.
    const backward = reads(createWorld({ seed: 11, now: NOW, users: 30, days: 30, cacheBytes: 32 * 1024 }), ids.slice().reverse());
    expect([...backward].sort()).toEqual([...forward].sort());
  });
});
