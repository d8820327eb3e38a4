/**
 * @module
 * How many heartbeats each world has been sent since start or its last reset — the admin API's
 * `/__mock/stats`. Duplicates and rejections do not change the world, so the store cannot count them.
 */
import type { World } from '../../world/store.js';

export interface IngestCounters {
  /** Requests to either heartbeat endpoint that reached ingestion. */
  requests: number;
  /** Heartbeats in those requests. */
  received: number;
  /** Stored as new rows. */
  created: number;
  /** Answered with a row that was already stored. */
  duplicates: number;
  /** Answered with 422. */
  rejected: number;
}

const counters = new WeakMap<World, IngestCounters>();

const empty = (): IngestCounters => ({ requests: 0, received: 0, created: 0, duplicates: 0, rejected: 0 });

export function countersOf(world: World): IngestCounters {
  let c = counters.get(world);
  if (!c) {
    c = empty();
    counters.set(world, c);
  }
  return c;
}

export function resetCounters(world: World): void {
  counters.set(world, empty());
}
