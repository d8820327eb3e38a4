/**
 * @module
 * The admin analytics' view of every user's heartbeats (`admin-machines.ts`), built once and then
 * kept up to date row by row as heartbeats arrive, instead of a pass over all rows per request:
 * rows by address and by machine, the rows of each (user, machine, address) combination, the last
 * time of each user on each machine and of each user. The server answers these with SQL over the
 * whole `heartbeats` table; the mock's answers stay what a pass over the rows would give, in the
 * same order.
 */
import { compareTimed, type Heartbeat, type HeartbeatSink, insertionIndex, type World } from '../../world/index.js';

/** One (user, machine, ip) with both set, and its rows ascending by (time, id). */
export interface ComboTrack {
  userId: number;
  machine: string;
  ip: string;
  rows: Heartbeat[];
}

export interface MachineIndex {
  /** Rows by address, ascending by (time, id). */
  byIp: Map<string, Heartbeat[]>;
  /** Rows by machine name, ascending by (time, id). */
  byMachine: Map<string, Heartbeat[]>;
  /** By `user_id`, machine and address. */
  combos: Map<string, ComboTrack>;
  /** Machine → user → that user's last `time` on it. */
  machineUsers: Map<string, Map<number, number>>;
  /** User → last `time`. */
  userLast: Map<number, number>;
}

/** Puts `row` into a list ascending by (time, id). */
function insert(map: Map<string, Heartbeat[]>, key: string, row: Heartbeat): void {
  const list = map.get(key);
  if (!list) map.set(key, [row]);
  else if (compareTimed(list[list.length - 1] as Heartbeat, row) <= 0) list.push(row);
  else list.splice(insertionIndex(list, row), 0, row);
}

const later = (map: Map<number, number>, key: number, time: number) => map.set(key, Math.max(map.get(key) ?? time, time));

function add(index: MachineIndex, hb: Heartbeat): void {
  later(index.userLast, hb.user_id, hb.time);
  if (hb.ip_address !== null) insert(index.byIp, hb.ip_address, hb);
  if (hb.machine === null) return;
  insert(index.byMachine, hb.machine, hb);
  let users = index.machineUsers.get(hb.machine);
  if (!users) index.machineUsers.set(hb.machine, (users = new Map()));
  later(users, hb.user_id, hb.time);
  if (hb.ip_address === null) return;
  const key = `${hb.user_id}\u0000${hb.machine}\u0000${hb.ip_address}`;
  const track = index.combos.get(key);
  if (!track) index.combos.set(key, { userId: hb.user_id, machine: hb.machine, ip: hb.ip_address, rows: [hb] });
  else if (compareTimed(track.rows[track.rows.length - 1] as Heartbeat, hb) <= 0) track.rows.push(hb);
  else track.rows.splice(insertionIndex(track.rows, hb), 0, hb);
}

/**
 * The index of one mock's world, in its `MockState`: made on the first read from
 * `world.allHeartbeats()`, told of each new row by the world (as a data file is), dropped on reset.
 * @example
 * const machines = new MachineIndexes(world);
 * machines.index().byIp.get('203.0.113.7')?.length;
 */
export class MachineIndexes implements HeartbeatSink {
  private built: MachineIndex | undefined;

  constructor(private readonly world: World) {
    world.addSink(this);
  }

  index(): MachineIndex {
    if (!this.built) {
      const index: MachineIndex = {
        byIp: new Map(),
        byMachine: new Map(),
        combos: new Map(),
        machineUsers: new Map(),
        userLast: new Map(),
      };
      for (const hb of this.world.allHeartbeats()) add(index, hb);
      this.built = index;
    }
    return this.built;
  }

  added(row: Heartbeat): void {
    if (this.built) add(this.built, row);
  }

  reset(): void {
    this.built = undefined;
  }

  flushed(): Promise<void> {
    return Promise.resolve();
  }
}
