/**
 * @module
 * The admin API (`/__mock/*`: reset, imports, OAuth app registration) of a mock others can reach.
 * On loopback only the machine's own user can call it, and it stays open as it always was. A mock
 * bound to another address is usually shared by a team, and one `POST /__mock/reset` would wipe
 * everyone's heartbeats: there it needs `Authorization: Bearer <admin token>`, a token given at start
 * (`--admin-token`) or generated and printed in the banner.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/**
 * Whether `host` reaches this machine only (`127.0.0.0/8`, `::1`, `localhost`).
 * @example
 * isLoopback('0.0.0.0'); // false: every interface
 */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || /^::ffff:127(\.\d{1,3}){3}$/.test(bare);
}

/** A fresh admin token: 24 random bytes, URL-safe. */
const newAdminToken = (): string => `hkadmin_${randomBytes(24).toString('base64url')}`;

/** The token that guards `/__mock/*` on `host`: the one given, else a new one off loopback, else none. */
export function adminTokenFor(host: string, given: string | undefined): string | undefined {
  return given ?? (isLoopback(host) ? undefined : newAdminToken());
}

/**
 * Middleware for `/__mock/*` that lets through only `Authorization: Bearer <token>`; anything else
 * gets `401` with a body that says what to send.
 * @example
 * app.use('/__mock/*', requireAdminToken(token));
 */
export function requireAdminToken(token: string): MiddlewareHandler {
  const expected = Buffer.from(token);
  return async (c, next) => {
    const given = Buffer.from(/^Bearer +(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    return c.json(
      { error: 'The mock admin API needs Authorization: Bearer <admin token> (set with --admin-token, or printed at start)' },
      401,
      { 'WWW-Authenticate': 'Bearer realm="hackatime-kit mock admin"' },
    );
  };
}
