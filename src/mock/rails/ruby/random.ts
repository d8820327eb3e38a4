/**
 * @module
 * Ruby's `Random.new(seed).rand(n)` for a non-negative Integer seed: MT19937 seeded the way Ruby's
 * `random.c` does it, and `limited_rand`'s masked retry. The statusbar's compliment is picked this
 * way, so reproducing it makes the mock's compliment the one the real server would show.
 */

const N = 624;
const M = 397;

function initGenrand(seed: number): Uint32Array {
  const mt = new Uint32Array(N);
  mt[0] = seed >>> 0;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
  }
  return mt;
}

function initByArray(key: readonly number[]): Uint32Array {
  const mt = initGenrand(19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = ((mt[i]! ^ Math.imul(prev, 1664525)) + key[j]! + j) >>> 0;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]! ^ (mt[i - 1]! >>> 30);
    mt[i] = ((mt[i]! ^ Math.imul(prev, 1566083941)) - i) >>> 0;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
  return mt;
}

/** A 32-bit output stream of MT19937 over a prepared state. */
function generator(mt: Uint32Array): () => number {
  let index = N;
  return () => {
    if (index >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k]! & 0x80000000) | (mt[(k + 1) % N]! & 0x7fffffff);
        mt[k] = mt[(k + M) % N]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

/**
 * Ruby's seeding: the seed's 32-bit words, least significant first; a top word of exactly 1 is
 * dropped (Ruby's "leading-zero guard"); a single word seeds with `init_genrand`, more with
 * `init_by_array`.
 */
function seeded(seed: bigint): () => number {
  const words: number[] = [];
  for (let rest = seed < 0n ? -seed : seed; rest > 0n; rest >>= 32n) words.push(Number(rest & 0xffffffffn));
  if (words.length === 0) words.push(0);
  if (words.length > 1 && words[words.length - 1] === 1) words.pop();
  return generator(words.length === 1 ? initGenrand(words[0]!) : initByArray(words));
}

/**
 * `Random.new(seed).rand(n)` for 1 <= n <= 2^32: the first draw that fits under the smallest
 * all-ones mask covering n - 1.
 * @example
 * rubyRandomInt(5n, 2 ** 32) // 953453411, as Ruby's Random.new(5).rand(2**32)
 */
export function rubyRandomInt(seed: bigint, n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`rubyRandomInt: unsupported bound ${n}`);
  const limit = n - 1;
  if (limit === 0) return 0;
  let mask = limit;
  for (let shift = 1; shift <= 16; shift *= 2) mask |= mask >>> shift;
  mask >>>= 0;
  const next = seeded(seed);
  for (;;) {
    const value = (next() & mask) >>> 0;
    if (value <= limit) return value;
  }
}
