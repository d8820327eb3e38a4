/**
 * @module
 * `--max-rate`: at most N requests per second, spread evenly, shared by every request of the run
 * (retries included), so a run stays inside the server's rate limits. The real server's Rack::Attack
 * throttles each IP to 300 requests a minute (`general`), 10,000 an hour under `/api/*`, and admin
 * endpoints to 5 a second for everyone at once (reference, "Rate limiting"); the default against a
 * host that is not loopback is 4 a second. Loopback clients are safelisted there, and the mock
 * does not throttle, so a loopback target is not paced by default.
 */

/** Waits for the next free slot; resolves at once without a rate. */
export type Pace = () => Promise<void>;

/** Requests per second against a host that is not loopback, unless `--max-rate` says otherwise. */
export const DEFAULT_MAX_RATE = 4;

interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const REAL_CLOCK: Clock = { now: () => performance.now(), sleep };

/**
 * @example
 * const pace = createPace(4); await pace(); await pace(); // the second 250 ms after the first
 */
export function createPace(perSecond: number | undefined, clock: Clock = REAL_CLOCK): Pace {
  if (perSecond === undefined || perSecond <= 0) return () => Promise.resolve();
  const gap = 1000 / perSecond;
  let next = Number.NEGATIVE_INFINITY;
  return async () => {
    const now = clock.now();
    const at = Math.max(now, next);
    next = at + gap;
    if (at > now) await clock.sleep(at - now);
  };
}
