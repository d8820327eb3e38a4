/**
 * @module
 * One generated user-day held as columns: times in a Float64Array, every string field as a small
 * index into the day's own string table, every number field in an Int32Array. A row becomes the
 * 36-key `Heartbeat` object only when a read asks for it ({@link materialise}). A cached day
 * costs about 100 bytes a row instead of about 700 for the object.
 */
import { LAZY_HASH_ROW } from './fields-hash.js';
import { partitionPoint } from './sorted.js';
import type { Heartbeat, SourceType } from './types.js';

/** What activity generation emits for one row: the stored fields less those the store assigns. */
export type DraftRow = Omit<Heartbeat, 'id' | 'user_id' | 'fields_hash' | 'created_at' | 'updated_at' | 'deleted_at'> & {
  /** `created_at` (= `updated_at`) as epoch ms. */
  createdMs: number;
};

// The string columns, in this order: entity, type, category, project, branch, language, editor,
// operating_system, machine, user_agent, ai_model, ai_session, ai_subscription_plan, source_type,
// ip_address; then the dependencies list. The number columns: is_write (0/1), lineno, lines,
// cursorpos, line_additions, line_deletions, project_root_count, ai_input_tokens, ai_output_tokens,
// ai_prompt_length, ai_line_changes, human_line_changes, ja4_id. Each field is read by name, not
// through a list of keys: keyed reads of many names are what made this slow.
const S = 15;
const N = 13;
/** Where each string column a row view reads sits among the string columns. */
const STRING_COLUMN = {
  category: 2,
  project: 3,
  language: 5,
  editor: 6,
  operating_system: 7,
  machine: 8,
  ai_model: 10,
} as const;
/** Where each count column a row view reads sits among the number columns. */
const COUNT_COLUMN = { ai_input_tokens: 7, ai_output_tokens: 8, ai_line_changes: 10 } as const;
/** The string fields a day hands out as a column. */
export type DayStringField = keyof typeof STRING_COLUMN;
/** The count fields a day hands out as a column. */
export type DayCountField = keyof typeof COUNT_COLUMN;
/** Every number column holds a count that is never negative. */
const NULL_NUMBER = -1;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/** A user-day's rows, ascending by time. Column `c` of row `r` sits at `c * length + r`. */
export interface DayColumns {
  readonly length: number;
  /** `time` (float Unix seconds), then `created_at` as epoch ms. */
  readonly times: Float64Array;
  /** String columns, then the dependencies list; 0 is null (or the empty list). */
  readonly strings: Uint16Array;
  readonly numbers: Int32Array;
  /** Index 0 is null; the strings are shared with the profile they came from. */
  readonly table: readonly (string | null)[];
  readonly lists: readonly string[][];
}

function numberOf(value: number | null): number {
  return value === null ? NULL_NUMBER : value;
}

/** The columns of `rows`, which must already be ascending by time. */
export function toColumns(rows: readonly DraftRow[]): DayColumns {
  const n = rows.length;
  const times = new Float64Array(2 * n);
  const str = new Uint16Array((S + 1) * n);
  const num = new Int32Array(N * n);
  const table: (string | null)[] = [null];
  const tableIndex = new Map<string, number>();
  const lists: string[][] = [EMPTY];
  const listIndex = new Map<string[], number>();
  // Most fields repeat the previous row's string (a run shares its setup, a file its language):
  // each column remembers its last value and index, so a repeat costs a comparison, not a lookup.
  const lastValue: (string | null)[] = new Array<string | null>(S).fill(null);
  const lastIndex = new Uint16Array(S);
  const intern = (column: number, value: string | null): number => {
    if (value === null) return 0;
    if (value === lastValue[column]) return lastIndex[column] as number;
    let index = tableIndex.get(value);
    if (index === undefined) {
      index = table.length;
      table.push(value);
      tableIndex.set(value, index);
    }
    lastValue[column] = value;
    lastIndex[column] = index;
    return index;
  };
  for (let r = 0; r < n; r++) {
    const row = rows[r] as DraftRow;
    times[r] = row.time;
    times[n + r] = row.createdMs;
    str[r] = intern(0, row.entity);
    str[n + r] = intern(1, row.type);
    str[2 * n + r] = intern(2, row.category);
    str[3 * n + r] = intern(3, row.project);
    str[4 * n + r] = intern(4, row.branch);
    str[5 * n + r] = intern(5, row.language);
    str[6 * n + r] = intern(6, row.editor);
    str[7 * n + r] = intern(7, row.operating_system);
    str[8 * n + r] = intern(8, row.machine);
    str[9 * n + r] = intern(9, row.user_agent);
    str[10 * n + r] = intern(10, row.ai_model);
    str[11 * n + r] = intern(11, row.ai_session);
    str[12 * n + r] = intern(12, row.ai_subscription_plan);
    str[13 * n + r] = intern(13, row.source_type);
    str[14 * n + r] = intern(14, row.ip_address);
    if (row.dependencies.length > 0) {
      // Dependency lists are the profile's frozen arrays, so identity finds the shared ones.
      let index = listIndex.get(row.dependencies);
      if (index === undefined) {
        index = lists.length;
        lists.push(row.dependencies);
        listIndex.set(row.dependencies, index);
      }
      str[S * n + r] = index;
    }
    num[r] = row.is_write === null ? NULL_NUMBER : row.is_write ? 1 : 0;
    num[n + r] = numberOf(row.lineno);
    num[2 * n + r] = numberOf(row.lines);
    num[3 * n + r] = numberOf(row.cursorpos);
    num[4 * n + r] = numberOf(row.line_additions);
    num[5 * n + r] = numberOf(row.line_deletions);
    num[6 * n + r] = numberOf(row.project_root_count);
    num[7 * n + r] = numberOf(row.ai_input_tokens);
    num[8 * n + r] = numberOf(row.ai_output_tokens);
    num[9 * n + r] = numberOf(row.ai_prompt_length);
    num[10 * n + r] = numberOf(row.ai_line_changes);
    num[11 * n + r] = numberOf(row.human_line_changes);
    num[12 * n + r] = numberOf(row.ja4_id);
  }
  if (table.length > 0xffff || lists.length > 0xffff)
    throw new RangeError('a user-day holds more distinct strings than its columns can index');
  return { length: n, times, strings: str, numbers: num, table, lists };
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
  const { length: n, times, strings: s, numbers: v, table: t, lists } = day;
  const iso = isoWriter();
  const nullable = (value: number): number | null => (value === NULL_NUMBER ? null : value);
  for (let r = from; r < to; r++) {
    const created = iso(times[n + r] as number);
    const isWrite = v[r] as number;
    // Built with its prototype in place (setting one afterwards makes V8 slow the object down).
    const row = {
      __proto__: LAZY_HASH_ROW,
      id: firstId + r,
      user_id: userId,
      time: times[r] as number,
      entity: t[s[r] as number] as string | null,
      type: t[s[n + r] as number] as string | null,
      category: t[s[2 * n + r] as number] as string | null,
      project: t[s[3 * n + r] as number] as string | null,
      branch: t[s[4 * n + r] as number] as string | null,
      language: t[s[5 * n + r] as number] as string | null,
      editor: t[s[6 * n + r] as number] as string | null,
      operating_system: t[s[7 * n + r] as number] as string | null,
      machine: t[s[8 * n + r] as number] as string | null,
      user_agent: t[s[9 * n + r] as number] as string | null,
      is_write: isWrite === NULL_NUMBER ? null : isWrite === 1,
      lineno: nullable(v[n + r] as number),
      lines: nullable(v[2 * n + r] as number),
      cursorpos: nullable(v[3 * n + r] as number),
      line_additions: nullable(v[4 * n + r] as number),
      line_deletions: nullable(v[5 * n + r] as number),
      project_root_count: nullable(v[6 * n + r] as number),
      dependencies: lists[s[S * n + r] as number] as string[],
      ai_model: t[s[10 * n + r] as number] as string | null,
      ai_session: t[s[11 * n + r] as number] as string | null,
      ai_subscription_plan: t[s[12 * n + r] as number] as string | null,
      ai_input_tokens: nullable(v[7 * n + r] as number),
      ai_output_tokens: nullable(v[8 * n + r] as number),
      ai_prompt_length: nullable(v[9 * n + r] as number),
      ai_line_changes: nullable(v[10 * n + r] as number),
      human_line_changes: nullable(v[11 * n + r] as number),
      source_type: t[s[13 * n + r] as number] as SourceType,
      ip_address: t[s[14 * n + r] as number] as string | null,
      ja4_id: nullable(v[12 * n + r] as number),
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
  return partitionPoint(day.length, (r) => (day.times[r] as number) < time);
}

/** The first row whose time is `> time`. */
export function dayUpperBound(day: DayColumns, time: number): number {
  return partitionPoint(day.length, (r) => (day.times[r] as number) <= time);
}

/** A string column of a day: row r's index into `day.table` at r (a view, not a copy). */
export function dayStrings(day: DayColumns, field: DayStringField): Uint16Array {
  const start = STRING_COLUMN[field] * day.length;
  return day.strings.subarray(start, start + day.length);
}

/** A count column of a day (-1 is null; a view, not a copy). */
export function dayCounts(day: DayColumns, field: DayCountField): Int32Array {
  const start = COUNT_COLUMN[field] * day.length;
  return day.numbers.subarray(start, start + day.length);
}

/** Bytes a cached day holds, roughly: what the cache's budget counts. */
export function dayBytes(day: DayColumns): number {
  return day.times.byteLength + day.strings.byteLength + day.numbers.byteLength + 8 * (day.table.length + day.lists.length) + 400;
}
