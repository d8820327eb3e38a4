/**
 * @module
 * The admin analytics' view of every user's heartbeats (`admin-machines.ts`), built once per state
 * of the world instead of a pass over all rows per request: rows by address and by machine, each
 * (user, machine, address) combination with the positions of its rows, the last time of each user
 * on each machine and of each user. The server answers these with SQL over the whole `heartbeats`
 * table; the mock's answers stay what a scan of the rows would give, in the same order.
 */
import { type Heartbeat, lowerBound, upperBound, type World } from '../../world/index.js';

/** One (user, machine, ip) with both set: where its rows sit in the time-ordered list of all rows. */
export interface ComboTrack {
  userId: number;
  machine: string;
  ip: string;
  /** Positions in {@link MachineIndex.rows}, ascending. */
  at: number[];
}

export interface MachineIndex {
  /** Every row, ascending by (time, id): `world.allHeartbeats()`. */
  rows: readonly Heartbeat[];
  byIp: Map<string, Heartbeat[]>;
  byMachine: Map<string, Heartbeat[]>;
  /** In order of first appearance. */
  combos: ComboTrack[];
  /** Machine → user → that user's last `time` on it. */
  machineUsers: Map<string, Map<number, number>>;
  /** User → last `time`. */
  userLast: Map<number, number>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function build(rows: readonly Heartbeat[]): MachineIndex {
  const index: MachineIndex = { rows, byIp: new Map(), byMachine: new Map(), combos: [], machineUsers: new Map(), userLast: new Map() };
  const combos = new Map<string, ComboTrack>();
  rows.forEach((hb, i) => {
    index.userLast.set(hb.user_id, hb.time);
    if (hb.ip_address !== null) push(index.byIp, hb.ip_address, hb);
    if (hb.machine === null) return;
    push(index.byMachine, hb.machine, hb);
    let users = index.machineUsers.get(hb.machine);
    if (!users) index.machineUsers.set(hb.machine, (users = new Map()));
    users.set(hb.user_id, hb.time);
    if (hb.ip_address === null) return;
    const key = `${hb.user_id}\u0000${hb.machine}\u0000${hb.ip_address}`;
    const combo = combos.get(key);
    if (combo) combo.at.push(i);
    else {
      const track = { userId: hb.user_id, machine: hb.machine, ip: hb.ip_address, at: [i] };
      combos.set(key, track);
      index.combos.push(track);
    }
  });
  return index;
}

/**
 * The index of the world's rows as they are now, kept while `world.allHeartbeats()` answers the
 * same list (a write or a reset makes a new one). One per mock, in its `MockState`.
 * @example
 * const index = state.machines.of(state.world);
 * index.byIp.get('203.0.113.7')?.length;
 */
export class MachineIndexes {
  private built: MachineIndex | undefined;

  of(world: World): MachineIndex {
    const rows = world.allHeartbeats();
    if (this.built?.rows !== rows) this.built = build(rows);
    return this.built;
  }
}

/** The first position of a row since `cutoff`: `time >= cutoff`, or `time > cutoff` when `strict`. */
export const startSince = (index: MachineIndex, cutoff: number, strict: boolean): number =>
  strict ? upperBound(index.rows, cutoff) : lowerBound(index.rows, cutoff);

/** The first of `at` (ascending) that is `>= start`; `at.length` when none. */
export function firstFrom(at: readonly number[], start: number): number {
  let lo = 0;
  let hi = at.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((at[mid] as number) < start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
