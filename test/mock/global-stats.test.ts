/**
 * `GET /api/v1/stats` without a user sums one timeline of every user's heartbeats. It is taken a
 * day at a time, from keyed instants for users who posted nothing and from rows for the others:
 * the total must be the one a single sorted timeline of every row gives, whatever the window and
 * wherever posted rows lie (inside the history, ahead of now, long before it).
 */
import { describe, expect, it } from 'vitest';
import { globalStatsSeconds } from '../../src/mock/answers/global-stats.js';
import type { TimeWindow } from '../../src/world/sorted.js';
import { createWorld } from '../../src/world/store.js';
import { draft, lagSeconds } from '../helpers/heartbeats.js';
import { NOW } from '../helpers/mock.js';

const DAY = 86_400;
const NOW_S = NOW / 1000;

describe('the total over every user', () => {
  it('is the single timeline’s, with posted rows inside, ahead of and before the history', () => {
    const world = createWorld({ seed: 11, now: NOW, users: 9, days: 60 });
    world.addHeartbeat(2, draft({ time: NOW_S - 10 * DAY + 30.25, project: 'inside', category: 'coding' }));
    world.addHeartbeat(3, draft({ time: NOW_S + 3 * DAY, project: 'ahead', category: 'coding' }));
    world.addHeartbeat(3, draft({ time: NOW_S + 3 * DAY + 50, project: 'ahead', category: 'coding' }));
    world.addHeartbeat(4, draft({ time: NOW_S - 400 * DAY, project: 'long ago', category: 'coding' }));
    world.addHeartbeat(4, draft({ time: NOW_S - 400 * DAY + 90, project: 'long ago', category: 'coding' }));
    const windows: [string, TimeWindow][] = [
      ['ten years to tomorrow', { from: NOW_S - 3650 * DAY, to: NOW_S + 10 * DAY }],
      ['two weeks of the history', { from: NOW_S - 20 * DAY, to: NOW_S - 6 * DAY - 1e-6 }],
      ['half a day', { from: NOW_S - 2.5 * DAY, to: NOW_S - 2 * DAY }],
      ['before everything', { from: NOW_S - 5000 * DAY, to: NOW_S - 4000 * DAY }],
    ];
    for (const [name, window] of windows) {
      const rows = world.users.flatMap((user) => world.heartbeatsBetween(user.id, window)).sort((a, b) => a.time - b.time);
      const expected = lagSeconds(rows);
      if (name !== 'before everything') expect(expected, name).toBeGreaterThan(0);
      const request = { window, username: undefined, email: undefined };
      expect(Number(globalStatsSeconds(world, request)), name).toBe(expected);
      // In pieces of two days (18 user-days of 9 users), each summed on from the one before.
      expect(Number(globalStatsSeconds(world, request, 18)), `${name}, in pieces`).toBe(expected);
    }
  });
});
