/**
 * @module
 * How a case authenticates: each security alternative of the spec maps to one credential and one
 * way of sending it. A case needing a credential the run was not given is skipped, saying which.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import { seededHex } from './seeded.js';

export interface OAuthToken {
  token: string;
  /** Unknown for a token given on the command line: then it is assumed to carry any scope. */
  scopes: string[] | undefined;
}

export interface Credentials {
  apiKey?: string;
  adminKey?: string;
  oauthTokens: OAuthToken[];
  legacyStatsKey?: string;
}

export interface Alternative {
  /** The security scheme's name, or `none` for anonymous access. */
  scheme: string;
  scopes: string[];
}

export type AppliedAuth = { headers: Record<string, string>; query: [string, string][] } | { missing: string };

const ANONYMOUS: Alternative = { scheme: 'none', scopes: [] };

/** The operation's security alternatives in spec order (`none` for `{}` or no security at all). */
export function alternativesOf(op: IndexedOperation): Alternative[] {
  if (op.security.length === 0) return [ANONYMOUS];
  return op.security.map((req) => {
    const [scheme] = Object.keys(req);
    return scheme === undefined ? ANONYMOUS : { scheme, scopes: req[scheme] ?? [] };
  });
}

export const allowsAnonymous = (op: IndexedOperation): boolean => alternativesOf(op).some((a) => a.scheme === 'none');

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` }, query: [] });

export function applyAuth(alt: Alternative, creds: Credentials): AppliedAuth {
  switch (alt.scheme) {
    case 'none':
      return { headers: {}, query: [] };
    case 'ApiKeyBearer':
      return creds.apiKey ? bearer(creds.apiKey) : { missing: 'needs --api-key' };
    case 'ApiKeyBasic':
      return creds.apiKey
        ? { headers: { Authorization: `Basic ${Buffer.from(creds.apiKey).toString('base64')}` }, query: [] }
        : { missing: 'needs --api-key' };
    case 'ApiKeyQuery':
      return creds.apiKey ? { headers: {}, query: [['api_key', creds.apiKey]] } : { missing: 'needs --api-key' };
    case 'AdminKeyBearer':
    case 'AdminToken':
      return creds.adminKey ? bearer(creds.adminKey) : { missing: 'needs --admin-key' };
    case 'LegacyStatsKey':
      return creds.legacyStatsKey ? bearer(creds.legacyStatsKey) : { missing: 'needs --legacy-stats-key' };
    case 'OAuth2': {
      const token = creds.oauthTokens.find((t) => t.scopes === undefined || alt.scopes.every((s) => t.scopes!.includes(s)));
      const scopes = alt.scopes.length > 0 ? ` with scope ${alt.scopes.join(' ')}` : '';
      return token ? bearer(token.token) : { missing: `needs --oauth-token${scopes}` };
    }
    default:
      return { missing: `security scheme ${alt.scheme} is not supported by the runner` };
  }
}

/** A well-formed credential of the same kind that no server can know (derived from the seed). */
export function invalidAuth(alt: Alternative, seed: number): { headers: Record<string, string>; query: [string, string][] } {
  const hex = seededHex(seed, `invalid-${alt.scheme}`, 64);
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  switch (alt.scheme) {
    case 'ApiKeyBasic':
      return { headers: { Authorization: `Basic ${Buffer.from(uuid).toString('base64')}` }, query: [] };
    case 'ApiKeyQuery':
      return { headers: {}, query: [['api_key', uuid]] };
    case 'AdminKeyBearer':
    case 'AdminToken':
      return bearer(`hka_${hex}`);
    case 'ApiKeyBearer':
      return bearer(uuid);
    default:
      return bearer(`hackatime-kit-invalid-${hex.slice(0, 32)}`);
  }
}
