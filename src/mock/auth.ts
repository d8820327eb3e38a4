/**
 * @module
 * Finds the caller of a request the way the real server does: the `Authorization` scheme decides
 * what is tried (a Bearer header stops everything else), Basic carries base64(key), `?api_key` is read
 * only without a Bearer/Basic header, OAuth tokens need their scopes, restricted users follow the
 * operation's policy. The admin API (`/api/admin/v1/*`) reads its token the way Rails' token
 * authentication does and answers every failure with that module's challenge.
 */
import {
  ApiError,
  fromTemplate,
  OAUTH_EXPIRED_TOKEN,
  OAUTH_INVALID_TOKEN,
  OAUTH_REVOKED_TOKEN,
  oauthInsufficientScope,
  RAILS_TOKEN_DENIED,
  UNAUTHORIZED,
} from './errors.js';
import { railsToken } from './rails/ruby/http-token.js';
import type { SecurityPlan } from './security.js';

export interface AuthUser {
  trustLevel: string;
  pendingDeletion: boolean;
}

interface OAuthGrant<U> {
  user: U;
  scopes: readonly string[];
  revokedAt: number | null;
  expiresAt: number | null;
}

/** What authentication needs from the world. */
export interface CredentialLookup<U extends AuthUser> {
  userByApiKey(key: string): U | undefined;
  /** The owner of an active admin key whose owner still has an admin level. */
  adminKeyOwner(token: string): U | undefined;
  oauthGrant(token: string): OAuthGrant<U> | undefined;
  legacyStatsKey: string | undefined;
  /** The caller of an admin API request, from the token Rails reads (`src/mock/staff/authenticate.ts`). */
  adminApiCaller(credential: string, now: number): Caller<U> | undefined;
}

type AuthMethod = 'api-key-bearer' | 'api-key-basic' | 'api-key-query' | 'oauth' | 'admin-key' | 'legacy-stats-key';

export interface Caller<U> {
  user: U | undefined;
  method: AuthMethod;
  /** Scopes of an OAuth token. */
  scopes?: readonly string[];
  /** The OAuth token itself: answers can depend on its app (e.g. the raw trust level on /me). */
  token?: string;
  /** The admin key an admin API caller used (`GET /api/admin/v1/check` shows it). */
  adminKeyId?: number;
}

export interface AuthRequest {
  authorization: string | undefined;
  apiKeyParam: string | undefined;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `strict_decode64`: canonical base64 only, and the decoded bytes must be UTF-8. */
export function strictBase64Decode(text: string): string | undefined {
  if (!BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, 'base64');
  if (bytes.toString('base64') !== text) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const isRestricted = (u: AuthUser) => u.trustLevel === 'red' || u.pendingDeletion;

// A failure is built only when thrown: most refused credentials on public endpoints are ignored.
type Outcome<U> = { caller: Caller<U> } | { failure: () => ApiError };

export function authenticate<U extends AuthUser>(
  req: AuthRequest,
  plan: SecurityPlan,
  world: CredentialLookup<U>,
  now: number,
): Caller<U> | undefined {
  if (plan.adminApi) {
    // `authenticate_or_request_with_http_token`: one challenge for every failure (`base:15-19`).
    const token = railsToken(req.authorization);
    const caller = token === undefined ? undefined : world.adminApiCaller(token, now);
    if (!caller) throw fromTemplate(RAILS_TOKEN_DENIED);
    return caller;
  }
  // The common case of a public read: nothing to look at, nothing to refuse.
  if (plan.anonymous && req.authorization === undefined && req.apiKeyParam === undefined) return undefined;
  const outcome = findCaller(req, plan, world, now);
  if ('failure' in outcome) {
    if (plan.anonymous) return undefined;
    throw outcome.failure();
  }
  const { caller } = outcome;
  const user = caller.user as (U & AuthUser) | undefined;
  if (!user || caller.method === 'admin-key' || caller.method === 'legacy-stats-key') return caller;
  const rejected =
    (plan.restricted === 'reject' && isRestricted(user)) ||
    (plan.restricted === 'reject-pending' && user.pendingDeletion) ||
    (plan.restricted === 'anonymous' && isRestricted(user));
  if (!rejected) return caller;
  if (plan.restricted === 'anonymous') return undefined;
  throw fromTemplate(UNAUTHORIZED);
}

function findCaller<U extends AuthUser>(req: AuthRequest, plan: SecurityPlan, world: CredentialLookup<U>, now: number): Outcome<U> {
  const fail = (): Outcome<U> => ({
    failure: () => (plan.doorkeeper ? fromTemplate(OAUTH_INVALID_TOKEN) : new ApiError(401, plan.unauthorizedBody)),
  });
  const header = req.authorization;
  const match = header === undefined ? undefined : /^\s*(\S+)(?:\s+(.*))?$/s.exec(header);
  const scheme = match?.[1]?.toLowerCase();
  const token = match?.[2]?.trim() || undefined;

  if (plan.legacyStatsKey) {
    // The last word of the header, or (where the operation reads it) `?api_key` without a header.
    const last = header === undefined && plan.legacyStatsKeyQuery ? req.apiKeyParam : header?.trim().split(/\s+/).pop();
    if (world.legacyStatsKey !== undefined && last === world.legacyStatsKey)
      return { caller: { user: undefined, method: 'legacy-stats-key' } };
    return fail();
  }
  if (scheme === 'bearer') {
    if (plan.adminKey) {
      // Admin keys must be `Bearer <key>` with spaces only (a tab is rejected).
      const exact = /^Bearer +(\S+)$/i.exec(header ?? '');
      const owner = exact?.[1] === undefined ? undefined : world.adminKeyOwner(exact[1]);
      if (owner) return { caller: { user: owner, method: 'admin-key' } };
    }
    if (!token) return fail();
    if (plan.apiKeyBearer) {
      const user = world.userByApiKey(token);
      if (user) return { caller: { user, method: 'api-key-bearer' } };
    }
    if (plan.oauthScopes.length > 0) return oauth(token, plan, world, now);
    return fail();
  }
  if (scheme === 'basic' && plan.apiKeyBasic) {
    const key = token === undefined ? undefined : strictBase64Decode(token);
    const user = key === undefined ? undefined : world.userByApiKey(key);
    return user ? { caller: { user, method: 'api-key-basic' } } : fail();
  }
  if (plan.apiKeyQuery && scheme !== 'basic' && req.apiKeyParam !== undefined) {
    const user = world.userByApiKey(req.apiKeyParam);
    if (user) return { caller: { user, method: 'api-key-query' } };
  }
  return fail();
}

function oauth<U extends AuthUser>(token: string, plan: SecurityPlan, world: CredentialLookup<U>, now: number): Outcome<U> {
  const grant = world.oauthGrant(token);
  const refuse = (doorkeeper: () => ApiError): Outcome<U> => ({
    failure: () => (plan.doorkeeper ? doorkeeper() : new ApiError(401, plan.unauthorizedBody)),
  });
  if (!grant) return refuse(() => fromTemplate(OAUTH_INVALID_TOKEN));
  if (grant.revokedAt !== null && grant.revokedAt <= now) return refuse(() => fromTemplate(OAUTH_REVOKED_TOKEN));
  if (grant.expiresAt !== null && grant.expiresAt <= now) return refuse(() => fromTemplate(OAUTH_EXPIRED_TOKEN));
  const satisfied = plan.oauthScopes.some((needed) => needed.every((s) => grant.scopes.includes(s)));
  if (satisfied) return { caller: { user: grant.user, method: 'oauth', scopes: grant.scopes, token } };
  const missing = plan.oauthScopes[0]?.find((s) => !grant.scopes.includes(s)) ?? 'profile';
  return refuse(() => fromTemplate(oauthInsufficientScope(missing)));
}
