/**
 * @module
 * The runner never writes to a server that is not on this machine unless told to: against a
 * non-loopback host, every request that can change state (a method other than GET, HEAD or
 * OPTIONS — heartbeats, OAuth grants and revocations, claims) is skipped without `--allow-writes`,
 * saying why. A request without credentials (the `no-auth` cases) cannot write and still runs.
 * Loopback is `localhost` (and `*.localhost`), `127.0.0.0/8` and `::1` — the mock, a local build.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { PlannedCase } from '../case.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request of this method (an operation's, or a case's) can change state on the server. */
export const writes = (op: { method: string }): boolean => !SAFE_METHODS.has(op.method.toUpperCase());

/**
 * @example
 * isLoopback('http://127.0.0.1:4010') // true
 * isLoopback('https://hackatime.hackclub.com') // false
 */
export function isLoopback(baseUrl: string): boolean {
  const host = new URL(baseUrl).hostname.toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';
}

/** Why a write is not sent to `baseUrl`. */
export const writesBlockedReason = (baseUrl: string): string =>
  `changes state on ${new URL(baseUrl).host}, which is not loopback: needs --allow-writes`;

/** The planned case, or its skip when it writes and writes are not allowed. */
export function blockWrites(op: IndexedOperation, planned: PlannedCase, baseUrl: string): PlannedCase {
  if (!('run' in planned) || !writes(op) || planned.run.kind === 'no-auth') return planned;
  const { id, operationId, kind, title } = planned.run;
  return { skip: { id, operationId, kind, title, reason: writesBlockedReason(baseUrl) } };
}
