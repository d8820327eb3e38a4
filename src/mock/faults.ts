/**
 * @module
 * Latency and fault injection, for frontends rehearsing their error paths (off by default):
 *   - `Prefer: delay=MS` delays one answer; `--latency MS` or `--latency MIN-MAX` every answer;
 *   - `Prefer: fault=reset|empty|truncate` breaks one answer; `--faults RATE` breaks that share of
 *     answers, the kind drawn from a generator seeded by the world's seed, so a run replays.
 * `reset` drops the connection with a TCP reset, `empty` closes it without a byte, `truncate` sends
 * the headers and half the body, then closes.
 */

import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { RESPONSE_ALREADY_SENT } from '@hono/node-server/utils/response';
import type { Context, MiddlewareHandler } from 'hono';
import { Random } from '../world/random.js';

const FAULT_KINDS = ['reset', 'empty', 'truncate'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultOptions {
  /** Fixed or ranged latency added to every answer, ms. */
  latency?: { min: number; max: number };
  /** Share of answers (0..1) to break at random. */
  faultRate?: number;
  seed: number;
}

interface NodeBindings {
  incoming?: IncomingMessage;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Latency and random faults for every `/api` answer (mounted only when configured).
 * @example
 * app.use('/api/*', faults({ latency: { min: 50, max: 200 }, faultRate: 0.1, seed: 42 }));
 */
export const faults = ({ latency, faultRate = 0, seed }: FaultOptions): MiddlewareHandler => {
  const random = new Random(seed).fork('faults');
  return async function faultInjection(c, next) {
    const delay = latency ? latency.min + (latency.max > latency.min ? random.int(latency.min, latency.max) - latency.min : 0) : 0;
    const kind: FaultKind | undefined = faultRate > 0 && random.chance(faultRate) ? random.pick(FAULT_KINDS) : undefined;
    const res = await withFault(c, kind, delay, async () => {
      await next();
      return c.res;
    });
    // After next() Hono keeps c.res and ignores a middleware's return value.
    if (c.finalized && res !== c.res) c.res = res;
    return res;
  };
};

/** The longest delay a `Prefer: delay` may ask for. */
const MAX_PREFERRED_DELAY_MS = 60_000;

/**
 * Waits `delay` ms, then answers with `answer()` broken the `kind` way (or intact without one).
 * Used by the middleware above and by each operation for its `Prefer: delay|fault`.
 */
export async function withFault(
  c: Context,
  kind: FaultKind | undefined,
  delay: number,
  answer: () => Promise<Response>,
): Promise<Response> {
  if (delay > 0) await sleep(Math.min(delay, MAX_PREFERRED_DELAY_MS));
  if (!kind) return answer();
  const env = c.env as NodeBindings | undefined;
  const socket = env?.incoming?.socket;
  if (kind === 'truncate') return truncated(await answer(), socket);
  if (!socket) {
    // In-process there is no socket to break: a body that fails to read is the nearest equivalent.
    return new Response(new ReadableStream({ start: (controller) => controller.error(new Error(`injected fault: ${kind}`)) }));
  }
  if (kind === 'reset') socket.resetAndDestroy();
  else socket.destroySoon();
  return RESPONSE_ALREADY_SENT;
}

/**
 * The headers and half the body, then the connection is dropped mid-body. The drop comes a moment
 * later so that the status line, the headers and the half are on the wire first. On a socket the
 * socket itself is destroyed, deliberately: a stream error would reach @hono/node-server's
 * response-error handler, which prints it with its stack trace as if the mock had crashed.
 * In-process (no socket) the body stream fails instead.
 */
async function truncated(res: Response, socket: Socket | undefined): Promise<Response> {
  const full = new Uint8Array(await res.arrayBuffer());
  const headers = new Headers(res.headers);
  headers.set('content-length', String(full.length));
  let sent = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(full.subarray(0, Math.floor(full.length / 2)));
        return;
      }
      await sleep(20);
      if (!socket) {
        controller.error(new Error('injected fault: truncate'));
        return;
      }
      // The server sees its response closed and cancels this stream: nothing to log, nothing to throw.
      socket.destroy();
      controller.close();
    },
  });
  return new Response(body, { status: res.status, headers });
}
