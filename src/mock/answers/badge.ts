/**
 * @module
 * The shields.io badge of `GET /api/v1/badge/{user_id}/{project}`: which project a path names, its
 * all-time seconds (plus the `aliases` of ../params/badge.ts), and the redirect URL with the upstream bug that appends extra
 * query parameters with `&` and no `?`.
 */

import { totalSecondsOfTimes } from '../../world/durations.js';
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { utf8Bytes } from '../bytes.js';
import { badgeTime } from '../rails/present/format.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { isValidTime } from '../rails/scopes/valid-timestamps.js';

/** `Repository.parse_url`: host, owner and name of a mapped repository URL. */
const REPOSITORY_URL = /^https?:\/\/([^/]+)\/([^/]+)\/([^/]+)\/?$/;

/** Parameters the controller consumes itself (path and routing keys included), never passed on. */
const CONSUMED = new Set(['controller', 'action', 'user_id', 'project', 'label', 'color', 'aliases', 'format']);

/**
 * `ERB::Util.url_encode`: every byte outside `[A-Za-z0-9_.~-]` as `%XX` (upper-case hex), so a space
 * is `%20`, unlike `encodeURIComponent`, which also leaves `!'()*` alone.
 */
function rubyUrlEncode(value: string): string {
  let out = '';
  for (const byte of utf8Bytes(value)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * The project a badge path names: a project the user has heartbeats in (any category), else an
 * `owner/repo` pair matching one of the user's repository mappings (archived ones included).
 */
export function resolveBadgeProject(world: World, user: User, param: string): string | undefined {
  if (isBlankString(param)) return undefined;
  if (world.viewBetween(user.id, {}).strings('project').values.includes(param)) return param;
  const slash = param.indexOf('/');
  if (slash === -1) return undefined;
  const owner = param.slice(0, slash);
  const name = param.slice(slash + 1);
  const mapping = user.repoMappings.find((m) => {
    const parsed = m.repoUrl === null ? null : REPOSITORY_URL.exec(m.repoUrl);
    return parsed !== null && parsed[2] === owner && parsed[3] === name;
  });
  return mapping?.project;
}

/** `user.heartbeats.where(project: names).duration_seconds`: one timeline over all the named projects. */
export function projectsSeconds(world: World, userId: number, names: ReadonlySet<string>): number {
  const rows = world.viewBetween(userId, {});
  const projectOf = rows.reader('project');
  const named = rows.where((r) => {
    const name = projectOf(r);
    return name !== null && names.has(name) && isValidTime(rows.times[r] as number);
  });
  return totalSecondsOfTimes(named.times);
}

/** The redirect target: label, time text and colour URL-encoded, then every unconsumed parameter as `&k=v`. */
export function shieldsUrl(params: ReadonlyMap<string, string>, seconds: number): string {
  const label = params.get('label') ?? 'hackatime';
  const color = params.get('color') ?? 'blue';
  let url = `https://img.shields.io/badge/${rubyUrlEncode(label)}-${rubyUrlEncode(badgeTime(seconds))}-${rubyUrlEncode(color)}`;
  for (const [key, value] of params) if (!CONSUMED.has(key)) url += `&${rubyUrlEncode(key)}=${rubyUrlEncode(value)}`;
  return url;
}
