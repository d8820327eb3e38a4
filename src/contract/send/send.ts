/**
 * @module
 * Sends one case and reads the whole answer under one deadline. Node's fetch keeps connections
 * alive between requests; only network errors are retried (a slow answer is a finding, not noise),
 * and a `429` whose `Retry-After` is at most a minute is waited out and sent again (being throttled
 * says nothing about the contract). Every attempt waits for the run's pace (`--max-rate`).
 */
import type { Case } from '../case.js';
import type { RunContext } from '../run-context.js';
import { type Pace, sleep } from './pace.js';
import { encodeBody, extraHeadersFor, urlOf } from './request.js';

/**
 * What sending reads of the run; `headers` are the extra headers this request gets
 * (`extraHeadersFor`); without `pace`, requests are not paced.
 */
export type SendOptions = Pick<RunContext, 'baseUrl' | 'timeoutMs' | 'retries' | 'headers'> & { pace?: Pace };

/** The longest `Retry-After` waited out, and how many times one request is throttled before its 429 is judged. */
const MAX_RETRY_AFTER_S = 60;
const MAX_THROTTLED = 3;

/** `Retry-After` in seconds (a number, or an HTTP date), when it is one. */
function retryAfterSeconds(headers: Headers): number | undefined {
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  durationMs: number;
}

export type SendOutcome =
  | { kind: 'response'; response: RawResponse }
  | { kind: 'timeout'; durationMs: number }
  | { kind: 'network'; message: string; durationMs: number };

/** `connect ECONNREFUSED 127.0.0.1:9` → `connection refused (ECONNREFUSED)`. */
function describeNetworkError(err: unknown, url: string): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  // undici says only "bad port" for a port on the Fetch standard's block list ("port blocking":
  // 6666, 6000, 5060, …), which it refuses before connecting, whatever listens there.
  if (cause?.message === 'bad port') {
    const port = new URL(url).port;
    return `Node's fetch refuses port ${port} (it is on the Fetch standard's list of blocked ports); serve on another port, e.g. 4010`;
  }
  const code = cause?.code;
  const known: Record<string, string> = {
    ECONNREFUSED: 'connection refused',
    ECONNRESET: 'connection reset by the server',
    ENOTFOUND: 'host not found',
    EAI_AGAIN: 'host name lookup failed',
    EHOSTUNREACH: 'host unreachable',
    UND_ERR_SOCKET: 'the server closed the connection',
  };
  if (code && known[code]) return `${known[code]} (${code})`;
  return cause?.message ?? (err as Error).message ?? String(err);
}

const isTimeout = (err: unknown): boolean => (err as { name?: string }).name === 'TimeoutError';

async function attempt(url: string, init: RequestInit, timeoutMs: number): Promise<SendOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { kind: 'response', response: { status: res.status, headers: res.headers, text, durationMs: elapsed() } };
  } catch (err) {
    if (isTimeout(err)) return { kind: 'timeout', durationMs: elapsed() };
    return { kind: 'network', message: describeNetworkError(err, url), durationMs: elapsed() };
  }
}

export async function send(kase: Pick<Case, 'method' | 'path' | 'query' | 'headers' | 'body'>, options: SendOptions): Promise<SendOutcome> {
  const headers: Record<string, string> = { ...options.headers, ...kase.headers };
  let body: string | undefined;
  if (kase.body !== undefined) {
    const encoded = encodeBody(kase.body);
    body = encoded.text;
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = encoded.contentType;
  }
  const url = urlOf(options.baseUrl, kase);
  // A redirect is an answer to check (the badge's 307), not something to follow.
  const init: RequestInit = { method: kase.method, headers, redirect: 'manual', ...(body === undefined ? {} : { body }) };
  const paced = async () => {
    await options.pace?.();
    return attempt(url, init, options.timeoutMs);
  };
  let outcome = await paced();
  for (let throttled = 0, retry = 0; ; ) {
    if (outcome.kind === 'network' && retry < options.retries) {
      retry++;
      await sleep(50 * retry);
    } else if (outcome.kind === 'response' && outcome.response.status === 429 && throttled < MAX_THROTTLED) {
      const wait = retryAfterSeconds(outcome.response.headers);
      if (wait === undefined || wait > MAX_RETRY_AFTER_S) return outcome;
      throttled++;
      await sleep(wait * 1000);
    } else {
      return outcome;
    }
    outcome = await paced();
  }
}

/** Sends a case with the run's `--header`s, less a credential that a case meant to carry none must not get. */
export const sendCase = (kase: Case, run: SendOptions): Promise<SendOutcome> =>
  send(kase, {
    baseUrl: run.baseUrl,
    timeoutMs: run.timeoutMs,
    retries: run.retries,
    headers: extraHeadersFor(kase, run.headers),
    ...(run.pace === undefined ? {} : { pace: run.pace }),
  });
