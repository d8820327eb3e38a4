/**
 * @module
 * Whether this Node process can hold the world asked for: a world too large for the heap is a
 * one-line start-up error (exit 2), not a crash at the first read.
 */
import { getHeapStatistics } from 'node:v8';
import { wholeMegabytes } from '../mock/bytes.js';
import { DEFAULT_CACHE_BYTES } from '../world/history.js';

/**
 * Heap a user's row, credentials and lookups take once made (about 3.5 KB measured at 100,000 users),
 * with room: users are made when first read, and a read of them all (a leaderboard) makes every one.
 */
const HEAP_BYTES_PER_USER = 5 * 1024;
/** Everything else: the spec, the app, a read's rows, the generated days' cache. */
const BASE_HEAP_BYTES = 96 * 1024 * 1024 + DEFAULT_CACHE_BYTES;

/**
 * Null when a world of `users` fits under the heap limit, else the reason (one line).
 * @example
 * worldRoomProblem(100_000, 4 * 1024 ** 3); // null
 * worldRoomProblem(100_000, 256 * 1024 ** 2); // '--users 100000 needs about 649 MB of heap; …'
 */
export function worldRoomProblem(users: number, heapLimit = getHeapStatistics().heap_size_limit): string | null {
  const needed = BASE_HEAP_BYTES + users * HEAP_BYTES_PER_USER;
  if (needed <= heapLimit) return null;
  const mb = wholeMegabytes;
  return `--users ${users} needs about ${mb(needed)} MB of heap; this Node process may use ${mb(heapLimit)} MB (raise it with NODE_OPTIONS=--max-old-space-size=${mb(needed * 1.5)})`;
}

/**
 * Bytes the admin analytics' index of every heartbeat may take in this process: half the heap
 * limit, the other half left to the world, its caches and the reads.
 * @example
 * analyticsIndexRoom(4 * 1024 ** 3); // 2 GiB
 */
export function analyticsIndexRoom(heapLimit = getHeapStatistics().heap_size_limit): number {
  return Math.floor(heapLimit / 2);
}
