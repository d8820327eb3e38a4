/**
 * @module
 * The app's routing path, decided the way Rails decides it (see `rails/scopes/route-recognition.ts`):
 * a request the spec's routes recognise is routed on its route's own path, parameters still escaped
 * and the format suffix gone; anything else (the mock's admin API, the docs) keeps Hono's path.
 */
import { getPath as honoPath } from 'hono/utils/url';
import type { IndexedOperation } from '../spec/operations.js';
import { canonicalPath, normalizePath, type Recognized, routeRecognizer } from './rails/scopes/route-recognition.js';
import { routeOrder } from './routes.js';

/**
 * The raw path of a request URL: no query, no fragment, nothing unescaped. Read on every request
 * (routing, the request log), so it slices once and runs no regular expression.
 * @example
 * rawPathOf('http://127.0.0.1:4010/api/v1/users/my%2Esite/stats?range=all#x'); // '/api/v1/users/my%2Esite/stats'
 */
export function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf(':') + 3);
  if (start < 0) return '/';
  const query = url.indexOf('?', start);
  const fragment = url.indexOf('#', start);
  const end = query < 0 ? fragment : fragment < 0 ? query : Math.min(query, fragment);
  return end < 0 ? url.slice(start) : url.slice(start, end);
}

/** Raw paths whose recognition is kept, per method. */
const SEEN_PATHS = 2_000;

export interface RailsRouting {
  /** Hono's `getPath`; it notes what it recognised for `recognized`. */
  getPath(request: Request): string;
  /** What `getPath` recognised for this request: the operation it reaches, if any. */
  recognized(request: Request): Recognized | undefined;
  /** The route a request reaches, worked out afresh (its format among it). */
  recognize(request: Request): Recognized | undefined;
}

/** A raw path's recognition: the route and the path the app routes on; `null` when none. */
type Seen = { recognized: Recognized; path: string } | null;

/**
 * @example
 * const routing = railsRouting(spec.operations);
 * const app = new Hono({ getPath: routing.getPath });
 */
export function railsRouting(operations: readonly IndexedOperation[]): RailsRouting {
  const recognizeRaw = routeRecognizer(operations, routeOrder);
  // The same method and raw path are recognised the same way every time: a client repeats its
  // requests, and trying every route's pattern on each was a visible share of a read's cost.
  // By method, then raw path: no key is built per request. Bounded: a method's paths are emptied
  // when full (paths with ever-new parameters would otherwise grow it).
  const seen = new Map<string, Map<string, Seen>>();
  const lookup = (request: Request): Seen => {
    const { method } = request;
    const raw = rawPathOf(request.url);
    let paths = seen.get(method);
    if (paths === undefined) seen.set(method, (paths = new Map()));
    let hit = paths.get(raw);
    if (hit === undefined) {
      const recognized = recognizeRaw(method, normalizePath(raw));
      hit = recognized === undefined ? null : { recognized, path: canonicalPath(recognized) };
      if (paths.size >= SEEN_PATHS) paths.clear();
      paths.set(raw, hit);
    }
    return hit;
  };
  // What `getPath` recognised last: Hono asks `recognized` about the same request right after (the
  // route runs within the same dispatch), so one slot answers it without a per-request map. A
  // route that runs later (behind an async middleware) finds another request there and
  // recognises its own again: recognition depends on the method and raw path alone.
  let lastRequest: Request | undefined;
  let lastRecognized: Recognized | undefined;
  return {
    recognize: (request) => lookup(request)?.recognized,
    recognized: (request) => (request === lastRequest ? lastRecognized : lookup(request)?.recognized),
    getPath(request) {
      const hit = lookup(request);
      if (hit === null) return honoPath(request);
      lastRequest = request;
      lastRecognized = hit.recognized;
      return hit.path;
    },
  };
}
