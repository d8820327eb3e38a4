/**
 * @module
 * `--wait-for-server SECONDS`: a CI job starts the server and the runner together; the runner asks
 * the base URL every quarter second until any HTTP answer comes (whatever its status), and gives
 * up with the last reason once the time is over (a poll under way then finishes first, within
 * `--timeout`).
 */
import { ConnectionError } from '../errors.js';
import { sleep } from './pace.js';
import { type SendOptions, send } from './send.js';

const POLL_MS = 250;

/**
 * @example
 * await waitForServer({ baseUrl, timeoutMs: 10_000, retries: 0, headers: {} }, 30_000);
 */
export async function waitForServer(options: SendOptions, waitMs: number): Promise<void> {
  const deadline = performance.now() + waitMs;
  for (;;) {
    // Each poll gets the run's whole --timeout: a slow first answer is still an answer.
    const outcome = await send({ method: 'GET', path: '/', query: [], headers: {} }, { ...options, retries: 0 });
    if (outcome.kind === 'response') return;
    if (performance.now() >= deadline) {
      const reason = outcome.kind === 'timeout' ? 'no answer' : outcome.message;
      throw new ConnectionError(`${options.baseUrl} did not answer within ${waitMs / 1000} s (--wait-for-server): ${reason}`);
    }
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - performance.now())));
  }
}
