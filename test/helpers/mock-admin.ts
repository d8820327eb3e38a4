/**
 * @module
 * The raw material tests check answers against, read from the mock's admin API (`/__mock/*`)
 * rather than from its internals: the seeded users with their credentials, and stored heartbeats.
 */
import type { Heartbeat } from '../../src/world/types.js';
import type { MockTarget } from './mock.js';

/** A heartbeat as JSON: the model's fields, and whatever other keys a server adds (tests tolerate them). */
export type HeartbeatJson = Heartbeat & Record<string, unknown>;

/** One user of `GET /__mock/credentials`. */
export interface CredentialUser {
  id: number;
  username: string;
  display_name: string;
  slack_uid: string | null;
  email: string | null;
  timezone: string;
  roles: string[];
  trust_level: string;
  public_stats: boolean;
  pending_deletion: boolean;
  admin_level: string;
  api_keys: string[];
  admin_keys: string[];
  oauth_tokens: { token: string; scopes: string[]; revoked: boolean; expired: boolean }[];
}

export interface Credentials {
  roles: Record<string, string | string[]>;
  users: CredentialUser[];
}

export async function credentials(t: MockTarget): Promise<Credentials> {
  return (await (await t.fetch('/__mock/credentials')).json()) as Credentials;
}

/** The user holding `role` (the first, for a role many hold). */
export async function userWithRole(t: MockTarget, role: string): Promise<CredentialUser> {
  const c = await credentials(t);
  const holder = c.roles[role];
  const name = Array.isArray(holder) ? holder[0] : holder;
  const user = c.users.find((u) => u.username === name);
  if (!user) throw new Error(`no user with role ${role}`);
  return user;
}

/** A user's stored heartbeats with `start <= time <= end` (Unix seconds; each bound open when absent). */
export async function rawHeartbeats(t: MockTarget, username: string, start?: number, end?: number): Promise<HeartbeatJson[]> {
  const q = new URLSearchParams();
  if (start !== undefined) q.set('start', String(start));
  if (end !== undefined) q.set('end', String(end));
  const res = await t.fetch(`/__mock/users/${encodeURIComponent(username)}/heartbeats?${q}`);
  if (res.status !== 200) throw new Error(`heartbeats of ${username}: ${res.status}`);
  return ((await res.json()) as { heartbeats: HeartbeatJson[] }).heartbeats;
}
