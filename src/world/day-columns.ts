/**
 * @module
 * One generated user-day held as columns: times in a Float64Array, every string field as a small
 * index into the day's own string table, every number field in an Int32Array. A row becomes the
 * 36-key `Heartbeat` object only when a read asks for it ({@link materialise}). A cached day
 * costs about 100 bytes a row instead of about 700 for the object.
 */
import { LAZY_HASH_ROW } from './fields-hash.js';
import type { Heartbeat, SourceType } from './types.js';

/** What activity generation emits for one row: the stored fields less those the store assigns. */
export type DraftRow = Omit<Heartbeat, 'id' | 'user_id' | 'fields_hash' | 'created_at' | 'updated_at' | 'deleted_at'> & {
  /** `created_at` (= `updated_at`) as epoch ms. */
  createdMs: number;
};

const STRINGS = [
  'entity',
  'type',
  'category',
  'project',
  'branch',
  'language',
  'editor',
  'operating_system',
  'machine',
  'user_agent',
  'ai_model',
  'ai_session',
  'ai_subscription_plan',
  'source_type',
  'ip_address',
] as const satisfies readonly (keyof DraftRow)[];

// is_write is stored as 0/1; every other column is a count that is never negative.
const NUMBERS = [
  'is_write',
  'lineno',
  'lines',
  'cursorpos',
  'line_additions',
  'line_deletions',
  'project_root_count',
  'ai_input_tokens',
  'ai_output_tokens',
  'ai_prompt_length',
  'ai_line_changes',
  'human_line_changes',
  'ja4_id',
] as const satisfies readonly (keyof DraftRow)[];

const NULL_NUMBER = -1;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];
const S = STRINGS.length;
const N = NUMBERS.length;

/** A user-day's rows, ascending by time. Column `c` of row `r` sits at `c * length + r`. */
export interface DayColumns {
  readonly length: number;
  /** `time` (float Unix seconds), then `created_at` as epoch ms. */
  readonly times: Float64Array;
  /** String columns, then the dependencies list; 0 is null (or the empty list). */
  readonly strings: Uint16Array;
  readonly numbers: Int32Array;
  /** Index 0 is unused (null); shared with the profile the strings came from. */
  readonly table: readonly string[];
  readonly lists: readonly string[][];
}

/** The columns of `rows`, which must already be ascending by time. */
export function toColumns(rows: readonly DraftRow[]): DayColumns {
  const n = rows.length;
  const times = new Float64Array(2 * n);
  const strings = new Uint16Array((S + 1) * n);
  const numbers = new Int32Array(N * n);
  const table: string[] = [''];
  const tableIndex = new Map<string, number>();
  const lists: string[][] = [EMPTY];
  const listIndex = new Map<string[], number>();
  const intern = (value: string | null): number => {
    if (value === null) return 0;
    let index = tableIndex.get(value);
    if (index === undefined) {
      index = table.length;
      table.push(value);
      tableIndex.set(value, index);
    }
    return index;
  };
  rows.forEach((row, r) => {
    times[r] = row.time;
    times[n + r] = row.createdMs;
    for (let c = 0; c < S; c++) strings[c * n + r] = intern(row[STRINGS[c] as (typeof STRINGS)[number]]);
    if (row.dependencies.length > 0) {
      // Dependency lists are the profile's frozen arrays, so identity finds the shared ones.
      let index = listIndex.get(row.dependencies);
      if (index === undefined) {
        index = lists.length;
        lists.push(row.dependencies);
        listIndex.set(row.dependencies, index);
      }
      strings[S * n + r] = index;
    }
    for (let c = 0; c < N; c++) {
      const value = row[NUMBERS[c] as (typeof NUMBERS)[number]];
      numbers[c * n + r] = value === null ? NULL_NUMBER : Number(value);
    }
  });
  if (table.length > 0xffff || lists.length > 0xffff)
    throw new RangeError('a user-day holds more distinct strings than its columns can index');
  return { length: n, times, strings, numbers, table, lists };
}

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** `Date#toISOString`, with the date part built once per run of rows on one UTC day. */
function isoWriter(): (instant: number) => string {
  let isoDay = Number.NaN;
  let prefix = '';
  return (instant) => {
    const ms = Math.floor(instant);
    const day = Math.floor(ms / DAY);
    if (day !== isoDay) {
      isoDay = day;
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
    }
    let rest = ms - day * DAY;
    const h = Math.floor(rest / HOUR);
    rest -= h * HOUR;
    const m = Math.floor(rest / MINUTE);
    rest -= m * MINUTE;
    const sec = Math.floor(rest / 1000);
    return `${prefix}${pad(h, 2)}:${pad(m, 2)}:${pad(sec, 2)}.${pad(rest - sec * 1000, 3)}Z`;
  };
}

/**
 * Rows `from..to-1` of a day as stored heartbeats, appended to `out`; row `r` gets id `firstId + r`.
 * `fields_hash` is computed when a row is first serialised or compared.
 */
export function materialise(day: DayColumns, userId: number, firstId: number, from: number, to: number, out: Heartbeat[]): void {
  const { length: n, times, strings: s, numbers: v, table, lists } = day;
  const iso = isoWriter();
  const str = (c: number, r: number): string | null => {
    const index = s[c * n + r] as number;
    return index === 0 ? null : (table[index] as string);
  };
  const num = (c: number, r: number): number | null => {
    const value = v[c * n + r] as number;
    return value === NULL_NUMBER ? null : value;
  };
  for (let r = from; r < to; r++) {
    const created = iso(times[n + r] as number);
    const isWrite = num(0, r);
    // Built with its prototype in place (setting one afterwards makes V8 slow the object down).
    const row = {
      __proto__: LAZY_HASH_ROW,
      id: firstId + r,
      user_id: userId,
      time: times[r] as number,
      entity: str(0, r),
      type: str(1, r),
      category: str(2, r),
      project: str(3, r),
      branch: str(4, r),
      language: str(5, r),
      editor: str(6, r),
      operating_system: str(7, r),
      machine: str(8, r),
      user_agent: str(9, r),
      is_write: isWrite === null ? null : isWrite === 1,
      lineno: num(1, r),
      lines: num(2, r),
      cursorpos: num(3, r),
      line_additions: num(4, r),
      line_deletions: num(5, r),
      project_root_count: num(6, r),
      dependencies: lists[s[S * n + r] as number] as string[],
      ai_model: str(10, r),
      ai_session: str(11, r),
      ai_subscription_plan: str(12, r),
      ai_input_tokens: num(7, r),
      ai_output_tokens: num(8, r),
      ai_prompt_length: num(9, r),
      ai_line_changes: num(10, r),
      human_line_changes: num(11, r),
      source_type: str(13, r) as SourceType,
      ip_address: str(14, r),
      ja4_id: num(12, r),
      fields_hash: '',
      created_at: created,
      updated_at: created,
      deleted_at: null,
    };
    out.push(row as Heartbeat);
  }
}

/** The first row whose time is `>= time` (Unix seconds). */
export function dayLowerBound(day: DayColumns, time: number): number {
  let lo = 0;
  let hi = day.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((day.times[mid] as number) < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first row whose time is `> time`. */
export function dayUpperBound(day: DayColumns, time: number): number {
  let lo = 0;
  let hi = day.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((day.times[mid] as number) <= time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bytes a cached day holds, roughly: what the cache's budget counts. */
export function dayBytes(day: DayColumns): number {
  return day.times.byteLength + day.strings.byteLength + day.numbers.byteLength + 8 * (day.table.length + day.lists.length) + 400;
}
