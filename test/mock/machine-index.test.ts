/**
 * The admin analytics' index answers what a pass over every row answers (the server's SQL over the
 * whole `heartbeats` table, admin_controller.rb:137-204, heartbeats_controller.rb:8-90 at 62542c2d),
 * and is rebuilt exactly when the rows change.
 */
import { describe, expect, it } from 'vitest';
import { altCandidates, ipMachinePairs, sharedMachines, usersByIp } from '../../src/mock/answers/admin-machines.js';
import { MachineIndexes } from '../../src/mock/answers/machine-index.js';
import type { Heartbeat } from '../../src/world/index.js';
import { createWorld } from '../../src/world/store.js';
import { draftOf } from '../helpers/heartbeats.js';
import { NOW, SEED } from '../helpers/mock.js';

const world = createWorld({ seed: SEED, now: NOW, users: 12, days: 4 });
// Built before the writes below, so it takes them row by row.
const indexes = new MachineIndexes(world);
indexes.index();
const rows = world.allHeartbeats();
// Two users on the demo user's machine and address: shared combos to pair.
const source = rows.find((hb) => hb.user_id === 1 && hb.machine !== null && hb.ip_address !== null) as Heartbeat;
for (const [user, dt] of [
  [3, 100],
  [5, 200],
  [3, 300],
] as const)
  world.addHeartbeat(user, draftOf(source, { time: source.time + dt }));

/** `MIN`/`MAX(time)` per (user, machine, ip) over the rows since `cutoff`, by a plain pass. */
function scanCombos(cutoff: number, strict: boolean) {
  const out = new Map<string, { first: number; last: number }>();
  for (const hb of world.allHeartbeats()) {
    if (hb.machine === null || hb.ip_address === null || (strict ? hb.time <= cutoff : hb.time < cutoff)) continue;
    const key = `${hb.user_id} ${hb.machine} ${hb.ip_address}`;
    const c = out.get(key);
    out.set(key, { first: Math.min(c?.first ?? hb.time, hb.time), last: Math.max(c?.last ?? hb.time, hb.time) });
  }
  return out;
}

describe('the machine index', () => {
  it('answers the alts and pairs with the first and last time a pass over the rows finds', () => {
    const index = indexes.index();
    for (const cutoff of [0, source.time, source.time + 100, source.time + 250, Math.floor(NOW / 1000)]) {
      const expected = scanCombos(cutoff, false);
      const { candidates } = altCandidates(index, cutoff);
      for (const c of candidates) {
        expect(expected.get(`${c.user_a_id} ${c.machine} ${c.ip_address}`)).toEqual({
          first: c.user_a_first_seen_on_combo,
          last: c.user_a_last_seen_on_combo,
        });
        expect(expected.get(`${c.user_b_id} ${c.machine} ${c.ip_address}`)).toEqual({
          first: c.user_b_first_seen_on_combo,
          last: c.user_b_last_seen_on_combo,
        });
      }
      const strict = scanCombos(cutoff, true);
      for (const p of ipMachinePairs(index, cutoff, 10_000).pairs)
        expect(strict.get(`${p.user_b_id} ${p.machine} ${p.ip_address}`)).toEqual({ first: p.user_b_first_seen, last: p.user_b_last_seen });
    }
    expect(altCandidates(index, 0).candidates.map((c) => [c.user_a_id, c.user_b_id])).toEqual(
      expect.arrayContaining([
        [1, 3],
        [1, 5],
        [3, 5],
      ]),
    );
    // `time >= cutoff` for the candidates, `time > cutoff` for the pairs (admin_controller.rb:165, heartbeats_controller.rb:31).
    const atLast = source.time + 300;
    expect(altCandidates(index, atLast).candidates.some((c) => c.user_b_id === 3)).toBe(true);
    expect(ipMachinePairs(index, atLast, 10).pairs.some((c) => c.user_b_id === 3)).toBe(false);
    expect(sharedMachines(index, 0, 10).machines).toContainEqual(expect.objectContaining({ machine: source.machine }));
  });

  it('lists the users of an address as a pass over every row does: distinct, by user, then first seen', () => {
    const ip = source.ip_address as string;
    const seen = new Map<string, Heartbeat>();
    for (const hb of world.allHeartbeats()) {
      const key = JSON.stringify([hb.user_id, hb.machine, hb.user_agent]);
      if (hb.ip_address === ip && !seen.has(key)) seen.set(key, hb);
    }
    const expected = [...seen.values()]
      .sort((a, b) => a.user_id - b.user_id)
      .map((hb) => ({ user_id: hb.user_id, ip_address: ip, machine: hb.machine, user_agent: hb.user_agent }));
    expect(usersByIp(indexes.index(), ip).users).toEqual(expected);
    expect(expected.map((u) => u.user_id)).toEqual(expect.arrayContaining([1, 3, 5]));
  });

  it('answers after row-by-row updates byte for byte as an index built from all rows at once', () => {
    world.addHeartbeat(2, draftOf(source, { time: source.time + 400 }));
    world.addHeartbeat(6, draftOf(source, { time: source.time - 50 }));
    const updated = indexes.index();
    const fresh = new MachineIndexes(world).index();
    for (const cutoff of [0, source.time - 50, source.time, source.time + 300, source.time + 400]) {
      expect(JSON.stringify(altCandidates(updated, cutoff))).toBe(JSON.stringify(altCandidates(fresh, cutoff)));
      expect(JSON.stringify(ipMachinePairs(updated, cutoff, 3))).toBe(JSON.stringify(ipMachinePairs(fresh, cutoff, 3)));
      expect(JSON.stringify(sharedMachines(updated, cutoff, 10))).toBe(JSON.stringify(sharedMachines(fresh, cutoff, 10)));
    }
    expect(JSON.stringify(usersByIp(updated, source.ip_address as string))).toBe(
      JSON.stringify(usersByIp(fresh, source.ip_address as string)),
    );
    expect(altCandidates(updated, 0).candidates.some((c) => c.user_a_id === 1 && c.user_b_id === 2)).toBe(true);
  });

  it('lists the machines shared since a cutoff as a pass over every row does, a cutoff inside a run included', () => {
    const mine = createWorld({ seed: SEED, now: NOW, users: 12, days: 4 });
    const demoRows = mine.heartbeatsBetween(1, {}).filter((hb) => hb.machine !== null);
    const last = demoRows[demoRows.length - 1] as Heartbeat;
    // Another user on the demo user's machine just after its last row: shared only while the
    // cutoff stays before both, and the demo user's last row ends a run of many.
    mine.addHeartbeat(3, draftOf(last, { time: last.time + 10 }));
    const machines = new MachineIndexes(mine).index();
    const scan = (cutoff: number) => {
      const users = new Map<string, Set<number>>();
      for (const hb of mine.allHeartbeats()) {
        if (hb.machine === null || hb.time <= cutoff) continue;
        users.set(hb.machine, (users.get(hb.machine) ?? new Set()).add(hb.user_id));
      }
      return [...users].filter(([, ids]) => ids.size > 1).map(([machine]) => machine);
    };
    for (const cutoff of [0, last.time - 600, last.time - 1, last.time, last.time + 5]) {
      const listed = sharedMachines(machines, cutoff, 1000).machines.map((m) => m.machine);
      expect(listed.sort(), `cutoff ${cutoff}`).toEqual(scan(cutoff).sort());
    }
    expect(sharedMachines(machines, last.time - 1, 1000).machines.map((m) => m.machine)).toContain(last.machine);
  });

  it('starts again from the generated rows on reset', () => {
    const mine = createWorld({ seed: SEED, now: NOW, users: 12, days: 4 });
    const machines = new MachineIndexes(mine);
    const before = JSON.stringify(altCandidates(machines.index(), 0));
    mine.addHeartbeat(3, draftOf(mine.allHeartbeats().find((hb) => hb.user_id === 1 && hb.ip_address !== null) as Heartbeat, {}));
    expect(JSON.stringify(altCandidates(machines.index(), 0))).not.toBe(before);
    mine.reset();
    expect(JSON.stringify(altCandidates(machines.index(), 0))).toBe(before);
  });
});
