/**
 * @module
 * A cache bounded by bytes, least recently used out first: the generated user-days are kept in
 * two of them (their rows as columns, and their keyed instants).
 */

/**
 * Entries by number key; `sizeOf` says what an entry costs against the budget. Past the budget,
 * the oldest entries go until an eighth of it is free again: a Map walked from its start steps
 * over every slot deleted since it was last compacted, so evicting one entry per insert made each
 * insert of a full cache walk over thousands of such slots.
 * @example
 * const cache = new ByteLru<Uint8Array>(1024, (v) => v.byteLength);
 * cache.get(1) ?? cache.set(1, new Uint8Array(10));
 */
export class ByteLru<V> {
  /** Each entry with what it cost when last set: a value may grow before it is set again. */
  private readonly entries = new Map<number, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(
    private readonly budget: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  get(key: number): V | undefined {
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    // Map order is the recency order: a hit moves to the back.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  /**
   * Keeps `value` (the newest entry always stays) and returns it; setting a kept value again
   * counts what it costs now (a value that grew in place).
   */
  set(key: number, value: V): V {
    const old = this.entries.get(key);
    const bytes = this.sizeOf(value);
    if (old !== undefined) {
      this.entries.delete(key);
      this.bytes += bytes - old.bytes;
      // The same entry again: kept as it is, with what it costs now.
      old.value = value;
      old.bytes = bytes;
      this.entries.set(key, old);
    } else {
      this.entries.set(key, { value, bytes });
      this.bytes += bytes;
    }
    if (this.bytes <= this.budget) return value;
    const target = this.budget - this.budget / 8;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= target || oldest === key) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
    return value;
  }

  /** Bytes the kept entries cost. */
  get size(): number {
    return this.bytes;
  }

  has(key: number): boolean {
    return this.entries.has(key);
  }
}
