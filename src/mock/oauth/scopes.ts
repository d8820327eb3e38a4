/**
 * @module
 * Hackatime's OAuth scopes (`default_scopes "profile"`, `optional_scopes "read", "admin"`) and
 * Doorkeeper's rules for a requested scope string.
 */
import type { OAuthScope } from '../../world/types.js';
import { isBlankString } from '../rails/ruby/blank.js';

const SERVER_SCOPES: readonly OAuthScope[] = ['profile', 'read', 'admin'];
const DEFAULT_SCOPE: OAuthScope = 'profile';

export const isScope = (value: string): value is OAuthScope => (SERVER_SCOPES as readonly string[]).includes(value);

/** An app with no configured scopes may ask for any server scope. */
const allowedFor = (appScopes: readonly OAuthScope[]) => (appScopes.length === 0 ? SERVER_SCOPES : appScopes);

/** The scope string in effect: the request's, or, when blank, the default scope if the app allows it. */
export function effectiveScope(requested: string | undefined, appScopes: readonly OAuthScope[]): string {
  if (!isBlankString(requested)) return requested;
  return allowedFor(appScopes).includes(DEFAULT_SCOPE) ? DEFAULT_SCOPE : '';
}

/**
 * The scopes of a valid scope string, de-duplicated in request order, or `undefined` when it is
 * blank, holds a tab or newline, or names a scope the app may not have.
 */
export function grantableScopes(scope: string, appScopes: readonly OAuthScope[]): OAuthScope[] | undefined {
  if (isBlankString(scope) || /[\n\r\t]/.test(scope)) return undefined;
  const allowed = allowedFor(appScopes);
  const out: OAuthScope[] = [];
  for (const name of scope.trim().split(/\s+/)) {
    if (!isScope(name) || !allowed.includes(name)) return undefined;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

export const sameScopes = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

/** What the consent page says each scope allows (Hackatime's locale). */
export const SCOPE_DESCRIPTIONS: Readonly<Record<OAuthScope, string>> = {
  profile: 'Access your basic profile info (user ID, emails, Slack ID, GitHub username)',
  read: 'View your coding activity, heartbeats and stats',
  admin: 'Access the Admin API on your behalf (user management, trust actions, heartbeats, and other internal tools)',
};
