import { describe, expect, it } from 'vitest';
import { groupedSecondsOf } from '../../src/world/durations.js';
import type { RowView, ViewCountField, ViewStringField } from '../../src/world/row-view.js';
import type { TimeWindow } from '../../src/world/sorted.js';
import { createWorld, type World } from '../../src/world/store.js';
import type { Heartbeat } from '../../src/world/types.js';
import { draft, groupedLag } from '../helpers/heartbeats.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const DAY = 86_400;
const STRINGS: ViewStringField[] = ['category', 'project', 'language', 'editor', 'operating_system', 'machine', 'ai_model'];
const COUNTS: ViewCountField[] = ['ai_input_tokens', 'ai_output_tokens', 'ai_line_changes'];

const WINDOWS: Partial<TimeWindow>[] = [
  {},
  { from: NOW / 1000 - 7 * DAY, to: NOW / 1000, toExclusive: true },
  { from: NOW / 1000 - 30.3 * DAY, to: NOW / 1000 - 2.7 * DAY },
  { from: NOW / 1000 - DAY, to: NOW / 1000 },
  { from: NOW / 1000 - 400 * DAY, to: NOW / 1000 + DAY, toExclusive: true },
];

/** Every column of the view against the same field of the rows, row by row. */
function expectSameRows(view: RowView, rows: readonly Heartbeat[], label: string): void {
  expect([...view.times], `${label}: times`).toEqual(rows.map((r) => r.time));
  expect([...view.ids], `${label}: ids`).toEqual(rows.map((r) => r.id));
  for (const field of STRINGS) {
    const { ids, values } = view.strings(field);
    expect(
      Array.from(ids, (id) => values[id]),
      `${label}: ${field}`,
    ).toEqual(rows.map((r) => r[field]));
    // One id per value: the grouping rules count on it.
    expect(new Set(values).size, `${label}: ${field} values are distinct`).toBe(values.length);
  }
  for (const field of COUNTS) {
    expect(
      Array.from(view.counts(field), (n) => (Number.isNaN(n) ? null : n)),
      `${label}: ${field}`,
    ).toEqual(rows.map((r) => r[field]));
  }
}

function checkWorld(world: World, rowsWorld: World): number {
  let checked = 0;
  for (const user of world.users) {
    for (const window of WINDOWS) {
      const label = `user ${user.id} ${JSON.stringify(window)}`;
      const rows = rowsWorld.heartbeatsBetween(user.id, window);
      const view = world.viewBetween(user.id, window);
      expectSameRows(view, rows, label);
      checked += rows.length;
    }
  }
  return checked;
}

/**
 * Long reads (all-time stats, a year of summaries, spans, streaks) read a user's rows as columns
 * made from the generated days' columns: they must be the rows `heartbeatsBetween` gives, field by
 * field and in the same order, so every rule over them gives the same figures.
 */
describe('row views of a world', () => {
  it('hold the rows heartbeatsBetween gives, for every user and window', () => {
    const checked = checkWorld(
      createWorld({ seed: 5, now: NOW, users: 12, days: 60 }),
      createWorld({ seed: 5, now: NOW, users: 12, days: 60 }),
    );
    expect(checked).toBeGreaterThan(10_000);
  });

  it('hold the posted rows merged in once a user has posted', () => {
    const world = createWorld({ seed: 5, now: NOW, users: 9, days: 20 });
    const rowsWorld = createWorld({ seed: 5, now: NOW, users: 9, days: 20 });
    const existing = world.heartbeatsBetween(1, { from: NOW / 1000 - DAY, to: NOW / 1000 });
    const at = (existing[3] as Heartbeat).time;
    for (const w of [world, rowsWorld]) {
      w.addHeartbeat(1, draft({ time: at + 0.25, project: 'posted', language: 'Zig', category: 'coding', ai_input_tokens: 7 }));
      w.addHeartbeat(1, draft({ time: NOW / 1000 - 10, project: null, category: null }));
      // At the very instant of a generated row: the generated one (lower id) comes first.
      w.addHeartbeat(1, draft({ time: at, project: 'same instant', ai_model: 'm', ai_line_changes: 3 }));
    }
    expect(checkWorld(world, rowsWorld)).toBeGreaterThan(1000);
  });

  it('slices and filters as the row lists do', () => {
    const world = createWorld({ seed: 5, now: NOW, users: 9, days: 20 });
    const all = world.viewBetween(1, {});
    const rows = world.heartbeatsBetween(1, {});
    const window = { from: NOW / 1000 - 5.5 * DAY, to: NOW / 1000 - 2 * DAY, toExclusive: true };
    const inWindow = (r: Heartbeat) => r.time >= window.from && r.time < window.to;
    expectSameRows(all.slice(window), rows.filter(inWindow), 'slice');
    const category = all.strings('category');
    const coding = all.where((r) => category.values[category.ids[r] as number] === 'coding');
    expectSameRows(
      coding,
      rows.filter((r) => r.category === 'coding'),
      'where',
    );
    expectSameRows(
      coding.slice(window),
      rows.filter((r) => r.category === 'coding' && inWindow(r)),
      'where, then slice',
    );
  });

  it('give the grouped rule the figures the rows give', () => {
    const world = createWorld({ seed: 8, now: NOW, users: 9, days: 45 });
    for (const user of world.users) {
      const rows = world.heartbeatsBetween(user.id, {});
      const view = world.viewBetween(user.id, {});
      for (const field of ['language', 'project'] as const) {
        expect([...groupedSecondsOf(view.times, view.strings(field))], `user ${user.id} ${field}`).toEqual([
          ...groupedLag(rows, (r) => r[field]),
        ]);
      }
    }
  });
});

/**
 * The latest matching row is looked for from the newest days back, a few days at a time: it must
 * be the one a scan of the whole timeline finds, wherever it lies (today, months ago, posted ahead
 * of now or before the history), and the count must be the timeline's length.
 */
describe('the latest matching heartbeat and the count', () => {
  it('are those of the whole timeline', () => {
    const world = createWorld({ seed: 3, now: NOW, users: 9, days: 120 });
    const rowsWorld = createWorld({ seed: 3, now: NOW, users: 9, days: 120 });
    for (const w of [world, rowsWorld]) {
      w.addHeartbeat(2, draft({ time: NOW / 1000 + 3 * DAY, project: 'ahead', category: 'coding' }));
      w.addHeartbeat(2, draft({ time: NOW / 1000 - 500 * DAY, project: 'long ago', category: 'coding' }));
    }
    let found = 0;
    let total = 0;
    for (const user of world.users) {
      const rows = rowsWorld.heartbeatsOf(user.id);
      total += rows.length;
      const oldest = rows[0]?.project ?? null;
      const predicates: Record<string, (hb: Heartbeat) => boolean> = {
        any: () => true,
        'not a test entry': (hb) => hb.source_type !== 'test_entry',
        'the oldest row’s project': (hb) => hb.project === oldest,
        'long ago': (hb) => hb.project === 'long ago',
        never: () => false,
      };
      for (const [name, matches] of Object.entries(predicates)) {
        const expected = rows.findLast(matches);
        expect(world.latestHeartbeat(user.id, matches)?.id, `user ${user.id}: ${name}`).toBe(expected?.id);
        if (expected) found += 1;
      }
    }
    expect(found).toBeGreaterThan(20);
    // Counted from the days' keyed instants, one per row: the rows' count.
    const posted = world.postedHeartbeats().length;
    expect(world.heartbeatCounts()).toEqual({ generated: total - posted, posted, total, estimated: false });
  });
});

/**
 * Past a budget of user-days, the generated count is estimated from every `step`-th user (from
 * the middle of the first step), scaled to every user; within it, every user is counted.
 */
describe('the generated count of a world larger than the budget', () => {
  it('is the sample’s rows scaled to every user, and marked estimated', () => {
    const world = createWorld({ seed: 5, now: NOW, users: 30, days: 40 });
    const rowsOf = (id: number) => world.heartbeatsBetween(id, {}).length;
    // 1,200 user-days against a budget of 400: every third user, from user 2.
    const sample = [2, 5, 8, 11, 14, 17, 20, 23, 26, 29];
    const sampled = sample.reduce((sum, id) => sum + rowsOf(id), 0);
    const estimate = Math.round((sampled * 30) / sample.length);
    expect(world.heartbeatCounts(400)).toEqual({ generated: estimate, posted: 0, total: estimate, estimated: true });
    const exact = world.users.reduce((sum, user) => sum + rowsOf(user.id), 0);
    expect(exact).not.toBe(estimate);
    expect(world.heartbeatCounts(1200)).toEqual({ generated: exact, posted: 0, total: exact, estimated: false });
  });
});

/**
 * The admin analytics read each row's time, id, address, machine and user agent from the keyed
 * instants and the setups they were sent from, without drawing row details: every row must be the
 * one the rows give — imported rows without an address, browsing rows without a machine and with
 * the browser's user agent, the live session and the test entry included.
 */
describe('where the rows were sent from', () => {
  it('is what the rows say, row by row, for every user', () => {
    const world = createWorld({ seed: 13, now: NOW, users: 16, days: 40 });
    let imported = 0;
    let browsing = 0;
    for (const user of world.users) {
      const rows = world.heartbeatsBetween(user.id, {});
      const sent = world.sentFrom(user.id);
      const value = (column: { ids: Uint32Array; values: readonly (string | null)[] }, r: number) => column.values[column.ids[r] as number];
      expect(sent.times.length, `user ${user.id}`).toBe(rows.length);
      rows.forEach((row, r) => {
        const at = `user ${user.id} row ${r}`;
        expect([sent.times[r], sent.ids[r]], at).toEqual([row.time, row.id]);
        expect([value(sent.ip, r), value(sent.machine, r), value(sent.userAgent, r)], at).toEqual([
          row.ip_address,
          row.machine,
          row.user_agent,
        ]);
      });
      imported += rows.filter((row) => row.source_type === 'wakapi_import').length;
      browsing += rows.filter((row) => row.category === 'browsing').length;
    }
    expect(imported).toBeGreaterThan(0);
    expect(browsing).toBeGreaterThan(0);
  });
});
