/**
 * @module
 * The OAuth token behind a request to `/api/v1/authenticated/*`, which `/authenticated/me` needs to
 * know whether the app sees the raw trust level.
 */
import type { World } from '../../world/store.js';
import type { OAuthToken } from '../../world/types.js';

/** The token of an `Authorization: Bearer <token>` header, read the way authentication read it. */
function bearerToken(headers: Headers): string | undefined {
  const match = /^\s*(\S+)(?:\s+(.*))?$/s.exec(headers.get('authorization') ?? '');
  if (match?.[1]?.toLowerCase() !== 'bearer') return undefined;
  return match[2]?.trim() || undefined;
}

/**
 * The Doorkeeper token the request was authorised with.
 * @example
 * callerToken(world, new Headers({ authorization: 'Bearer abc' })) // the stored token `abc`, if any
 */
export function callerToken(world: World, headers: Headers): OAuthToken | undefined {
  const token = bearerToken(headers);
  return token === undefined ? undefined : world.oauthToken(token);
}
