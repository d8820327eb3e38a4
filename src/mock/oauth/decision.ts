/**
 * @module
 * What follows a valid authorization request: the user approves (a one-use code goes back to the
 * app) or denies (`access_denied` goes back), and how any answer travels to the redirect URI —
 * query, fragment, auto-posted form, or the code page for the out-of-band URI.
 */

import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import type { MockReply } from '../handler.js';
import { displayName } from '../rails/present/display-names.js';
import { errorBody, errorStatus, failure, type OAuthFailure } from './errors.js';
import { type ConsentUser, codePage, errorPage, formPostPage } from './pages.js';
import { adminUserRefusal, type Delivery, type ValidAuthorization } from './pre-authorization.js';
import { OOB_URI, withParams } from './redirect-uri.js';
import type { OAuthServer } from './server.js';

type Outcome = { code: string } | { failure: OAuthFailure };

/** Sends the outcome to the app the way the request asked. */
export function deliver(to: Delivery, outcome: Outcome): MockReply {
  if (to.redirectUri === OOB_URI) {
    // Nothing to redirect to: the code is shown, an error is rendered as JSON (Doorkeeper's render branch).
    return 'code' in outcome
      ? codePage(outcome.code)
      : { status: errorStatus(outcome.failure), json: errorBody(outcome.failure, to.state) };
  }
  const params =
    'code' in outcome
      ? { code: outcome.code, state: to.state }
      : { error: outcome.failure.error, error_description: outcome.failure.description, state: to.state };
  if (to.responseMode === 'form_post') return formPostPage(to.redirectUri, params);
  return { status: 302, headers: { Location: withParams(to.redirectUri, params, to.responseMode === 'fragment' ? 'fragment' : 'query') } };
}

/** The Cancel button, or `Prefer: oauth=deny`. */
export const deny = (to: Delivery): MockReply => deliver(to, { failure: failure('access_denied') });

const originOf = (headers: Headers) => `http://${headers.get('host') ?? 'localhost'}`;

/** ApplicationController's lockout, before anything else: a user who asked to be deleted goes to `/deletion`. */
export const lockout = (user: User, headers: Headers): MockReply | undefined =>
  user.pendingDeletion ? { status: 302, headers: { Location: `${originOf(headers)}/deletion` } } : undefined;

/** The user approves: Hackatime's admin rule for users, then a code (10 minutes, one use, with the PKCE challenge) goes back to the app. */
export function approve(server: OAuthServer, request: ValidAuthorization, user: User, now: number): MockReply {
  const refusal = adminUserRefusal(request, user.adminLevel);
  if (refusal) return errorPage(refusal, 403);
  const code = server.nextSecret('code');
  server.addCode({
    code,
    clientId: request.app.clientId,
    userId: user.id,
    redirectUri: request.redirectUri,
    scopes: request.scopes,
    challenge: request.challenge,
    createdAt: now,
    usedAt: null,
  });
  return deliver({ redirectUri: request.redirectUri, responseMode: request.responseMode, state: request.state }, { code });
}

/** A user named by id (digits) or username; `undefined` picks the demo user. */
export function chosenUser(world: World, given: string | undefined): User | undefined {
  const wanted = given?.trim();
  if (wanted === undefined || wanted === '') return world.userByUsername(world.roles.demo);
  return (/^\d+$/.test(wanted) ? world.userById(Number(wanted)) : undefined) ?? world.userByUsername(wanted);
}

/** The consent page's user picker: every world user, with the roles tests and demos look for. */
export function consentUsers(world: World): ConsentUser[] {
  const roleNames = new Map<string, string[]>();
  for (const [role, holder] of Object.entries(world.roles)) {
    for (const name of Array.isArray(holder) ? holder : [holder]) roleNames.set(name, [...(roleNames.get(name) ?? []), role]);
  }
  return world.users.map((user) => {
    const roles = roleNames.get(user.username ?? '') ?? [];
    const handle = user.username === null ? `#${user.id}` : `@${user.username}`;
    return { id: user.id, label: `${displayName(user)} (${handle})${roles.length > 0 ? ` — ${roles.join(', ')}` : ''}` };
  });
}

export type PreferredDecision = 'approve' | 'deny' | undefined;

/**
 * The headless controls: `Prefer: oauth=approve` / `oauth=deny` and `oauth-user=<username or id>`;
 * `--oauth-auto-approve` makes approval the default.
 */
export function preferredDecision(headers: Headers, autoApprove: boolean): { decision: PreferredDecision; user: string | undefined } {
  let decision: PreferredDecision = autoApprove ? 'approve' : undefined;
  let user: string | undefined;
  for (const part of (headers.get('prefer') ?? '').split(/[,;]/)) {
    const [rawKey, ...rest] = part.split('=');
    const key = rawKey?.trim().toLowerCase();
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    if (key === 'oauth' && (value === 'approve' || value === 'deny')) decision = value;
    if (key === 'oauth-user' && value !== '') user = value;
  }
  return { decision, user };
}
