/**
 * @module
 * CORS as the real server's rack-cors sets it for `/api/*` (hackclub/hackatime
 * `config/initializers/cors.rb`, lines 1-10 at 62542c2d: `origins "*"`, `resource "/api/*"`,
 * `headers: :any`, `methods: [ :get, :post, :options ]`, `max_age: 600`): any origin,
 * GET/POST/OPTIONS, any request headers, preflight cached 600 s, no credentials. That resource has
 * no `expose:`, so no response header beyond the CORS-safelisted ones is readable from a browser:
 * not `Retry-After`. The mock sends no `Access-Control-Expose-Headers` either, so a
 * frontend that works against it does not come to rely on one the server never sends.
 * Preflights are answered here; every other answer carries the allow-origin header from its
 * rendering (see `baseHeaders`), which keeps responses on the node server's fast path (no header
 * rewriting after the handler).
 */
import type { Context, Next } from 'hono';

const ALLOW_METHODS = 'GET, POST, OPTIONS';
const PREFLIGHT_MAX_AGE = '600';

/**
 * Answers a CORS preflight; an OPTIONS request that is not one goes on (to the 404 page).
 * @example
 * app.options('/api/*', corsPreflight);
 */
export async function corsPreflight(c: Context, next: Next): Promise<Response | undefined> {
  if (c.req.header('origin') === undefined) {
    await next();
    return undefined;
  }
  const requested = c.req.header('access-control-request-headers');
  const headers: Record<string, string> = {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': ALLOW_METHODS,
    'access-control-max-age': PREFLIGHT_MAX_AGE,
    vary: 'Access-Control-Request-Headers',
  };
  if (requested) headers['access-control-allow-headers'] = requested;
  return new Response(null, { status: 204, headers });
}

/** The headers every answer of a path carries: Cache-Control as the real server sends it, and CORS. */
export function baseHeaders(path: string): Record<string, string> {
  const headers: Record<string, string> = {
    'cache-control': path.startsWith('/api/v1/authenticated/') ? 'max-age=0, private, must-revalidate' : 'no-store',
  };
  if (path.startsWith('/api/')) headers['access-control-allow-origin'] = '*';
  return headers;
}
