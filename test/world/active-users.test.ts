/**
 * Who may have a heartbeat after an instant: near now, only the users hacking now and those who
 * posted since; earlier, everyone. The answer must hold every user a pass over the rows finds, and
 * near now be exactly those users.
 */
import { describe, expect, it } from 'vitest';
import { createWorld } from '../../src/world/store.js';
import { draft } from '../helpers/heartbeats.js';
import { NOW } from '../helpers/mock.js';

const NOW_S = NOW / 1000;

describe('the users with heartbeats after an instant', () => {
  it('are those a pass over the rows finds near now, and include them earlier', () => {
    const world = createWorld({ seed: 21, now: NOW, users: 30, days: 20 });
    world.addHeartbeat(17, draft({ time: NOW_S - 30, project: 'posted', category: 'coding' }));
    const withRows = (instant: number) =>
      world.users.filter((user) => world.heartbeatsBetween(user.id, { from: instant }).some((hb) => hb.time > instant)).map((u) => u.id);
    for (const minutes of [0.5, 1, 3, 5, 9, 10]) {
      const instant = NOW_S - minutes * 60;
      const expected = withRows(instant);
      expect(world.usersWithHeartbeatsAfter(instant), `${minutes} min before now`).toEqual(expected);
      if (minutes >= 5) expect(expected.length, `${minutes} min`).toBeGreaterThan(1);
    }
    for (const hours of [1, 30]) {
      const instant = NOW_S - hours * 3600;
      expect(world.usersWithHeartbeatsAfter(instant)).toEqual(expect.arrayContaining(withRows(instant)));
    }
  });
});
