/**
 * @module
 * One line per request, as Prism logs them: method, path, status, milliseconds and which world user
 * the credentials named. The line never holds a secret: headers and bodies are not logged, and the
 * value of every query parameter that can carry one (`api_key`, tokens, secrets, codes), and any path
 * segment shaped like a key, is replaced by `REDACTED`. Logging wraps the app's `fetch` from outside,
 * so the app answers the same bytes whether anyone logs; a mock on a socket always keeps its last
 * entries for `GET /__mock/requests` (the home page's live list) and prints them only when asked.
 */
import type { RequestNote } from '../mock/request-note.js';
import { plainEntry, type RequestLogEntry } from '../mock/request-ring.js';

export type RequestLogger = (entry: RequestLogEntry) => void;

/** The host's own hook: the entry, and the request it came from (its raw URL is never printed). */
type AnsweredHook = (entry: RequestLogEntry, request: Request) => void;

/** Query parameters whose values may be credentials (`api_key`, `access_token`, `client_secret`, `code`…). */
const SECRET_PARAM = /key|token|secret|password|code|assertion|signature/i;

/**
 * Path segments shaped like a credential: a Hackatime API key (a UUID), an admin key (`hka_` + 64 hex
 * digits), the mock's admin token (`hkadmin_…`). No route takes one in its path, but a client can put
 * one there by mistake, and the log (and `/__mock/requests`, which a shared mock's team reads) must
 * not repeat it.
 */
const SECRET_SEGMENT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|hka_[0-9a-f]{64}|hkadmin_[\w-]+)$/i;

/**
 * The path and query of `url` with every secret-bearing parameter's value (and path segment) redacted.
 * @example
 * redactedPath('http://127.0.0.1:4010/api/hackatime/v1/users/current/statusbar/today?api_key=abc');
 * // → '/api/hackatime/v1/users/current/statusbar/today?api_key=REDACTED'
 */
export function redactedPath(url: string): string {
  const parsed = new URL(url);
  const { searchParams } = parsed;
  const pathname = parsed.pathname
    .split('/')
    .map((segment) => (SECRET_SEGMENT.test(decodeSegment(segment)) ? 'REDACTED' : segment))
    .join('/');
  if (searchParams.size === 0) return pathname;
  for (const name of new Set(searchParams.keys())) if (SECRET_PARAM.test(name)) searchParams.set(name, 'REDACTED');
  return `${pathname}?${searchParams.toString()}`;
}

/** A path segment decoded, or as it is when it is not valid percent-encoding. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
 * One answered request, kept as taken: the time and the redacted path are written only when
 * someone reads the entry (a printed log line, `/__mock/requests`), so a mock under load does not
 * format and redact every URL it answers.
 */
class AnsweredRequest implements RequestLogEntry {
  // Private fields: the raw URL may carry a secret and must not show in a spread or an inspect.
  readonly #at: number;
  readonly #url: string;

  constructor(
    at: number,
    url: string,
    readonly method: string,
    readonly status: number,
    readonly ms: number,
    readonly user: string | null,
  ) {
    this.#at = at;
    this.#url = url;
  }

  get time(): string {
    return new Date(this.#at).toISOString();
  }

  get path(): string {
    return redactedPath(this.#url);
  }

  toJSON(): RequestLogEntry {
    return plainEntry(this);
  }
}

/**
 * The host's bindings with the note in them. @hono/node-server makes its `{ incoming, outgoing }`
 * afresh for each request, so the note is written into that object: a copy with one key more
 * (`{ ...env, requestNote }`) takes V8's slow path, most of a microsecond on every request.
 */
function withNote(env: object | undefined, requestNote: RequestNote): object {
  if (env === undefined) return { requestNote };
  (env as { requestNote?: RequestNote }).requestNote = requestNote;
  return env;
}

/**
 * `fetch` that hands each answered request to `log`; an answer ready at once is still returned at
 * once (no promise), as the app gives it.
 * @example
 * serve({ fetch: withRequestLog(app.fetch, (e) => console.log(formatEntry(e, 'text'))) });
 */
export function withRequestLog(fetch: AppFetch, log: AnsweredHook): (request: Request, env?: object) => Response | Promise<Response> {
  return (request, env) => {
    const at = Date.now();
    const started = performance.now();
    const requestNote: RequestNote = {};
    const done = (response: Response): Response => {
      const ms = Math.round((performance.now() - started) * 100) / 100;
      log(new AnsweredRequest(at, request.url, request.method, response.status, ms, requestNote.user ?? null), request);
      return response;
    };
    const answer = fetch(request, withNote(env, requestNote));
    return answer instanceof Promise ? answer.then(done) : done(answer);
  };
}
