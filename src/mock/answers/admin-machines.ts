/**
 * @module
 * Who used which machine and address, over every user's heartbeats: `user/get_users_by_ip` and
 * `user/get_users_by_machine` (`app/controllers/concerns/api/admin/v1/user_utilities.rb:59-80`),
 * `alts/candidates` and `users/active` (`app/controllers/api/admin/v1/admin_controller.rb:137-204`),
 * `heartbeats/ip_machine_pairs` and `heartbeats/shared_machines`, also routed as
 * `alts/shared_machines` (`app/controllers/api/admin/v1/heartbeats_controller.rb:8-90`). Where the SQL
 * has no `ORDER BY` the mock answers in ascending user id (then first appearance).
 */
import { partitionPoint } from '../../world/index.js';
import type { ComboTrack, MachineIndex } from './machine-index.js';

const DAY = 86_400;

/**
 * `get_users_by_ip`: one entry per distinct (ip, user, machine, user agent) among rows stored with
 * exactly that address (all time).
 */
export function usersByIp(index: MachineIndex, ip: string) {
  // A host address is stored with its full prefix, so `/32` (IPv4) or `/128` (IPv6) names the same `inet`.
  const host = ip.replace(/^([\d.]+)\/32$|^([\da-f:]+)\/128$/i, '$1$2');
  // By user id, then first appearance: the mock's order where the server's SQL has no `ORDER BY`.
  const uses = [...(index.byIp.get(host)?.values() ?? [])].sort(
    (a, b) => a.userId - b.userId || a.firstTime - b.firstTime || a.firstId - b.firstId,
  );
  const users = uses.map((use) => ({ user_id: use.userId, ip_address: host, machine: use.machine, user_agent: use.userAgent }));
  return { users };
}

/** `get_users_by_machine`: distinct (user, machine) among rows of exactly that machine name. */
export function usersByMachine(index: MachineIndex, machine: string) {
  const ids = [...(index.machineUsers.get(machine)?.keys() ?? [])].sort((a, b) => a - b);
  return { users: ids.map((userId) => ({ user_id: userId, machine })) };
}

/** `lookback_days.days.ago.to_i`. */
export const cutoffOf = (nowMs: number, days: number): number => Math.floor(nowMs / 1000) - days * DAY;

interface Combo {
  userId: number;
  machine: string;
  ip: string;
  first: number;
  last: number;
}

/**
 * Per (user, machine, ip) with both set: first and last `time` of its rows since `cutoff` (the
 * rows are in time order, so those are its first row from there and its last), by user id then
 * first appearance since `cutoff` — the order of a pass over those rows.
 */
function combos(index: MachineIndex, cutoff: number, strict: boolean): Combo[] {
  const found: (Combo & { sinceId: number })[] = [];
  for (const track of index.combos.values()) {
    const { times } = track;
    const i = partitionPoint(times.length, (k) => (strict ? (times[k] as number) <= cutoff : (times[k] as number) < cutoff));
    if (i === times.length) continue;
    found.push({ ...comboOf(track), first: times[i] as number, last: times[times.length - 1] as number, sinceId: track.ids[i] as number });
  }
  return found.sort((a, b) => a.userId - b.userId || a.first - b.first || a.sinceId - b.sinceId);
}

const comboOf = (track: ComboTrack) => ({ userId: track.userId, machine: track.machine, ip: track.ip });

/** The self-join on (machine, ip) with `r1.user_id < r2.user_id`, at most `limit` pairs. */
function pairs(all: readonly Combo[], limit: number): [Combo, Combo][] {
  const groups = new Map<string, Combo[]>();
  for (const c of all) {
    const key = `${c.machine}\u0000${c.ip}`;
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  const out: [Combo, Combo][] = [];
  for (const a of all) {
    for (const b of groups.get(`${a.machine}\u0000${a.ip}`) as Combo[]) {
      if (out.length >= limit) return out;
      if (a.userId < b.userId) out.push([a, b]);
    }
  }
  return out;
}

/** `alts/candidates`: users sharing a (machine, ip) since `cutoff` (`time >= cutoff`), at most 5000. */
export function altCandidates(index: MachineIndex, cutoff: number) {
  const candidates = pairs(combos(index, cutoff, false), 5000).map(([a, b]) => ({
    user_a_id: a.userId,
    user_b_id: b.userId,
    machine: a.machine,
    ip_address: a.ip,
    user_a_first_seen_on_combo: a.first,
    user_a_last_seen_on_combo: a.last,
    user_b_first_seen_on_combo: b.first,
    user_b_last_seen_on_combo: b.last,
  }));
  return { candidates };
}

/** `heartbeats/ip_machine_pairs`: as the candidates but `time > cutoff`, `LIMIT limit`, other key names. */
export function ipMachinePairs(index: MachineIndex, cutoff: number, limit: number) {
  const found = pairs(combos(index, cutoff, true), limit).map(([a, b]) => ({
    user_a_id: a.userId,
    user_b_id: b.userId,
    machine: a.machine,
    ip_address: a.ip,
    user_a_first_seen: a.first,
    user_a_last_seen: a.last,
    user_b_first_seen: b.first,
    user_b_last_seen: b.last,
  }));
  return { pairs: found };
}

/**
 * `heartbeats/shared_machines`: machines used by more than one user since `cutoff` (`time > cutoff`),
 * most users first then by name; `user_ids` is PostgreSQL's array literal (`"{4,11}"`), a string.
 */
export function sharedMachines(index: MachineIndex, cutoff: number, limit: number) {
  const users = new Map<string, Set<number>>();
  for (const [machine, lastByUser] of index.machineUsers) {
    const ids = new Set<number>();
    for (const [userId, last] of lastByUser) if (last > cutoff) ids.add(userId);
    users.set(machine, ids);
  }
  const machines = [...users]
    .filter(([, ids]) => ids.size > 1)
    .sort(([a, x], [b, y]) => y.size - x.size || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit)
    .map(([machine, ids]) => ({
      machine,
      machine_frequency: ids.size,
      user_ids: `{${[...ids].sort((p, q) => p - q).join(',')}}`,
    }));
  return { machines };
}

/** `users/active`: ids of users with a heartbeat at or after `since` (at most 50 000). */
export function activeUserIds(index: MachineIndex, since: number) {
  const active = [...index.userLast].filter(([, last]) => last >= since).map(([userId]) => userId);
  return { user_ids: active.sort((a, b) => a - b).slice(0, 50_000) };
}
