/**
 * @module
 * Deterministic "random" values: the same seed and purpose always give the same value, so a run is
 * reproducible from the seed it prints.
 */
import { createHash } from 'node:crypto';

export function seededHex(seed: number, purpose: string, length: number): string {
  let out = '';
  for (let block = 0; out.length < length; block++) out += createHash('sha256').update(`${seed}:${purpose}:${block}`).digest('hex');
  return out.slice(0, length);
}

export const randomSeed = (): number => Math.floor(Math.random() * 2 ** 31);
