/**
 * @module
 * One generated user-day held as columns: times in a Float64Array, every string field as a small
 * index into the day's own string table, every number field in an Int32Array. A row becomes the
 * 36-key `Heartbeat` object only when a read asks for it ({@link materialise}). A cached day
 * costs about 100 bytes a row instead of about 700 for the object.
 */
import { LAZY_HASH_ROW } from './fields-hash.js';
import { isoWriter } from './iso-stamps.js';
import { partitionPoint } from './sorted.js';
import type { Heartbeat, SourceType } from './types.js';

// The string columns, then the dependencies list; the number columns (is_write as 0/1). Each field
// is read by name, not through a list of keys: keyed reads of many names are what made this slow.
/** Where each string field sits among a day's string columns. */
export const STRING = {
  entity: 0,
  type: 1,
  category: 2,
  project: 3,
  branch: 4,
  language: 5,
  editor: 6,
  operating_system: 7,
  machine: 8,
  user_agent: 9,
  ai_model: 10,
  ai_session: 11,
  ai_subscription_plan: 12,
  source_type: 13,
  ip_address: 14,
} as const;
/** Where each number field sits among a day's number columns. */
export const NUMBER = {
  is_write: 0,
  lineno: 1,
  lines: 2,
  cursorpos: 3,
  line_additions: 4,
  line_deletions: 5,
  project_root_count: 6,
  ai_input_tokens: 7,
  ai_output_tokens: 8,
  ai_prompt_length: 9,
  ai_line_changes: 10,
  human_line_changes: 11,
  ja4_id: 12,
} as const;
const S = 15;
const N = 13;
/** The string fields a day hands out as a column. */
export type DayStringField = keyof typeof STRING;
/** The count fields a day hands out as a column. */
export type DayCountField = 'ai_input_tokens' | 'ai_output_tokens' | 'ai_line_changes';
/** Every number column holds a count that is never negative. */
const NULL_NUMBER = -1;
const EMPTY: string[] = Object.freeze([]) as unknown as string[];

/**
 * Strings interned into one table, index 0 being null. Most fields repeat the previous row's string
 * (a run shares its setup, a file its language): each column remembers its last value and index, so
 * a repeat costs a comparison, not a lookup.
 * @example
 * const table = new StringTable(2);
 * table.id(0, 'coding'); // 1
 * table.values; // [null, 'coding']
 */
export class StringTable {
  /** Index 0 is null. */
  values: (string | null)[] = [null];
  private readonly index = new Map<string, number>();
  private readonly lastValue: (string | null)[];
  private readonly lastIndex: Uint32Array;

  constructor(columns: number) {
    this.lastValue = new Array<string | null>(columns).fill(null);
    this.lastIndex = new Uint32Array(columns);
  }

  /** The index of a column's value, interned when new. */
  id(column: number, value: string | null): number {
    if (value === null) return 0;
    if (value === this.lastValue[column]) return this.lastIndex[column] as number;
    let index = this.index.get(value);
    if (index === undefined) {
      index = this.values.length;
      this.values.push(value);
      this.index.set(value, index);
    }
    this.lastValue[column] = value;
    this.lastIndex[column] = index;
    return index;
  }

  /** Empties the table for other rows; the values handed out before keep their strings. */
  reset(): void {
    this.values = [null];
    this.index.clear();
    this.lastValue.fill(null);
    this.lastIndex.fill(0);
  }
}

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

/**
 * A day's rows as generation emits them, written straight into column-major arrays (no object
 * per row, column c of row r at `c * capacity + r`), then sorted by time — ties in the order
 * emitted — and copied out a column at a time.
 * @example
 * const b = new DayBuilder();
 * b.add(1787400000.5, 1787400001000);
 * b.string(STRING.category, 'coding');
 * const day = b.build();
 */
export class DayBuilder {
  /** Most days hold a few dozen rows: start small, double when full. */
  private capacity = 64;
  private times = new Float64Array(this.capacity);
  private created = new Float64Array(this.capacity);
  /** The string columns, then the dependencies lists' column; 0 is null. */
  private str = new Uint16Array(this.capacity * (S + 1));
  /** The number columns, -1 for null. */
  private num = new Int32Array(this.capacity * N).fill(NULL_NUMBER);
  // A built day keeps the table and lists it was handed: reset() starts new ones.
  private readonly table = new StringTable(S);
  private lists: string[][] = [EMPTY];
  private readonly listIndex = new Map<string[], number>();
  private row = -1;

  /**
   * Empties the builder for the next day, keeping its buffers: a history makes its days one at a
   * time through one builder, so a year of days allocates its row buffers once, not per day.
   */
  reset(): void {
    this.str.fill(0);
    this.num.fill(NULL_NUMBER);
    this.row = -1;
    this.table.reset();
    this.lists = [EMPTY];
    this.listIndex.clear();
  }

  /** Starts a row: every string and list empty (null), every number null. */
  add(time: number, createdMs: number): void {
    this.row += 1;
    const r = this.row;
    if (r === this.capacity) this.grow();
    this.times[r] = time;
    this.created[r] = createdMs;
  }

  /** Twice the room, each column's rows moved to its new place (new string slots are 0: null, new numbers -1). */
  private grow(): void {
    const old = this.capacity;
    this.capacity *= 2;
    const times = new Float64Array(this.capacity);
    times.set(this.times);
    this.times = times;
    const created = new Float64Array(this.capacity);
    created.set(this.created);
    this.created = created;
    const str = new Uint16Array(this.capacity * (S + 1));
    for (let c = 0; c <= S; c++) str.set(this.str.subarray(c * old, (c + 1) * old), c * this.capacity);
    this.str = str;
    const num = new Int32Array(this.capacity * N).fill(NULL_NUMBER);
    for (let c = 0; c < N; c++) num.set(this.num.subarray(c * old, (c + 1) * old), c * this.capacity);
    this.num = num;
  }

  string(column: number, value: string | null): void {
    if (value !== null) this.str[column * this.capacity + this.row] = this.table.id(column, value);
  }

  number(column: number, value: number | null): void {
    if (value !== null) this.num[column * this.capacity + this.row] = value;
  }

  /** The row's dependencies: the profile's frozen arrays, so identity finds the shared ones. */
  dependencies(list: string[]): void {
    if (list.length === 0) return;
    let index = this.listIndex.get(list);
    if (index === undefined) {
      index = this.lists.length;
      this.lists.push(list);
      this.listIndex.set(list, index);
    }
    this.str[S * this.capacity + this.row] = index;
  }

  build(): DayColumns {
    const n = this.row + 1;
    if (this.table.values.length > 0xffff || this.lists.length > 0xffff)
      throw new RangeError('a user-day holds more distinct strings than its columns can index');
    const { times: t, created, str, num, capacity } = this;
    let sorted = true;
    for (let r = 1; r < n && sorted; r++) sorted = (t[r] as number) >= (t[r - 1] as number);
    // One buffer for the three columns: a year of days allocates 365 buffers, not 1,095.
    const buffer = new ArrayBuffer(16 * n + 4 * N * n + 2 * (S + 1) * n);
    const times = new Float64Array(buffer, 0, 2 * n);
    const numbers = new Int32Array(buffer, 16 * n, N * n);
    const strings = new Uint16Array(buffer, 16 * n + 4 * N * n, (S + 1) * n);
    if (sorted) {
      // Runs come in time order but for the live session and the test entry: a column is one copy.
      times.set(t.subarray(0, n));
      times.set(created.subarray(0, n), n);
      for (let c = 0; c <= S; c++) strings.set(str.subarray(c * capacity, c * capacity + n), c * n);
      for (let c = 0; c < N; c++) numbers.set(num.subarray(c * capacity, c * capacity + n), c * n);
    } else {
      const order = Array.from({ length: n }, (_, r) => r).sort((a, b) => (t[a] as number) - (t[b] as number) || a - b);
      for (let r = 0; r < n; r++) {
        const from = order[r] as number;
        times[r] = t[from] as number;
        times[n + r] = created[from] as number;
        for (let c = 0; c <= S; c++) strings[c * n + r] = str[c * capacity + from] as number;
        for (let c = 0; c < N; c++) numbers[c * n + r] = num[c * capacity + from] as number;
      }
    }
    return { length: n, times, strings, numbers, table: this.table.values, lists: this.lists };
  }
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
  const start = STRING[field] * day.length;
  return day.strings.subarray(start, start + day.length);
}

/** A count column of a day (-1 is null; a view, not a copy). */
export function dayCounts(day: DayColumns, field: DayCountField): Int32Array {
  const start = NUMBER[field] * day.length;
  return day.numbers.subarray(start, start + day.length);
}

/** Bytes a cached day holds, roughly: what the cache's budget counts. */
export function dayBytes(day: DayColumns): number {
  return day.times.byteLength + day.strings.byteLength + day.numbers.byteLength + 8 * (day.table.length + day.lists.length) + 400;
}
