/**
 * @module
 * A user's heartbeats in a window as columns, for the reads that measure a long history (all-time
 * stats, a year of summaries, spans, streaks): the times in one Float64Array and each string field
 * a reader asks for as ids into a table of its distinct values, made from the cached day columns
 * without making one object per heartbeat. A year of a heavy user is about 30,000 rows: as
 * `Heartbeat` objects that was most of a first read's time and most of the garbage a busy mock
 * left behind. Rows are in (time, id) order, as the row lists are.
 */
import { type DayColumns, type DayCountField, type DayStringField, dayCounts, dayStrings } from './day-columns.js';
import { partitionPoint, type TimeWindow } from './sorted.js';
import type { Heartbeat } from './types.js';

/** The string fields a view hands out as interned columns. */
export type ViewStringField = DayStringField;
/** The count fields a view hands out (null as NaN). */
export type ViewCountField = DayCountField;

/** What a view reads of a row object: its time and, where present, the fields it is asked for. */
export type ViewRow = Pick<Heartbeat, 'time'> & Partial<Pick<Heartbeat, 'id' | ViewStringField | ViewCountField>>;

/** One string field of every row: `values[ids[r]]` is row r's value; each value has one id. */
export interface InternedColumn {
  readonly ids: Uint32Array;
  readonly values: readonly (string | null)[];
}

/** How a view makes a column of its rows when first asked for it. */
export interface ViewSource {
  strings(field: ViewStringField): InternedColumn;
  /** Null as NaN. */
  counts(field: ViewCountField): Float64Array;
  ids(): Float64Array;
}

/**
 * A user's rows as the admin analytics read them: each row's time and id, and where it was sent
 * from (address, machine, user agent), in (time, id) order.
 */
export interface SentFrom {
  readonly times: Float64Array;
  readonly ids: Float64Array;
  readonly ip: InternedColumn;
  readonly machine: InternedColumn;
  readonly userAgent: InternedColumn;
}

/** A row range of one generated day. */
export interface DaySlice {
  day: DayColumns;
  from: number;
  to: number;
  /** The id of the day's row 0: row r's id is `firstId + r`. */
  firstId: number;
}

/** Gives each distinct value one id, in order of first appearance. */
export class Interner {
  readonly values: (string | null)[] = [];
  private readonly index = new Map<string | null, number>();

  id(value: string | null): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.index.set(value, id);
    }
    return id;
  }
}

function memo<K, V>(make: (key: K) => V): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}

/**
 * Rows as columns; a field's column is made on first use and kept with the view.
 * @example
 * const view = RowView.ofRows(rows);
 * const { ids, values } = view.strings('project');
 */
export class RowView {
  readonly strings: (field: ViewStringField) => InternedColumn;
  readonly counts: (field: ViewCountField) => Float64Array;

  private constructor(
    /** Unix seconds, ascending. */
    readonly times: Float64Array,
    source: ViewSource,
  ) {
    this.strings = memo((field) => source.strings(field));
    this.counts = memo((field) => source.counts(field));
    this.source = source;
  }

  private readonly source: ViewSource;
  private idColumn: Float64Array | undefined;

  /**
   * Row r's value of a string field, read through its interned column.
   * @example
   * const projectOf = view.reader('project');
   * const mine = view.where((r) => projectOf(r) === 'hackatime');
   */
  reader(field: ViewStringField): (row: number) => string | null {
    const { ids, values } = this.strings(field);
    return (row) => values[ids[row] as number] ?? null;
  }

  /** Each row's id (made on first use). */
  get ids(): Float64Array {
    this.idColumn ??= this.source.ids();
    return this.idColumn;
  }

  get length(): number {
    return this.times.length;
  }

  /**
   * One value per row as an interned column.
   * @example
   * const column = RowView.column(rows, (hb) => hb.project);
   */
  static column<T>(rows: readonly T[], nameOf: (row: T) => string | null): InternedColumn {
    const interner = new Interner();
    const ids = Uint32Array.from(rows, (row) => interner.id(nameOf(row)));
    return { ids, values: interner.values };
  }

  /**
   * Two columns of the same rows as one, a value per distinct pair (`nameOf` of the pair).
   * @example
   * RowView.paired(view.strings('project'), view.strings('ai_model'), (p, m) => JSON.stringify([p, m]));
   */
  static paired(a: InternedColumn, b: InternedColumn, nameOf: (a: string | null, b: string | null) => string): InternedColumn {
    const pairs = new Map<number, number>();
    const values: string[] = [];
    const width = b.values.length;
    // A plain loop: `Uint32Array.from` walks an iterator, which a first read runs cold.
    const ids = new Uint32Array(a.ids.length);
    for (let r = 0; r < ids.length; r++) {
      const first = a.ids[r] as number;
      const second = b.ids[r] as number;
      const key = first * width + second;
      let id = pairs.get(key);
      if (id === undefined) {
        id = values.length;
        values.push(nameOf(a.values[first] ?? null, b.values[second] ?? null));
        pairs.set(key, id);
      }
      ids[r] = id;
    }
    return { ids, values };
  }

  /**
   * Rows kept as columns elsewhere (posted heartbeats): their times, and what makes each column.
   * @example
   * RowView.of(times, { strings: (field) => column(field), counts: (field) => counts(field), ids: () => ids });
   */
  static of(times: Float64Array, source: ViewSource): RowView {
    return new RowView(times, source);
  }

  /** Rows given as objects (fixed histories); an absent field is null. */
  static ofRows(rows: readonly ViewRow[]): RowView {
    return new RowView(
      Float64Array.from(rows, (row) => row.time),
      {
        strings: (field) => RowView.column(rows, (row) => row[field] ?? null),
        counts: (field) => Float64Array.from(rows, (row) => row[field] ?? Number.NaN),
        ids: () => Float64Array.from(rows, (row) => row.id ?? Number.NaN),
      },
    );
  }

  /** Slices of generated days, in time order. */
  static ofDays(slices: readonly DaySlice[]): RowView {
    let n = 0;
    for (const slice of slices) n += slice.to - slice.from;
    const times = new Float64Array(n);
    let at = 0;
    for (const { day, from, to } of slices) {
      times.set(day.times.subarray(from, to), at);
      at += to - from;
    }
    return new RowView(times, {
      strings(field) {
        const interner = new Interner();
        const ids = new Uint32Array(n);
        // A day's own table is small: each of its indexes is translated once. One pair of arrays
        // serves every day: `translatedIn[index]` says which slice last translated that index.
        let widest = 0;
        for (const { day } of slices) widest = Math.max(widest, day.table.length);
        const translated = new Uint32Array(widest);
        const translatedIn = new Int32Array(widest).fill(-1);
        let r = 0;
        for (let s = 0; s < slices.length; s++) {
          const { day, from, to } = slices[s] as DaySlice;
          const local = dayStrings(day, field);
          for (let k = from; k < to; k++, r++) {
            const index = local[k] as number;
            if (translatedIn[index] !== s) {
              translated[index] = interner.id(day.table[index] as string | null);
              translatedIn[index] = s;
            }
            ids[r] = translated[index] as number;
          }
        }
        return { ids, values: interner.values };
      },
      ids() {
        const out = new Float64Array(n);
        let r = 0;
        for (const { from, to, firstId } of slices) for (let k = from; k < to; k++, r++) out[r] = firstId + k;
        return out;
      },
      counts(field) {
        const out = new Float64Array(n);
        let at = 0;
        // Copied a slice at a time by the typed arrays themselves; a generated count is never
        // negative, so its null (-1) is then made NaN in one pass.
        for (const { day, from, to } of slices) {
          out.set(dayCounts(day, field).subarray(from, to), at);
          at += to - from;
        }
        for (let r = 0; r < n; r++) if ((out[r] as number) < 0) out[r] = Number.NaN;
        return out;
      },
    });
  }

  /**
   * Two views' rows in one time order; on equal times `first`'s rows come first (generated rows
   * before posted ones, whose ids are all higher).
   * @example
   * RowView.merged(RowView.ofDays(slices), RowView.ofRows(posted));
   */
  static merged(first: RowView, second: RowView): RowView {
    if (second.length === 0) return first;
    if (first.length === 0) return second;
    const n = first.length + second.length;
    // fromSecond[r]: whether merged row r is the second view's; at[r]: its index there.
    const fromSecond = new Uint8Array(n);
    const at = new Uint32Array(n);
    const times = new Float64Array(n);
    let i = 0;
    let j = 0;
    for (let r = 0; r < n; r++) {
      const takeSecond = i >= first.length || (j < second.length && (second.times[j] as number) < (first.times[i] as number));
      fromSecond[r] = takeSecond ? 1 : 0;
      at[r] = takeSecond ? j++ : i++;
      times[r] = takeSecond ? (second.times[at[r] as number] as number) : (first.times[at[r] as number] as number);
    }
    /** A number column of the merged rows, from the same column of each view. */
    const gather = (ofFirst: Float64Array, ofSecond: Float64Array) =>
      Float64Array.from(times, (_, r) => (fromSecond[r] === 1 ? ofSecond : ofFirst)[at[r] as number] as number);
    return new RowView(times, {
      strings(field) {
        const interner = new Interner();
        const columns = [first.strings(field), second.strings(field)] as const;
        const translated = columns.map((column) => new Int32Array(column.values.length).fill(-1));
        const ids = new Uint32Array(n);
        for (let r = 0; r < n; r++) {
          const source = fromSecond[r] as number;
          const column = columns[source as 0 | 1];
          const map = translated[source] as Int32Array;
          const local = column.ids[at[r] as number] as number;
          let id = map[local] as number;
          if (id < 0) {
            id = interner.id(column.values[local] ?? null);
            map[local] = id;
          }
          ids[r] = id;
        }
        return { ids, values: interner.values };
      },
      counts: (field) => gather(first.counts(field), second.counts(field)),
      ids: () => gather(first.ids, second.ids),
    });
  }

  /** The rows `keep` keeps, in order. */
  where(keep: (row: number) => boolean): RowView {
    const kept: number[] = [];
    for (let r = 0; r < this.times.length; r++) if (keep(r)) kept.push(r);
    if (kept.length === this.times.length) return this;
    const rows = Uint32Array.from(kept);
    /** A number column's values at the kept rows. */
    const pick = (column: Float64Array) => Float64Array.from(rows, (r) => column[r] as number);
    return new RowView(pick(this.times), {
      strings: (field) => {
        const { ids, values } = this.strings(field);
        return { ids: Uint32Array.from(rows, (r) => ids[r] as number), values };
      },
      counts: (field) => pick(this.counts(field)),
      ids: () => pick(this.ids),
    });
  }

  /** The rows inside a window, by binary search (`to` inclusive unless `toExclusive`). */
  slice(window: TimeWindow): RowView {
    const { times } = this;
    const first = partitionPoint(times.length, (r) => (times[r] as number) < window.from);
    const end = Math.max(
      first,
      partitionPoint(times.length, (r) => (window.toExclusive ? (times[r] as number) < window.to : (times[r] as number) <= window.to)),
    );
    if (first === 0 && end === times.length) return this;
    return new RowView(times.slice(first, end), {
      strings: (field) => {
        const { ids, values } = this.strings(field);
        return { ids: ids.slice(first, end), values };
      },
      counts: (field) => this.counts(field).slice(first, end),
      ids: () => this.ids.slice(first, end),
    });
  }
}
