/**
 * @module
 * `--shard i/n`: a stable split of a run across n CI jobs. Each case goes to the shard its id hashes
 * to (FNV-1a), so the split does not depend on the order or the number of other cases, the shards
 * are disjoint and their union is the whole run; an operation's fuzzing and each cross-check go
 * whole to one shard. `--merge-reports` puts their JSON reports back together.
 */
import { UsageError } from '../../spec/errors.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** FNV-1a, 32 bits: small, stable across runs and platforms. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/**
 * Whether the unit of work `id` (a case id, `op/fuzz`, `cross/name`) belongs to `shard`; every
 * id belongs to a run without one.
 * @example
 * inShard('getUserStats/positive/none', { index: 1, count: 1 }) // true
 */
export const inShard = (id: string, shard: Shard | undefined): boolean =>
  shard === undefined || fnv1a(id) % shard.count === shard.index - 1;

/**
 * `--shard 2/3`, checked.
 * @example
 * parseShard('2/3') // { index: 2, count: 3 }
 */
export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (!match || count < 1 || index < 1 || index > count)
    throw new UsageError(`--shard must be i/n with 1 ≤ i ≤ n, like 2/3, not "${text}"`);
  return { index, count };
}
