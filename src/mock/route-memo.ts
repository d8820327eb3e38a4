/**
 * @module
 * Hono's router with a memory of what it matched. Hono's own choice (`SmartRouter` over `RegExpRouter`
 * and `TrieRouter`) falls to the trie for the spec's routes, whose walk of every segment was the
 * largest share of a cached read's own work; a client repeats its requests, and a method and path
 * are matched the same way every time while the routes stay the same. What Hono does with a match
 * only reads it, so one result serves every request on the path.
 */
import type { Result, Router } from 'hono/router';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { SmartRouter } from 'hono/router/smart-router';
import { TrieRouter } from 'hono/router/trie-router';

/** Paths whose match is kept, per method: a method's are emptied when full (ever-new parameters). */
const KEPT_PATHS = 2_000;

/**
 * `inner` (Hono's default router unless given) remembering each method and path it matched; adding
 * a route forgets every match.
 * @example
 * const app = new Hono({ router: memoRouter() });
 */
export function memoRouter<T>(inner: Router<T> = new SmartRouter<T>({ routers: [new RegExpRouter(), new TrieRouter()] })): Router<T> {
  const matched = new Map<string, Map<string, Result<T>>>();
  return {
    get name() {
      return `memo of ${inner.name}`;
    },
    add(method, path, handler) {
      matched.clear();
      inner.add(method, path, handler);
    },
    match(method, path) {
      let paths = matched.get(method);
      if (paths === undefined) matched.set(method, (paths = new Map()));
      let result = paths.get(path);
      if (result === undefined) {
        result = inner.match(method, path);
        if (paths.size >= KEPT_PATHS) paths.clear();
        paths.set(path, result);
      }
      return result;
    },
  };
}
