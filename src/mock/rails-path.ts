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

/** The raw path of a request URL: no query, no fragment, nothing unescaped. */
export function rawPathOf(url: string): string {
  const start = url.indexOf('/', url.indexOf(':') + 3);
  if (start < 0) return '/';
  const end = url.slice(start).search(/[?#]/);
  return end < 0 ? url.slice(start) : url.slice(start, start + end);
}

/** Method and raw path pairs whose recognition is kept. */
const SEEN_PATHS = 2_000;

export interface RailsRouting {
  /** Hono's `getPath`; it notes what it recognised for `recognized`. */
  getPath(request: Request): string;
  /** What `getPath` recognised for this request: the operation it reaches, if any. */
  recognized(request: Request): Recognized | undefined;
  /** The route a request reaches, worked out afresh (its format among it). */
  recognize(request: Request): Recognized | undefined;
}

/**
 * @example
 * const routing = railsRouting(spec.operations);
 * const app = new Hono({ getPath: routing.getPath });
 */
export function railsRouting(operations: readonly IndexedOperation[]): RailsRouting {
  const recognizeRaw = routeRecognizer(operations, routeOrder);
  // The same method and raw path are recognised the same way every time: a client repeats its
  // requests, and trying every route's pattern on each was a visible share of a read's cost.
  // Bounded: emptied when full (paths with ever-new parameters would otherwise grow it).
  const seen = new Map<string, { recognized: Recognized; path: string } | null>();
  const lookup = (request: Request) => {
    const raw = rawPathOf(request.url);
    const key = `${request.method} ${raw}`;
    let hit = seen.get(key);
    if (hit === undefined) {
      const recognized = recognizeRaw(request.method, normalizePath(raw));
      hit = recognized === undefined ? null : { recognized, path: canonicalPath(recognized) };
      if (seen.size >= SEEN_PATHS) seen.clear();
      seen.set(key, hit);
    }
    return hit;
  };
  // Per request, not per mock: a Request is answered once and then let go.
  const noted = new WeakMap<Request, Recognized>();
  return {
    recognize: (request) => lookup(request)?.recognized,
    recognized: (request) => noted.get(request),
    getPath(request) {
      const hit = lookup(request);
      if (hit === null) return honoPath(request);
      noted.set(request, hit.recognized);
      return hit.path;
    },
  };
}
