/**
 * @module
 * Heartbeats posted since start (or the last reset): the store's own rows, kept as columns beside
 * the generated history and merged with it on read. A posted row costs about 100 bytes of columns
 * instead of about 600 for the 36-key object, so a long stream of posts grows the mock little. A
 * row becomes a `Heartbeat` object only when a read asks for it, as a generated one does.
 */
import { NUMBER, STRING, StringTable } from './day-columns.js';
import { ensureFieldsHash, LAZY_HASH_ROW } from './fields-hash.js';
import { isoReader, isoWriter } from './iso-stamps.js';
import { type InternedColumn, Interner, RowView, type ViewCountField, type ViewStringField } from './row-view.js';
import { compareTimed, insertionIndex, partitionPoint, type TimeWindow } from './sorted.js';
import type { Heartbeat, HeartbeatDraft, SourceType } from './types.js';

/** Two (time, id)-ordered lists as one; `a` itself when `b` is empty. */
export function mergeTimed(a: Heartbeat[], b: readonly Heartbeat[]): Heartbeat[] {
  if (b.length === 0) return a;
  const out: Heartbeat[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compareTimed(a[i] as Heartbeat, b[j] as Heartbeat) <= 0 ? (a[i++] as Heartbeat) : (b[j++] as Heartbeat));
  while (i < a.length) out.push(a[i++] as Heartbeat);
  while (j < b.length) out.push(b[j++] as Heartbeat);
  return out;
}

/** The first row whose fields_hash is `hash` (rows with equal hashes have equal times). */
export function sameHash(rows: readonly Heartbeat[], hash: string): Heartbeat | undefined {
  return rows.find((row) => ensureFieldsHash(row) === hash);
}

// A row's string slots: the string fields at their day-columns places, then its dependencies list.
const S = Object.keys(STRING).length;
const W = S + 1;
/** The number fields, at their day-columns places (is_write, at 0, is kept in the row's bits instead). */
const N = Object.keys(NUMBER).length;
// A row's bits: bit c says number field c is not null, bit 16 + c that its value takes two slots
// (the Float64's bits: anything not an Int32 — the 64-bit token counts, a fraction, -0); is_write
// is bit 0 (not null) and IS_WRITE (true).
const IS_WRITE = 1 << 13;
/** The row's created_at, updated_at and deleted_at are kept in `PostedRows.stamps`, not as epoch ms. */
const ODD_STAMPS = 1 << 14;
const WIDE = 16;
const EMPTY_LIST: string[] = Object.freeze([]) as unknown as string[];

// One Float64 as two Int32 slots.
const F64 = new Float64Array(1);
const I32 = new Int32Array(F64.buffer);

function fitsSlot(value: number): boolean {
  return (value | 0) === value && !Object.is(value, -0);
}

/** The Float64 kept in two slots from `at`. */
function wideAt(slots: Int32Array, at: number): number {
  I32[0] = slots[at] as number;
  I32[1] = slots[at + 1] as number;
  return F64[0] as number;
}

/** Number field c of a row read into `numbers`, by the row's bits. */
function numberOr(bits: number, numbers: Float64Array, c: number): number | null {
  return (bits & (1 << c)) === 0 ? null : (numbers[c] as number);
}

/** How many bits of `bits` are set. */
function popcount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Row positions of one user, in (time, id) order. */
interface UserRows {
  rows: Int32Array;
  length: number;
}

/** The stamps of a row whose created_at is not its epoch ms' ISO string, or differs from updated_at. */
interface Stamps {
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

function grown<T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(column: T, length: number): T {
  const next = new (column.constructor as new (length: number) => T)(length);
  next.set(column);
  return next;
}

/**
 * Posted rows as columns, in acceptance order: row r has id `firstId + r`. Each column grows by
 * doubling. Every string is an index into one table shared by all rows (0 is null), and every
 * dependencies list an index into one list of lists (0 is the empty list); the strings columns
 * hold 16-bit indexes until a table outgrows them. Each row's numbers are packed: only those not
 * null, one Int32 slot each, two for a value an Int32 cannot hold, so every value comes back as
 * it went in. created_at and updated_at are kept as epoch ms when they are its `toISOString`
 * (as the ingest stamps every row), as text otherwise. Each user's positions are kept in (time, id)
 * order. `fields_hash` is not kept: the store hashes a row as staged (a row made from the columns,
 * as every read makes it), and a row read computes it again when first serialised or compared.
 * @example
 * const posted = new PostedRows(history.idCeiling);
 * const row = posted.stage(1, draft);
 * if (!stored(fieldsHash(row))) posted.commit();
 * posted.between(1, { from: row.time, to: row.time }); // [a row equal to `row`]
 */
export class PostedRows {
  private capacity = 64;
  private n = 0;
  private times = new Float64Array(this.capacity);
  /** created_at (= updated_at) as epoch ms. */
  private created = new Float64Array(this.capacity);
  private users = new Int32Array(this.capacity);
  private bits = new Uint32Array(this.capacity);
  /** Where row r's numbers start in `slots`. */
  private starts = new Uint32Array(this.capacity);
  private slots = new Int32Array(4 * this.capacity);
  private slotCount = 0;
  /** Whether row `n` is staged, and where its numbers end. */
  private staged = false;
  private stagedSlots = 0;
  private earliest = Number.POSITIVE_INFINITY;
  private latest = Number.NEGATIVE_INFINITY;
  /** Row r's string indexes at r * W, its dependencies list's last. */
  private strings: Uint16Array | Uint32Array = new Uint16Array(W * this.capacity);
  private readonly table = new StringTable(S);
  private readonly lists: string[][] = [EMPTY_LIST];
  private readonly listIndex = new Map<string, number>();
  private readonly stamps = new Map<number, Stamps>();
  private readonly byUser = new Map<number, UserRows>();
  /** Decoded numbers of the row being read, by field. */
  private readonly numbers = new Float64Array(N);
  private readonly writeIso = isoWriter();
  private readonly readIso = isoReader();
  /** The last stamp written: the rows of a bulk post share theirs. */
  private lastStamp = '1970-01-01T00:00:00.000Z';
  private lastMs = 0;
  private lastList: readonly string[] = EMPTY_LIST;
  private lastListIndex = 0;

  constructor(private readonly firstId: number) {}

  /** Rows stored. */
  get count(): number {
    return this.n;
  }

  /** A user's rows stored. */
  countOf(userId: number): number {
    return this.byUser.get(userId)?.length ?? 0;
  }

  /**
   * Writes `draft` as the user's next row, not stored yet, and returns that row as a read would
   * give it: the store hashes it and, unless that hash is stored already, {@link commit}s it. The
   * next stage writes over a row not committed.
   */
  stage(userId: number, draft: HeartbeatDraft): Heartbeat {
    const r = this.n;
    if (r === this.capacity) this.grow();
    if ((userId | 0) !== userId) throw new RangeError(`user id ${userId} is not a 32-bit integer`);
    this.times[r] = draft.time;
    this.users[r] = userId;
    this.writeStrings(r, draft);
    let bits = this.writeNumbers(r, draft);
    if (draft.is_write !== null) bits |= (1 << NUMBER.is_write) | (draft.is_write ? IS_WRITE : 0);
    const ms = draft.deleted_at === null && draft.updated_at === draft.created_at ? this.readIso(draft.created_at) : undefined;
    if (ms === undefined) {
      bits |= ODD_STAMPS;
      this.stamps.set(r, { created_at: draft.created_at, updated_at: draft.updated_at, deleted_at: draft.deleted_at });
    } else {
      this.created[r] = ms;
      this.stamps.delete(r);
    }
    this.bits[r] = bits;
    this.staged = true;
    return this.row(r);
  }

  /** Stores the row staged last. */
  commit(): void {
    if (!this.staged) throw new Error('no row is staged');
    this.staged = false;
    const r = this.n;
    this.n = r + 1;
    this.slotCount = this.stagedSlots;
    const time = this.times[r] as number;
    this.earliest = Math.min(this.earliest, time);
    this.latest = Math.max(this.latest, time);
    this.place(this.users[r] as number, r);
  }

  /** A user's rows in (time, id) order. */
  of(userId: number): Heartbeat[] {
    return this.between(userId, {});
  }

  /** A user's rows inside a window (an absent bound is open), in (time, id) order. */
  between(userId: number, window: Partial<TimeWindow>): Heartbeat[] {
    const { rows, start, end } = this.range(userId, window);
    const out: Heartbeat[] = [];
    for (let k = start; k < end; k++) out.push(this.row(rows[k] as number));
    return out;
  }

  /** The same rows as {@link between}, as columns read straight from the stored ones. */
  view(userId: number, window: Partial<TimeWindow>): RowView {
    const range = this.range(userId, window);
    // A copy: later posts move the user's positions, and a view makes its columns when first asked.
    const rows = range.rows.slice(range.start, range.end);
    const times = new Float64Array(rows.length);
    for (let k = 0; k < rows.length; k++) times[k] = this.times[rows[k] as number] as number;
    return RowView.of(times, {
      strings: (field) => this.stringColumn(rows, field),
      counts: (field) => this.countColumn(rows, field),
      ids: () => Float64Array.from(rows, (r) => this.firstId + r),
    });
  }

  /** Rows in acceptance order: every user's, or one user's. */
  inAcceptanceOrder(userId?: number): Heartbeat[] {
    const out: Heartbeat[] = [];
    for (let r = 0; r < this.n; r++) if (userId === undefined || this.users[r] === userId) out.push(this.row(r));
    return out;
  }

  /** Each user with rows and how many, users ascending. */
  perUser(): [userId: number, count: number][] {
    return [...this.byUser].map(([userId, { length }]): [number, number] => [userId, length]).sort((a, b) => a[0] - b[0]);
  }

  /** The users with a row after `instant` (Unix seconds), read from the columns. */
  usersAfter(instant: number): Set<number> {
    const ids = new Set<number>();
    for (let r = 0; r < this.n; r++) if ((this.times[r] as number) > instant) ids.add(this.users[r] as number);
    return ids;
  }

  /** The earliest and latest time of any row; undefined without rows. */
  span(): TimeWindow | undefined {
    return this.n === 0 ? undefined : { from: this.earliest, to: this.latest };
  }

  /** The ISO string of epoch ms, the last one again when it repeats. */
  private iso(ms: number): string {
    if (ms !== this.lastMs) {
      this.lastMs = ms;
      this.lastStamp = this.writeIso(ms);
    }
    return this.lastStamp;
  }

  private grow(): void {
    this.capacity *= 2;
    this.times = grown(this.times, this.capacity);
    this.created = grown(this.created, this.capacity);
    this.users = grown(this.users, this.capacity);
    this.bits = grown(this.bits, this.capacity);
    this.starts = grown(this.starts, this.capacity);
    this.strings = grown(this.strings, W * this.capacity);
  }

  /** A dependencies list by its content: rows with equal lists share one frozen array. */
  private internList(list: readonly string[]): number {
    if (list.length === 0) return 0;
    const last = this.lastList;
    if (list.length === last.length && list.every((value, i) => value === last[i])) return this.lastListIndex;
    const key = JSON.stringify(list);
    let index = this.listIndex.get(key);
    if (index === undefined) {
      index = this.lists.length;
      this.lists.push(Object.freeze(list.slice()) as string[]);
      this.listIndex.set(key, index);
    }
    this.lastList = this.lists[index] as string[];
    this.lastListIndex = index;
    return index;
  }

  private writeStrings(r: number, draft: HeartbeatDraft): void {
    // A row adds at most S strings and one list: widen before one could pass a 16-bit index.
    if (this.strings instanceof Uint16Array && (this.table.values.length > 0xffff - S || this.lists.length > 0xffff - 1)) {
      this.strings = Uint32Array.from(this.strings);
    }
    const { strings: s } = this;
    const at = r * W;
    s[at + STRING.entity] = this.table.id(STRING.entity, draft.entity);
    s[at + STRING.type] = this.table.id(STRING.type, draft.type);
    s[at + STRING.category] = this.table.id(STRING.category, draft.category);
    s[at + STRING.project] = this.table.id(STRING.project, draft.project);
    s[at + STRING.branch] = this.table.id(STRING.branch, draft.branch);
    s[at + STRING.language] = this.table.id(STRING.language, draft.language);
    s[at + STRING.editor] = this.table.id(STRING.editor, draft.editor);
    s[at + STRING.operating_system] = this.table.id(STRING.operating_system, draft.operating_system);
    s[at + STRING.machine] = this.table.id(STRING.machine, draft.machine);
    s[at + STRING.user_agent] = this.table.id(STRING.user_agent, draft.user_agent);
    s[at + STRING.ai_model] = this.table.id(STRING.ai_model, draft.ai_model);
    s[at + STRING.ai_session] = this.table.id(STRING.ai_session, draft.ai_session);
    s[at + STRING.ai_subscription_plan] = this.table.id(STRING.ai_subscription_plan, draft.ai_subscription_plan);
    s[at + STRING.source_type] = this.table.id(STRING.source_type, draft.source_type);
    s[at + STRING.ip_address] = this.table.id(STRING.ip_address, draft.ip_address);
    s[at + S] = this.internList(draft.dependencies);
  }

  /** Packs the draft's numbers that are not null; returns their bits. */
  private writeNumbers(r: number, draft: HeartbeatDraft): number {
    const values = [
      null,
      draft.lineno,
      draft.lines,
      draft.cursorpos,
      draft.line_additions,
      draft.line_deletions,
      draft.project_root_count,
      draft.ai_input_tokens,
      draft.ai_output_tokens,
      draft.ai_prompt_length,
      draft.ai_line_changes,
      draft.human_line_changes,
      draft.ja4_id,
    ];
    if (this.slotCount + 2 * N > this.slots.length) this.slots = grown(this.slots, 2 * this.slots.length);
    this.starts[r] = this.slotCount;
    let p = this.slotCount;
    let bits = 0;
    for (let c = 1; c < N; c++) {
      const value = values[c];
      if (value === null || value === undefined) continue;
      bits |= 1 << c;
      if (fitsSlot(value)) this.slots[p++] = value;
      else {
        F64[0] = value;
        this.slots[p++] = I32[0] as number;
        this.slots[p++] = I32[1] as number;
        bits |= 1 << (WIDE + c);
      }
    }
    this.stagedSlots = p;
    return bits;
  }

  /** Decodes row r's numbers into `this.numbers`; returns the row's bits. */
  private readNumbers(r: number): number {
    const bits = this.bits[r] as number;
    const { slots, numbers } = this;
    let p = this.starts[r] as number;
    for (let c = 1; c < N; c++) {
      if ((bits & (1 << c)) === 0) continue;
      if ((bits & (1 << (WIDE + c))) === 0) numbers[c] = slots[p++] as number;
      else {
        numbers[c] = wideAt(slots, p);
        p += 2;
      }
    }
    return bits;
  }

  /** Number field c of row r (NaN for null), found without decoding the others. */
  private numberAt(r: number, c: number): number {
    const bits = this.bits[r] as number;
    if ((bits & (1 << c)) === 0) return Number.NaN;
    const before = ((1 << c) - 1) & ~1;
    const p = (this.starts[r] as number) + popcount(bits & before) + popcount((bits >>> WIDE) & before);
    return (bits & (1 << (WIDE + c))) === 0 ? (this.slots[p] as number) : wideAt(this.slots, p);
  }

  /** Puts row r among its user's rows: after every row at an earlier or equal time (its id is the highest). */
  private place(userId: number, r: number): void {
    let mine = this.byUser.get(userId);
    if (!mine) {
      mine = { rows: new Int32Array(16), length: 0 };
      this.byUser.set(userId, mine);
    }
    if (mine.length === mine.rows.length) mine.rows = grown(mine.rows, 2 * mine.rows.length);
    const { rows, length } = mine;
    const time = this.times[r] as number;
    let at = length;
    if (length > 0 && (this.times[rows[length - 1] as number] as number) > time)
      at = partitionPoint(length, (k) => (this.times[rows[k] as number] as number) <= time);
    rows.copyWithin(at + 1, at, length);
    rows[at] = r;
    mine.length = length + 1;
  }

  /** A user's positions and the part of them inside a window. */
  private range(userId: number, window: Partial<TimeWindow>): { rows: Int32Array; start: number; end: number } {
    const mine = this.byUser.get(userId);
    if (!mine) return { rows: new Int32Array(0), start: 0, end: 0 };
    const { rows, length } = mine;
    const timeAt = (k: number) => this.times[rows[k] as number] as number;
    const { from, to } = window;
    const start = from === undefined ? 0 : partitionPoint(length, (k) => timeAt(k) < from);
    let end = length;
    if (to !== undefined) end = partitionPoint(length, window.toExclusive ? (k) => timeAt(k) < to : (k) => timeAt(k) <= to);
    return { rows, start, end: Math.max(start, end) };
  }

  private stringColumn(rows: Int32Array, field: ViewStringField): InternedColumn {
    const c = STRING[field];
    const { strings, table } = this;
    const interner = new Interner();
    const ids = new Uint32Array(rows.length);
    for (let k = 0; k < rows.length; k++)
      ids[k] = interner.id(table.values[strings[(rows[k] as number) * W + c] as number] as string | null);
    return { ids, values: interner.values };
  }

  private countColumn(rows: Int32Array, field: ViewCountField): Float64Array {
    const c = NUMBER[field];
    return Float64Array.from(rows, (r) => this.numberAt(r, c));
  }

  /** Row r as a stored heartbeat; its `fields_hash` is computed when first serialised or compared. */
  private row(r: number): Heartbeat {
    const bits = this.readNumbers(r);
    const { numbers: v, strings: s } = this;
    const t = this.table.values;
    const at = r * W;
    let created: string;
    let updated: string;
    let deleted: string | null = null;
    const odd = (bits & ODD_STAMPS) === 0 ? undefined : this.stamps.get(r);
    if (odd) {
      created = odd.created_at;
      updated = odd.updated_at;
      deleted = odd.deleted_at;
    } else {
      created = this.iso(this.created[r] as number);
      updated = created;
    }
    // Built with its prototype in place, as day-columns' rows are.
    const row = {
      __proto__: LAZY_HASH_ROW,
      id: this.firstId + r,
      user_id: this.users[r] as number,
      time: this.times[r] as number,
      entity: t[s[at + STRING.entity] as number] as string | null,
      type: t[s[at + STRING.type] as number] as string | null,
      category: t[s[at + STRING.category] as number] as string | null,
      project: t[s[at + STRING.project] as number] as string | null,
      branch: t[s[at + STRING.branch] as number] as string | null,
      language: t[s[at + STRING.language] as number] as string | null,
      editor: t[s[at + STRING.editor] as number] as string | null,
      operating_system: t[s[at + STRING.operating_system] as number] as string | null,
      machine: t[s[at + STRING.machine] as number] as string | null,
      user_agent: t[s[at + STRING.user_agent] as number] as string | null,
      is_write: (bits & (1 << NUMBER.is_write)) === 0 ? null : (bits & IS_WRITE) !== 0,
      lineno: numberOr(bits, v, NUMBER.lineno),
      lines: numberOr(bits, v, NUMBER.lines),
      cursorpos: numberOr(bits, v, NUMBER.cursorpos),
      line_additions: numberOr(bits, v, NUMBER.line_additions),
      line_deletions: numberOr(bits, v, NUMBER.line_deletions),
      project_root_count: numberOr(bits, v, NUMBER.project_root_count),
      dependencies: this.lists[s[at + S] as number] as string[],
      ai_model: t[s[at + STRING.ai_model] as number] as string | null,
      ai_session: t[s[at + STRING.ai_session] as number] as string | null,
      ai_subscription_plan: t[s[at + STRING.ai_subscription_plan] as number] as string | null,
      ai_input_tokens: numberOr(bits, v, NUMBER.ai_input_tokens),
      ai_output_tokens: numberOr(bits, v, NUMBER.ai_output_tokens),
      ai_prompt_length: numberOr(bits, v, NUMBER.ai_prompt_length),
      ai_line_changes: numberOr(bits, v, NUMBER.ai_line_changes),
      human_line_changes: numberOr(bits, v, NUMBER.human_line_changes),
      source_type: t[s[at + STRING.source_type] as number] as SourceType,
      ip_address: t[s[at + STRING.ip_address] as number] as string | null,
      ja4_id: numberOr(bits, v, NUMBER.ja4_id),
      fields_hash: '',
      created_at: created,
      updated_at: updated,
      deleted_at: deleted,
    };
    return row as Heartbeat;
  }
}

/**
 * Rows of whole timelines kept made: a default world's every user (about 14,000 rows), or a few
 * users' year (demo's is about 16,000). Timelines that come and go would leave the old generation
 * of the heap full of rows that lived just long enough to be promoted.
 */
export const TIMELINE_ROWS_KEPT = 60_000;

/**
 * The last whole timelines read, by user and version: one answer often reads one user's rows more
 * than once, and a small world's every user stays made.
 */
export class Timelines {
  private readonly byUser = new Map<number, { version: number; rows: Heartbeat[] }>();
  private rows = 0;

  get(userId: number, version: number): Heartbeat[] | undefined {
    const entry = this.byUser.get(userId);
    return entry?.version === version ? entry.rows : undefined;
  }

  set(userId: number, version: number, rows: Heartbeat[]): void {
    this.drop(userId);
    this.byUser.set(userId, { version, rows });
    this.rows += rows.length;
    this.keepWithin(userId);
  }

  /** A timeline made at `from` takes a posted row in place: a stream of posts does not remake it. */
  insert(row: Heartbeat, from: number, to: number): void {
    const entry = this.byUser.get(row.user_id);
    if (entry?.version !== from) return;
    entry.rows.splice(insertionIndex(entry.rows, row), 0, row);
    entry.version = to;
    this.rows += 1;
    // A long stream of posts to one timeline grows it past the budget: the others make room, and
    // past that it is made again when next read.
    this.keepWithin(row.user_id);
    if (this.rows > TIMELINE_ROWS_KEPT) this.drop(row.user_id);
  }

  clear(): void {
    this.byUser.clear();
    this.rows = 0;
  }

  /** Drops the oldest timelines but `userId`'s while the rows kept exceed the budget. */
  private keepWithin(userId: number): void {
    for (const oldest of this.byUser.keys()) {
      if (this.rows <= TIMELINE_ROWS_KEPT) break;
      if (oldest !== userId) this.drop(oldest);
    }
  }

  private drop(userId: number): void {
    const entry = this.byUser.get(userId);
    if (!entry) return;
    this.byUser.delete(userId);
    this.rows -= entry.rows.length;
  }
}
