/**
 * Independent expectations for the per-user stats tests: raw heartbeats from the mock's admin API and
 * the real server's duration and span rules, written again here rather than imported from the world.
 */
import type { MockTarget } from '../helpers/mock.js';

export interface RawHeartbeat {
  id: number;
  time: number;
  category: string | null;
  project: string | null;
  language: string | null;
}

export interface CredentialUser {
  id: number;
  username: string;
  display_name: string;
  slack_uid: string | null;
  email: string | null;
  trust_level: string;
  public_stats: boolean;
  pending_deletion: boolean;
  roles: string[];
  api_keys: string[];
  admin_keys: string[];
}

export interface Credentials {
  roles: Record<string, string | string[]>;
  users: CredentialUser[];
}

export async function credentials(t: MockTarget): Promise<Credentials> {
  return (await (await t.fetch('/__mock/credentials')).json()) as Credentials;
}

export async function userNamed(t: MockTarget, role: string): Promise<CredentialUser> {
  const c = await credentials(t);
  const name = c.roles[role];
  const user = c.users.find((u) => u.username === name);
  if (!user) throw new Error(`no user with role ${role}`);
  return user;
}

/** Every heartbeat of a user (the admin API's window is inclusive at both ends). */
export async function rawHeartbeats(t: MockTarget, username: string): Promise<RawHeartbeat[]> {
  const res = await t.fetch(`/__mock/users/${encodeURIComponent(username)}/heartbeats`);
  if (res.status !== 200) throw new Error(`heartbeats of ${username}: ${res.status}`);
  return ((await res.json()) as { heartbeats: RawHeartbeat[] }).heartbeats;
}

/** PostgreSQL's float → integer cast: nearest, halves to even. */
export function pgRound(x: number): number {
  const floor = Math.floor(x);
  const frac = x - floor;
  if (frac !== 0.5) return frac > 0.5 ? floor + 1 : floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const byTime = (a: RawHeartbeat, b: RawHeartbeat) => a.time - b.time || a.id - b.id;

/** The 2-minute rule: each heartbeat adds the gap since the previous one, capped at 120 s. */
export function capped(rows: readonly RawHeartbeat[], previous?: number): number {
  const sorted = [...rows].sort(byTime);
  let sum = 0;
  let last = previous;
  for (const hb of sorted) {
    if (last !== undefined) sum += Math.min(hb.time - last, 120);
    last = hb.time;
  }
  return pgRound(sum);
}

/** The 2-minute rule within each group (the previous heartbeat is the previous one of the group). */
export function cappedBy(rows: readonly RawHeartbeat[], keyOf: (hb: RawHeartbeat) => string | null): Map<string | null, number> {
  const groups = new Map<string | null, RawHeartbeat[]>();
  for (const hb of rows) {
    const key = keyOf(hb);
    groups.set(key, [...(groups.get(key) ?? []), hb]);
  }
  return new Map([...groups].map(([key, list]) => [key, capped(list)]));
}

export interface ExpectedSpan {
  start_time: number;
  end_time: number;
  duration: number;
}

/** Spans: runs with gaps of at most 120 s; a closed span gets +120 s, the last one nothing; zero-length ones dropped. */
export function spansOf(rows: readonly RawHeartbeat[]): ExpectedSpan[] {
  const sorted = [...rows].sort(byTime);
  const runs: RawHeartbeat[][] = [];
  for (const hb of sorted) {
    const run = runs[runs.length - 1];
    if (run && hb.time - run[run.length - 1]!.time <= 120) run.push(hb);
    else runs.push([hb]);
  }
  return runs
    .map((run, i) => {
      const first = run[0]!.time;
      const last = run[run.length - 1]!.time;
      const final = i === runs.length - 1;
      const inside = Math.round(last - first);
      return { start_time: first, end_time: final ? last : last + 120, duration: final ? inside : inside + 120 };
    })
    .filter((span) => span.duration > 0);
}

/** `strftime("%Y-%m-%dT%H:%M:%SZ")` of epoch seconds in UTC. */
export const utcStamp = (seconds: number) => `${new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19)}Z`;
