/**
 * @module
 * The admin analytics' view of every user's heartbeats (`admin-machines.ts`), built once and then
 * kept up to date row by row as heartbeats arrive, instead of a pass over all rows per request. It
 * keeps only what those answers read: per address, each distinct (user, machine, user agent) with
 * its earliest row; the times and ids of each (user, machine, address) combination; the last time
 * of each user on each machine and of each user. It is built from where each user's rows were sent
 * from (`World.sentFrom`: the keyed instants and their setups, or the rows as columns for a user who
 * posted), never from row objects: a year of a thousand users is millions of rows. The
 * server answers these with SQL over the whole `heartbeats` table; the mock's answers stay what a
 * pass over the rows would give, in the same order.
 */
import { type Heartbeat, type HeartbeatSink, partitionPoint, type World } from '../../world/index.js';
import { wholeMegabytes } from '../bytes.js';
import { error } from '../errors.js';

/** Heap the index takes a heartbeat, with room (19 bytes measured over a 300-user year). */
const INDEX_BYTES_PER_ROW = 24;

/** A (user, machine, address) combination's key in `MachineIndex.combos`. */
const comboKey = (userId: number, machine: string, ip: string) => `${userId}\u0000${machine}\u0000${ip}`;

/** (time, id) order, as the rows are kept. */
const before = (time: number, id: number, otherTime: number, otherId: number) => time - otherTime || id - otherId;

/** One (user, machine, user agent) seen at an address, and its earliest row there. */
interface AddressUse {
  userId: number;
  machine: string | null;
  userAgent: string | null;
  firstTime: number;
  firstId: number;
}

/** One (user, machine, ip) with both set, and its rows' times and ids ascending by (time, id). */
export interface ComboTrack {
  userId: number;
  machine: string;
  ip: string;
  times: number[];
  ids: number[];
}

export interface MachineIndex {
  /** Address → `[user, machine, user agent]` (JSON) → that use. */
  byIp: Map<string, Map<string, AddressUse>>;
  /** By `user_id`, machine and address. */
  combos: Map<string, ComboTrack>;
  /** Machine → user → that user's last `time` on it. */
  machineUsers: Map<string, Map<number, number>>;
  /** User → last `time`. */
  userLast: Map<number, number>;
}

/** One row, as the index reads it. */
interface IndexedRow {
  time: number;
  id: number;
  userId: number;
  ip: string | null;
  machine: string | null;
  userAgent: string | null;
}

const later = (map: Map<number, number>, key: number, time: number) => map.set(key, Math.max(map.get(key) ?? time, time));

function add(index: MachineIndex, row: IndexedRow): void {
  const { time, id, userId, ip, machine, userAgent } = row;
  later(index.userLast, userId, time);
  if (ip !== null) {
    let uses = index.byIp.get(ip);
    if (!uses) index.byIp.set(ip, (uses = new Map()));
    const key = JSON.stringify([userId, machine, userAgent]);
    const use = uses.get(key);
    if (!use) uses.set(key, { userId, machine, userAgent, firstTime: time, firstId: id });
    else if (before(time, id, use.firstTime, use.firstId) < 0) {
      use.firstTime = time;
      use.firstId = id;
    }
  }
  if (machine === null) return;
  let users = index.machineUsers.get(machine);
  if (!users) index.machineUsers.set(machine, (users = new Map()));
  later(users, userId, time);
  if (ip === null) return;
  const key = comboKey(userId, machine, ip);
  const track = index.combos.get(key);
  if (!track) {
    index.combos.set(key, { userId, machine, ip, times: [time], ids: [id] });
    return;
  }
  // Where (time, id) goes in the ascending lists: at the end as a user's rows come, else searched (a posted row).
  const after = (k: number) => before(track.times[k] as number, track.ids[k] as number, time, id) <= 0;
  const last = track.times.length - 1;
  const at = after(last) ? last + 1 : partitionPoint(last, after);
  track.times.splice(at, 0, time);
  track.ids.splice(at, 0, id);
}

/**
 * Every row of a user, from its columns, in (time, id) order. A user's rows come in runs from one
 * setup (address, machine, user agent): the maps are looked up once a run, and each row only
 * appends its time and id to the run's combination (the user's rows ascend, so appending keeps it
 * sorted). The same index as adding the rows one by one.
 */
function addUser(index: MachineIndex, world: World, userId: number): void {
  const { times, ids, ip: ips, machine: machines, userAgent: agents } = world.sentFrom(userId);
  if (times.length === 0) return;
  let track: ComboTrack | undefined;
  let runStart = 0;
  for (let r = 0; r <= times.length; r++) {
    const same =
      r > runStart &&
      r < times.length &&
      ips.ids[r] === ips.ids[runStart] &&
      machines.ids[r] === machines.ids[runStart] &&
      agents.ids[r] === agents.ids[runStart];
    if (same) {
      track?.times.push(times[r] as number);
      track?.ids.push(ids[r] as number);
      continue;
    }
    // The run that ended: its machine's last time for the user.
    if (r > runStart) {
      const machine = machines.values[machines.ids[runStart] as number] ?? null;
      if (machine !== null) later(index.machineUsers.get(machine) as Map<number, number>, userId, times[r - 1] as number);
    }
    if (r === times.length) break;
    // A new run: its first row as `add` takes it, which finds the maps and starts the track.
    runStart = r;
    const ip = ips.values[ips.ids[r] as number] ?? null;
    const machine = machines.values[machines.ids[r] as number] ?? null;
    add(index, {
      time: times[r] as number,
      id: ids[r] as number,
      userId,
      ip,
      machine,
      userAgent: agents.values[agents.ids[r] as number] ?? null,
    });
    track = ip === null || machine === null ? undefined : index.combos.get(comboKey(userId, machine, ip));
  }
  later(index.userLast, userId, times[times.length - 1] as number);
}

/**
 * The index of one mock's world, in its `MockState`: made on the first read from every user's
 * rows, told of each new row by the world (as a data file is), dropped on reset.
 * @example
 * const machines = new MachineIndexes(world);
 * machines.index().byIp.get('203.0.113.7')?.size;
 */
export class MachineIndexes implements HeartbeatSink {
  private built: MachineIndex | undefined;

  constructor(
    private readonly world: World,
    /** Bytes the index may take; a world estimated past them is refused (503) before it is built. */
    private readonly budgetBytes?: number,
  ) {
    world.addSink(this);
  }

  index(): MachineIndex {
    if (!this.built) {
      this.checkRoom();
      const index: MachineIndex = { byIp: new Map(), combos: new Map(), machineUsers: new Map(), userLast: new Map() };
      for (const user of this.world.users) addUser(index, this.world, user.id);
      this.built = index;
    }
    return this.built;
  }

  /**
   * Refuses a world whose heartbeats the index cannot hold (the spec's `MockIndexTooLarge`): the
   * count is the world's estimate, which samples the users of a large world, so refusing is quick.
   */
  private checkRoom(): void {
    if (this.budgetBytes === undefined) return;
    const rows = this.world.heartbeatCounts().total;
    const needed = rows * INDEX_BYTES_PER_ROW;
    if (needed <= this.budgetBytes) return;
    throw error(
      503,
      `The mock's world is too large for this read: about ${rows} heartbeats need about ${wholeMegabytes(needed)} MB for its index, and ${wholeMegabytes(this.budgetBytes)} MB are left for it`,
    );
  }

  added(row: Heartbeat): void {
    if (this.built) {
      add(this.built, {
        time: row.time,
        id: row.id,
        userId: row.user_id,
        ip: row.ip_address,
        machine: row.machine,
        userAgent: row.user_agent,
      });
    }
  }

  reset(): void {
    this.built = undefined;
  }

  flushed(): Promise<void> {
    return Promise.resolve();
  }
}
