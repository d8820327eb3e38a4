/**
 * @module
 * Heartbeats for tests. Builders: a complete stored row or draft from only the fields a test cares
 * about — every other field null or its column default — so no test restates the model's field
 * list. Rules: the real server's duration rule, written again here independently of src/world, so a
 * test that checks a total against it does not check the mock against itself.
 */
import type { Heartbeat, HeartbeatDraft } from '../../src/world/types.js';

/** `created_at`/`updated_at` of a built heartbeat: the instant most tests run at (NOW in mock.ts). */
const STAMP = '2026-08-22T18:30:00.000Z';

/** A heartbeat with nothing set, keys in the order of the server's `as_json`. */
const EMPTY: Heartbeat = {
  id: 0,
  user_id: 1,
  time: 0,
  entity: null,
  type: null,
  category: null,
  project: null,
  branch: null,
  language: null,
  editor: null,
  operating_system: null,
  machine: null,
  user_agent: null,
  is_write: null,
  lineno: null,
  lines: null,
  cursorpos: null,
  line_additions: null,
  line_deletions: null,
  project_root_count: null,
  dependencies: [],
  ai_model: null,
  ai_session: null,
  ai_subscription_plan: null,
  ai_input_tokens: null,
  ai_output_tokens: null,
  ai_prompt_length: null,
  ai_line_changes: null,
  human_line_changes: null,
  source_type: 'direct_entry',
  ip_address: null,
  ja4_id: null,
  fields_hash: '',
  created_at: STAMP,
  updated_at: STAMP,
  deleted_at: null,
};

/**
 * A complete stored row: user 1 and an empty `fields_hash` unless given.
 * @example
 * row({ id: 3, time: 2000, project: 'hackatime' })
 */
export function row(fields: Partial<Heartbeat> & Pick<Heartbeat, 'id' | 'time'>): Heartbeat {
  return { ...EMPTY, ...fields };
}

/** What the world store takes for a stored row, with `changes`: the row without its id, owner and hash. */
export function draftOf(stored: Heartbeat, changes: Partial<HeartbeatDraft> = {}): HeartbeatDraft {
  const { id: _id, user_id: _user, fields_hash: _hash, ...fields } = stored;
  return { ...fields, ...changes };
}

/**
 * A complete draft for `world.addHeartbeat`.
 * @example
 * draft({ time: NOW / 1000 - 60, category: 'coding', project: 'board' })
 */
export function draft(fields: Partial<HeartbeatDraft> & Pick<HeartbeatDraft, 'time'>): HeartbeatDraft {
  return draftOf(EMPTY, fields);
}

// --- the 2-minute rule, independently ----------------------------------------------------------------

/** What the rules read of a heartbeat. */
export interface Timed {
  id: number;
  time: number;
}

/** PostgreSQL's float → integer cast (`::integer`): nearest, halves to even. */
export function pgRound(x: number): number {
  const floor = Math.floor(x);
  const frac = x - floor;
  if (frac !== 0.5) return frac > 0.5 ? floor + 1 : floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

const byTime = (a: Timed, b: Timed) => a.time - b.time || a.id - b.id;

/**
 * LAG: in order of time then id, each heartbeat adds the gap since the previous one, at most 120 s
 * (the first adds nothing, or its gap since `previous` when given); the sum is cast once.
 */
export function lagSeconds(rows: readonly Timed[], previous?: number): number {
  let sum = 0;
  let last = previous;
  for (const hb of [...rows].sort(byTime)) {
    if (last !== undefined) sum += Math.min(hb.time - last, 120);
    last = hb.time;
  }
  return pgRound(sum);
}

/** LAG per group: the previous heartbeat is the previous one of the same group. */
export function groupedLag<T extends Timed, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, number> {
  const groups = new Map<K, T[]>();
  for (const r of rows) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
  return new Map([...groups].map(([key, group]) => [key, lagSeconds(group)]));
}
