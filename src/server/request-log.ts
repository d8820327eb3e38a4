/**
 * @module
 * One line per request, as Prism logs them: method, path, status, milliseconds and which world user
 * the credentials named. The line never holds a secret: headers and bodies are not logged, and the
 * value of every query parameter that can carry one (`api_key`, tokens, secrets, codes) is replaced
 * by `REDACTED`. Logging wraps the app's `fetch` from outside, so a mock that does not log runs the
 * app exactly as before.
 */
import type { RequestNote } from '../mock/request-note.js';

/** One answered request. */
export interface RequestLogEntry {
  /** When the request came in (the machine's clock, not the mock's), ISO 8601. */
  time: string;
  method: string;
  /** Path and query, secrets redacted. */
  path: string;
  status: number;
  /** Milliseconds until the response was ready (its body may stream after). */
  ms: number;
  /** The world user the credentials named; `null` for an anonymous or refused request. */
  user: string | null;
}

export type RequestLogger = (entry: RequestLogEntry) => void;

/** Query parameters whose values may be credentials (`api_key`, `access_token`, `client_secret`, `code`…). */
const SECRET_PARAM = /key|token|secret|password|code|assertion|signature/i;

/**
 * The path and query of `url` with every secret-bearing parameter's value redacted.
 * @example
 * redactedPath('http://127.0.0.1:4010/api/hackatime/v1/users/current/statusbar/today?api_key=abc');
 * // → '/api/hackatime/v1/users/current/statusbar/today?api_key=REDACTED'
 */
export function redactedPath(url: string): string {
  const { pathname, searchParams } = new URL(url);
  if (searchParams.size === 0) return pathname;
  for (const name of new Set(searchParams.keys())) if (SECRET_PARAM.test(name)) searchParams.set(name, 'REDACTED');
  return `${pathname}?${searchParams.toString()}`;
}

/**
 * An entry as one line: `text` for people, `json` (one object per line) for machines.
 * @example
 * formatEntry(entry, 'text'); // '18:30:00.123 GET /api/v1/users/demo/stats 200 1.4 ms demo'
 */
export function formatEntry(entry: RequestLogEntry, format: 'text' | 'json'): string {
  if (format === 'json') return JSON.stringify(entry);
  const { time, method, path, status, ms, user } = entry;
  return `${time.slice(11, 23)} ${method} ${path} ${status} ${ms.toFixed(1)} ms ${user ?? '-'}`;
}

type AppFetch = (request: Request, env?: object) => Response | Promise<Response>;

/**
 * `fetch` that hands each answered request to `log`; an answer ready at once is still returned at
 * once (no promise), as the app gives it.
 * @example
 * serve({ fetch: withRequestLog(app.fetch, (e) => console.log(formatEntry(e, 'text'))) });
 */
export function withRequestLog(fetch: AppFetch, log: RequestLogger): (request: Request, env?: object) => Response | Promise<Response> {
  return (request, env) => {
    const time = new Date().toISOString();
    const started = performance.now();
    const requestNote: RequestNote = {};
    const done = (response: Response): Response => {
      const ms = Math.round((performance.now() - started) * 100) / 100;
      log({ time, method: request.method, path: redactedPath(request.url), status: response.status, ms, user: requestNote.user ?? null });
      return response;
    };
    const answer = fetch(request, { ...env, requestNote });
    return answer instanceof Promise ? answer.then(done) : done(answer);
  };
}
