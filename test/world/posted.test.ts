import { describe, expect, it } from 'vitest';
import { fieldsHash } from '../../src/world/fields-hash.js';
import { PostedRows, TIMELINE_ROWS_KEPT, Timelines } from '../../src/world/posted.js';
import type { TimeWindow } from '../../src/world/sorted.js';
import { createWorld } from '../../src/world/store.js';
import type { Heartbeat, HeartbeatDraft } from '../../src/world/types.js';
import { draft, row } from '../helpers/heartbeats.js';

const NOW = Date.parse('2026-08-22T14:00:00Z');
const T = NOW / 1000;
const FIRST_ID = 1_000_000;

/**
 * What the store kept for a posted draft before its rows were columns: the draft's fields in the
 * server's `as_json` order, with the id, the user and the insert's fields_hash.
 */
function storedRow(id: number, userId: number, posted: HeartbeatDraft): Heartbeat {
  return row({ ...posted, id, user_id: userId, fields_hash: fieldsHash({ ...posted, user_id: userId }) });
}

/** A row as it leaves the process (its lazy fields_hash filled) against what was stored. */
function expectStored(actual: Heartbeat | undefined, expected: Heartbeat, label: string): void {
  expect(JSON.stringify(actual), `${label}: JSON`).toBe(JSON.stringify(expected));
  expect(Object.keys(actual ?? {}), `${label}: keys`).toEqual(Object.keys(expected));
  expect(actual, label).toEqual(expected);
}

/** Every field set, and values an Int32 column could not hold exactly. */
const FULL = draft({
  time: T - 3600.125,
  entity: '/home/ada/src/app/<main>.rs',
  type: 'file',
  category: 'coding',
  project: 'hackatime & co',
  branch: 'feature/\u2028columns',
  language: 'Rust',
  editor: 'VS Code',
  operating_system: 'Linux',
  machine: 'ada-laptop',
  user_agent: 'wakatime/v1.115.2 (linux-6.8.0) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0',
  is_write: false,
  lineno: -2_147_483_648,
  lines: 2_147_483_647,
  cursorpos: -1,
  line_additions: 0,
  line_deletions: 12,
  project_root_count: 4,
  dependencies: ['serde', 'tokio', ''],
  ai_model: 'claude-sonnet-4',
  ai_session: 'session-7',
  ai_subscription_plan: 'pro',
  ai_input_tokens: 2 ** 53 - 1,
  ai_output_tokens: -(2 ** 40),
  ai_prompt_length: 300,
  ai_line_changes: 5,
  human_line_changes: 2,
  source_type: 'test_entry',
  ip_address: '2001:db8::7',
  ja4_id: 4242,
  created_at: '2026-08-22T13:00:01.250Z',
  updated_at: '2026-08-22T13:00:01.250Z',
});

/** Every nullable field null (dependencies empty), the stamps as the ingest writes them. */
const EMPTY = draft({ time: T - 1800, created_at: '2026-08-22T13:30:00.000Z', updated_at: '2026-08-22T13:30:00.000Z' });

describe('posted rows as columns', () => {
  it('give back exactly the row stored: every field set, every field null, and stamps kept as text', () => {
    const world = createWorld({ seed: 3, now: NOW, users: 9, days: 10 });
    const odd: HeartbeatDraft[] = [
      // Not a `toISOString` string, an updated_at of its own, a deleted_at: kept as they came.
      draft({ time: T - 60, created_at: '2026-08-22T13:59:00Z', updated_at: '2026-08-22T13:59:00Z' }),
      draft({ time: T - 50, created_at: '2026-08-22T13:59:10.000Z', updated_at: '2026-08-22T13:59:11.000Z' }),
      draft({
        time: T - 40,
        created_at: '2026-08-22T13:59:20.000Z',
        updated_at: '2026-08-22T13:59:20.000Z',
        deleted_at: '2026-08-22T13:59:21.000Z',
      }),
      // Numbers the ingest does not send but the store takes as they are: a fraction, -0, and a bulk
      // post's rows sharing one stamp (with an is_write of true).
      draft({
        time: T - 30,
        lineno: 1.5,
        lines: -0,
        is_write: true,
        created_at: '2026-08-22T13:59:30.000Z',
        updated_at: '2026-08-22T13:59:30.000Z',
      }),
      draft({ time: T - 20, cursorpos: 0, created_at: '2026-08-22T13:59:30.000Z', updated_at: '2026-08-22T13:59:30.000Z' }),
    ];
    const expected: Heartbeat[] = [];
    for (const [i, posted] of [FULL, EMPTY, ...odd].entries()) {
      const userId = 2 + (i % 2);
      const { row: stored, created } = world.addHeartbeat(userId, posted);
      expect(created).toBe(true);
      const want = storedRow(stored.id, userId, posted);
      expectStored(stored, want, `row ${i} as added`);
      expectStored(world.heartbeatsBetween(userId, { from: posted.time, to: posted.time })[0], want, `row ${i} as read`);
      expected.push(want);
    }
    expect(Object.is(world.postedHeartbeats()[5]?.lines, -0)).toBe(true);
    expect(world.postedHeartbeats()).toHaveLength(expected.length);
    for (const [i, read] of world.postedHeartbeats().entries())
      expectStored(read, expected[i] as Heartbeat, `row ${i} in acceptance order`);
    // A whole timeline (generated rows merged with the posted) holds the same rows.
    const timeline = world.heartbeatsOf(2).filter((hb) => hb.id >= (expected[0] as Heartbeat).id);
    expect(timeline).toHaveLength(4);
    for (const [i, read] of timeline.entries()) expectStored(read, expected[2 * i] as Heartbeat, `user 2's timeline row ${i}`);
  });

  it('hash a row read again as the insert hashed its draft', () => {
    const world = createWorld({ seed: 3, now: NOW, users: 9, days: 10 });
    const drafts = [FULL, EMPTY, draft({ time: T - 5, entity: 'a.ts', dependencies: ['x'], ai_input_tokens: 3_000_000_000 })];
    for (const posted of drafts) world.addHeartbeat(4, posted);
    const read = world.postedHeartbeats();
    drafts.forEach((posted, i) => {
      const again = read[i] as Heartbeat;
      // Made for this read: the hash is computed when first serialised or compared.
      expect(again.fields_hash).toBe('');
      expect((JSON.parse(JSON.stringify(again)) as Heartbeat).fields_hash).toBe(fieldsHash({ ...posted, user_id: 4 }));
      expect(again.fields_hash).toBe(fieldsHash({ ...posted, user_id: 4 }));
    });
  });

  it('keep each user’s rows in (time, id) order, posts out of order and at equal times included', () => {
    const posted = new PostedRows(FIRST_ID);
    const times = [50, 30, 50, 10, 30, 50, 70, 10];
    const users = [1, 1, 1, 1, 2, 1, 1, 1];
    times.forEach((time, i) => {
      posted.stage(users[i] as number, draft({ time, entity: `e${i}` }));
      posted.commit();
    });
    expect(posted.of(1).map((hb) => [hb.time, hb.id - FIRST_ID])).toEqual([
      [10, 3],
      [10, 7],
      [30, 1],
      [50, 0],
      [50, 2],
      [50, 5],
      [70, 6],
    ]);
    expect(posted.of(2).map((hb) => hb.id - FIRST_ID)).toEqual([4]);
    expect(posted.of(3)).toEqual([]);
    expect([posted.count, posted.countOf(1), posted.countOf(2), posted.countOf(3)]).toEqual([8, 7, 1, 0]);
    expect(posted.perUser()).toEqual([
      [1, 7],
      [2, 1],
    ]);
    expect(posted.inAcceptanceOrder().map((hb) => hb.entity)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7']);
    expect(posted.inAcceptanceOrder(1).map((hb) => hb.id - FIRST_ID)).toEqual([0, 1, 2, 3, 5, 6, 7]);
    expect(posted.span()).toEqual({ from: 10, to: 70 });
    expect([...posted.usersAfter(50)]).toEqual([1]);
    expect([...posted.usersAfter(20)].sort()).toEqual([1, 2]);
  });

  it('slice a window as the row lists do, and give its rows as columns', () => {
    const posted = new PostedRows(FIRST_ID);
    const rows: Heartbeat[] = [];
    for (let i = 0; i < 40; i++) {
      const time = 1000 + ((i * 7) % 20) * 0.5;
      posted.stage(1, draft({ time, project: `p${i % 3}`, ai_input_tokens: i % 4 === 0 ? null : 2 ** 31 + i }));
      posted.commit();
    }
    for (const hb of posted.of(1)) rows.push(hb);
    const windows: Partial<TimeWindow>[] = [
      {},
      { from: 1002 },
      { to: 1004 },
      { to: 1004, toExclusive: true },
      { from: 1002.5, to: 1006 },
      { from: 1002.5, to: 1006, toExclusive: true },
      { from: 1006, to: 1002 },
      { from: 2000 },
    ];
    for (const window of windows) {
      const inside = rows.filter(
        (hb) =>
          (window.from === undefined || hb.time >= window.from) &&
          (window.to === undefined || (window.toExclusive ? hb.time < window.to : hb.time <= window.to)),
      );
      const label = JSON.stringify(window);
      expect(
        posted.between(1, window).map((hb) => hb.id),
        label,
      ).toEqual(inside.map((hb) => hb.id));
      const view = posted.view(1, window);
      expect([...view.times], label).toEqual(inside.map((hb) => hb.time));
      expect([...view.ids], label).toEqual(inside.map((hb) => hb.id));
      const projects = view.strings('project');
      expect(
        Array.from(projects.ids, (id) => projects.values[id]),
        label,
      ).toEqual(inside.map((hb) => hb.project));
      expect(new Set(projects.values).size).toBe(projects.values.length);
      expect(
        Array.from(view.counts('ai_input_tokens'), (n) => (Number.isNaN(n) ? null : n)),
        label,
      ).toEqual(inside.map((hb) => hb.ai_input_tokens));
    }
    expect(rows.length).toBe(40);
  });

  it('write over a staged row that is not committed', () => {
    const posted = new PostedRows(FIRST_ID);
    posted.stage(1, draft({ time: 5, entity: 'dropped', lineno: 1, created_at: 'not a stamp' }));
    const kept = draft({ time: 6, entity: 'kept', created_at: '2026-08-22T13:00:00.000Z', updated_at: '2026-08-22T13:00:00.000Z' });
    posted.stage(1, kept);
    posted.commit();
    expect(posted.count).toBe(1);
    expectStored(posted.of(1)[0], storedRow(FIRST_ID, 1, kept), 'the committed row');
  });

  it('index strings past 65,535 distinct ones', () => {
    const posted = new PostedRows(FIRST_ID);
    const n = 70_000;
    for (let i = 0; i < n; i++) {
      posted.stage(1 + (i % 2), draft({ time: i, entity: `file-${i}.ts`, dependencies: i % 1000 === 0 ? [`dep-${i}`] : [] }));
      posted.commit();
    }
    const all = posted.inAcceptanceOrder();
    expect(all.length).toBe(n);
    for (const i of [0, 1, 65_533, 65_534, 65_535, 65_536, 69_000, n - 1]) {
      expect(all[i]?.entity, `row ${i}`).toBe(`file-${i}.ts`);
      expect(all[i]?.dependencies, `row ${i}`).toEqual(i % 1000 === 0 ? [`dep-${i}`] : []);
    }
  });
});

describe('posting to the world', () => {
  it('answers an identical post with created: false and the row stored, and stores nothing', () => {
    const world = createWorld({ seed: 3, now: NOW, users: 9, days: 10 });
    const first = world.addHeartbeat(2, FULL);
    const count = world.heartbeatCounts().posted;
    const version = world.version;
    // Neither the stamps nor the address are hashed: the same heartbeat.
    const again = world.addHeartbeat(2, {
      ...FULL,
      dependencies: [...FULL.dependencies],
      created_at: '2026-08-22T13:10:00.000Z',
      ip_address: null,
    });
    expect(again.created).toBe(false);
    expectStored(again.row, storedRow(first.row.id, 2, FULL), 'the duplicate’s answer');
    expect(world.heartbeatCounts().posted).toBe(count);
    expect(world.version).toBe(version);
    expect(world.postedHeartbeats()).toHaveLength(1);
    // The next new row takes the next id: nothing was stored for the duplicate.
    const next = world.addHeartbeat(2, EMPTY);
    expect(next.row.id).toBe(first.row.id + 1);
    expectStored(world.postedHeartbeats(2)[1], storedRow(first.row.id + 1, 2, EMPTY), 'the row after a duplicate');
  });

  it('keeps acceptance order across users and out-of-order times', () => {
    const world = createWorld({ seed: 3, now: NOW, users: 9, days: 10 });
    const posts: [number, number][] = [
      [3, T - 10],
      [2, T - 500],
      [3, T - 900],
      [4, T + 60],
      [2, T - 20],
    ];
    const ids = posts.map(([userId, time], i) => world.addHeartbeat(userId, draft({ time, entity: `post-${i}` })).row.id);
    expect(world.postedHeartbeats().map((hb) => hb.id)).toEqual(ids);
    expect(world.postedHeartbeats().map((hb) => hb.entity)).toEqual(['post-0', 'post-1', 'post-2', 'post-3', 'post-4']);
    expect(world.postedHeartbeats(3).map((hb) => hb.entity)).toEqual(['post-0', 'post-2']);
    expect(world.postedPerUser()).toEqual([
      [2, 2],
      [3, 2],
      [4, 1],
    ]);
    expect(world.usersWithHeartbeatsAfter(T + 30)).toContain(4);
    expect(world.heartbeatSpan()?.to).toBe(T + 60);
    world.reset();
    expect(world.postedHeartbeats()).toEqual([]);
    expect(world.postedPerUser()).toEqual([]);
    expect(world.addHeartbeat(2, draft({ time: T - 10 })).row.id).toBe(ids[0]);
  });
});

describe('whole timelines kept made', () => {
  /** `count` rows of a user, one a second from `from`. */
  const rowsOf = (userId: number, count: number, from = 1_700_000_000): Heartbeat[] =>
    Array.from({ length: count }, (_, k) => row({ id: userId * 1_000_000 + k, user_id: userId, time: from + k }));

  it('keep a timeline that takes posts in place, and let the oldest others go to stay within the budget', () => {
    const timelines = new Timelines();
    timelines.set(1, 1, rowsOf(1, TIMELINE_ROWS_KEPT / 2));
    timelines.set(2, 2, rowsOf(2, TIMELINE_ROWS_KEPT / 2 - 1));
    // Timeline 1, read at version 1, takes a post that makes version 3: both still fit.
    timelines.insert(row({ id: 9, user_id: 1, time: 1_600_000_000 }), 1, 3);
    expect(timelines.get(1, 3)?.[0]?.id).toBe(9);
    expect(timelines.get(2, 2)).toBeDefined();
    // One more row is over the budget: the other timeline goes, not the one posted to.
    timelines.insert(row({ id: 10, user_id: 1, time: 1_600_000_001 }), 3, 4);
    expect(timelines.get(1, 4)?.length).toBe(TIMELINE_ROWS_KEPT / 2 + 2);
    expect(timelines.get(2, 2)).toBeUndefined();
  });

  it('drop a timeline that posts alone take past the budget, to be made again when next read', () => {
    const timelines = new Timelines();
    timelines.set(1, 1, rowsOf(1, TIMELINE_ROWS_KEPT));
    timelines.insert(row({ id: 9, user_id: 1, time: 1_600_000_000 }), 1, 2);
    expect(timelines.get(1, 2)).toBeUndefined();
    // A stale version is never answered either.
    timelines.set(1, 5, rowsOf(1, 3));
    expect(timelines.get(1, 4)).toBeUndefined();
    expect(timelines.get(1, 5)?.length).toBe(3);
  });
});
