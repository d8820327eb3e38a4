/**
 * The reads over every user's heartbeats — `GET /api/v1/stats` without a user and the admin API's
 * `heartbeats/by_user_agent_segment` without one — read each user's rows as columns (a year of a
 * thousand users is millions of rows, more than the heap holds as objects). Their answers must be
 * those of a pass over every row of the world in (time, id) order, posted rows included.
 */
import { describe, expect, it } from 'vitest';
import { heartbeatsByUserAgentSegment } from '../../src/mock/answers/admin-heartbeats.js';
import { globalStatsSeconds } from '../../src/mock/answers/global-stats.js';
import { createWorld } from '../../src/world/store.js';
import type { Heartbeat } from '../../src/world/types.js';
import { draftOf, lagSeconds } from '../helpers/heartbeats.js';
import { NOW, SEED } from '../helpers/mock.js';

const DAY = 86_400;
const world = createWorld({ seed: SEED, now: NOW, users: 12, days: 20 });
const source = world.heartbeatsBetween(4, {}).at(-5) as Heartbeat;
// Posted rows at generated instants and between them, for users with and without history there.
world.addHeartbeat(2, draftOf(source, { time: source.time }));
world.addHeartbeat(7, draftOf(source, { time: source.time + 0.5, user_agent: 'wakatime/v1 vscode-wakatime/9' }));
world.addHeartbeat(4, draftOf(source, { time: source.time - 30 }));
/** A user whose own rows carry VS Code's user agent (user 7 has the one posted above). */
const vscodeUser = world.users.find(
  (u) => u.id !== 7 && world.heartbeatsBetween(u.id, {}).filter((hb) => hb.user_agent?.includes('vscode')).length > 10,
)?.id as number;

/** Every row of the world, ascending by (time, id). */
const everyRow = () => world.users.flatMap((u) => world.heartbeatsBetween(u.id, {})).sort((a, b) => a.time - b.time || a.id - b.id);

describe('reads over every user', () => {
  it('total the whole world’s timeline in a window as a pass over every row does', () => {
    for (const [from, to] of [
      [NOW / 1000 - 7 * DAY, NOW / 1000],
      [NOW / 1000 - 30 * DAY, NOW / 1000 - 2.5 * DAY],
      [source.time - 60, source.time + 60],
    ] as const) {
      const expected = lagSeconds(everyRow().filter((hb) => hb.time >= from && hb.time <= to));
      expect(globalStatsSeconds(world, { window: { from, to }, username: undefined, email: undefined })).toBe(String(expected));
    }
  });

  it('page the rows whose user agent holds a segment, newest first, as a pass over every row does', () => {
    for (const [segment, userId] of [
      ['vscode', undefined],
      ['WakaTime', undefined],
      ['chrome', undefined],
      ['no such agent', undefined],
      ['vscode', vscodeUser],
      ['vscode', 7],
    ] as const) {
      const matching = (userId === undefined ? everyRow() : world.heartbeatsBetween(userId, {}))
        .filter((hb) => hb.user_agent?.toLowerCase().includes(segment.toLowerCase()))
        .reverse();
      if (segment === 'vscode') expect(matching.length).toBeGreaterThan(userId === undefined ? 100 : userId === 7 ? 0 : 10);
      const base = { segment, window: {}, countOnly: false, ...(userId === undefined ? {} : { userId }) };
      expect(heartbeatsByUserAgentSegment(world, { ...base, limit: 1, offset: 0, countOnly: true })).toEqual({
        segment,
        total_count: matching.length,
      });
      for (const [limit, offset] of [
        [5, 0],
        [7, 3],
        [50, 200],
        [3, matching.length - 2],
      ] as const) {
        const page = heartbeatsByUserAgentSegment(world, { ...base, limit, offset }) as { heartbeats: { id: number }[]; has_more: boolean };
        expect(
          page.heartbeats.map((hb) => hb.id),
          `${segment} ${limit} ${offset}`,
        ).toEqual(matching.slice(offset, offset + limit).map((hb) => hb.id));
        expect(page.has_more).toBe(matching.length > offset + limit);
      }
    }
  });
});
