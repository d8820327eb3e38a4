/**
 * @module
 * How many heartbeats a mock has been sent since start or its last reset — the admin API's
 * `/__mock/stats`. Duplicates and rejections do not change the world, so the store cannot count them.
 */

export interface IngestCounts {
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

/** One ingestion outcome, as far as counting goes. */
type Counted = { ok: true; created: boolean } | { ok: false };

/**
 * The counters of one mock (owned by its `MockState`).
 * @example
 * const counters = new IngestCounters();
 * counters.count([{ ok: true, created: true }, { ok: false }]);
 * counters.counts(); // { requests: 1, received: 2, created: 1, duplicates: 0, rejected: 1 }
 */
export class IngestCounters {
  private current: IngestCounts = IngestCounters.zero();

  private static zero(): IngestCounts {
    return { requests: 0, received: 0, created: 0, duplicates: 0, rejected: 0 };
  }

  /** Counts one request's outcomes, one per heartbeat it carried. */
  count(outcomes: readonly Counted[]): void {
    const c = this.current;
    c.requests += 1;
    c.received += outcomes.length;
    for (const o of outcomes) {
      if (!o.ok) c.rejected += 1;
      else if (o.created) c.created += 1;
      else c.duplicates += 1;
    }
  }

  /** A copy of the counts so far. */
  counts(): IngestCounts {
    return { ...this.current };
  }

  reset(): void {
    this.current = IngestCounters.zero();
  }
}
