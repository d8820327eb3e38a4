/**
 * @module
 * The world's only source of randomness: a seeded sfc32 generator with the helpers generation
 * needs. Nothing here reads `Math.random` or the clock, so
 * the same seed always yields the same sequence.
 */

/** splitmix32's `k`-th output from `state`: spreads a 32-bit seed into well-mixed state words. */
function splitmix32(state: number, k: number): number {
  let z = (state + k * 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

/** Two lower-case hex digits per byte value: a draw's hex without a number-to-string conversion. */
const HEX_BYTES: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

const FNV_OFFSET = 0x811c9dc5;

function hashCode(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}

/** FNV-1a's state `h` carried on over `text`. */
function hashOn(h: number, text: string): number {
  let state = h;
  for (let i = 0; i < text.length; i++) state = hashCode(state, text.charCodeAt(i));
  return state;
}

/** FNV-1a's state carried on over a non-negative integer's decimal digits, as `String(n)` spells them. */
function hashDigitsOn(h: number, n: number): number {
  return hashCode(n >= 10 ? hashDigitsOn(h, Math.floor(n / 10)) : h, 48 + (n % 10));
}

/** FNV-1a over a label, so `fork('user:3')` names a stream instead of numbering it. */
function hashLabel(label: string): number {
  return hashOn(FNV_OFFSET, label);
}

export interface Weighted<T> {
  value: T;
  weight: number;
}

/**
 * A seeded pseudo-random stream (sfc32).
 * @example
 * const rng = new Random(42);
 * rng.int(1, 6); // the same number for every run seeded with 42
 */
export class Random {
  /** Fixed but for {@link reseedDay}, which turns a scratch stream into another day's. */
  private seedValue = 0;
  // sfc32's four state words, each kept as a signed 32-bit integer (`| 0`): a small integer to V8,
  // so a draw stores no boxed number, and a fork allocates one object rather than a typed array.
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
    this.start(seed >>> 0);
  }

  get seed(): number {
    return this.seedValue;
  }

  private start(seed: number): void {
    this.seedValue = seed;
    this.a = splitmix32(seed, 1) | 0;
    this.b = splitmix32(seed, 2) | 0;
    this.c = splitmix32(seed, 3) | 0;
    this.d = splitmix32(seed, 4) | 0;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent stream named by `label`: adding draws to one stream never shifts another. */
  fork(label: string): Random {
    return new Random((this.seed ^ hashLabel(label)) >>> 0);
  }

  /**
   * `fork(`${prefix}${id}:${date}`)`, hashed piece by piece without building the label: every
   * user-day a read makes forks its streams this way.
   */
  forkDay(prefix: string, id: number, date: string): Random {
    return new Random(this.daySeed(prefix, id, date));
  }

  /**
   * `scratch` turned into `forkDay(prefix, id, date)`'s stream, in place: the skeleton draws three
   * streams for each of a board's thousands of user-days, and one object each serves them all.
   */
  reseedDay(scratch: Random, prefix: string, id: number, date: string): Random {
    scratch.start(this.daySeed(prefix, id, date));
    return scratch;
  }

  private daySeed(prefix: string, id: number, date: string): number {
    return (this.seed ^ hashOn(hashCode(hashDigitsOn(hashOn(FNV_OFFSET, prefix), id), 58), date)) >>> 0;
  }

  nextUint32(): number {
    const { a, b, c, d } = this;
    const t = (((a + b) >>> 0) + d) >>> 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    this.c = (((c << 21) | (c >>> 11)) + t) | 0;
    return t;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.index(items.length)] as T;
  }

  /** Where {@link pick} picks among `length` items: the same draw. */
  index(length: number): number {
    if (length === 0) throw new RangeError('pick from an empty list');
    return Math.floor(this.next() * length);
  }

  weighted<T>(items: readonly Weighted<T>[]): T {
    // Indexed loops: until the optimiser takes this over, a for-of allocates a result per item.
    let total = 0;
    for (let k = 0; k < items.length; k++) total += (items[k] as Weighted<T>).weight;
    if (!(total > 0)) throw new RangeError('weighted pick needs a positive total weight');
    let roll = this.next() * total;
    for (let k = 0; k < items.length; k++) {
      const item = items[k] as Weighted<T>;
      roll -= item.weight;
      if (roll < 0) return item.value;
    }
    return (items[items.length - 1] as Weighted<T>).value;
  }

  /** Roughly normal (sum of four uniforms), clamped to [min, max]. */
  gaussian(mean: number, sd: number, min = -Infinity, max = Infinity): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    // Four uniforms: mean 2, variance 1/3.
    const value = mean + ((sum - 2) / Math.sqrt(1 / 3)) * sd;
    return Math.min(max, Math.max(min, value));
  }

  /** A Fisher–Yates shuffled copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `count` distinct items, in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    return this.shuffle(items).slice(0, Math.min(count, items.length));
  }

  /** Lower-case hex digits. */
  hex(length: number): string {
    let out = '';
    while (out.length < length) {
      const v = this.nextUint32();
      out += `${HEX_BYTES[v >>> 24]}${HEX_BYTES[(v >>> 16) & 255]}${HEX_BYTES[(v >>> 8) & 255]}${HEX_BYTES[v & 255]}`;
    }
    return out.length === length ? out : out.slice(0, length);
  }

  /** Characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  /**
   * A UUID version 4 string (version nibble `4`, variant `8`–`b`), the only key shape
   * wakatime-cli accepts.
   */
  uuidV4(): string {
    const s = this.hex(32);
    const variant = '89ab'[Number.parseInt(s.charAt(16), 16) & 3] as string;
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20)}`;
  }
}
