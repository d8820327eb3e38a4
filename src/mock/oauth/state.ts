/**
 * @module
 * The authorization server's memory, one per world: registered apps, pending authorization codes,
 * and which app every issued token belongs to. Handlers only see the world, so the state is found
 * through it; the tokens themselves live in the world, where authentication looks them up.
 */
import { createHash } from 'node:crypto';
import type { World } from '../../world/store.js';
import type { OAuthScope } from '../../world/types.js';
import { loadSeedApps, type OAuthApp, type OAuthAppDraft, OAuthAppError } from './apps.js';

/** One authorization code (Doorkeeper's access grant). */
export interface AuthorizationCode {
  code: string;
  clientId: string;
  userId: number;
  /** The redirect URI of the authorization request, as requested. */
  redirectUri: string;
  scopes: OAuthScope[];
  /** PKCE, when the request carried a challenge. */
  challenge: { value: string; method: 'S256' | 'plain' } | null;
  createdAt: number;
  usedAt: number | null;
}

/** A token this server issued: its app and creation time, which the world's token does not record. */
export interface IssuedToken {
  token: string;
  clientId: string;
  /** `null` for a `client_credentials` token, which belongs to the app alone. */
  userId: number | null;
  scopes: OAuthScope[];
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface OAuthOptions {
  /** Extra apps, registered after the seed apps. */
  apps?: readonly OAuthAppDraft[];
  /** `GET /oauth/authorize` approves valid requests at once, as the demo user. */
  autoApprove?: boolean;
}

/** Doorkeeper's `authorization_code_expires_in` default. */
export const CODE_LIFETIME_MS = 10 * 60 * 1000;

/** Codes kept before used and expired ones are swept out. */
const SWEEP_ABOVE = 10_000;

export class OAuthState {
  readonly apps = new Map<string, OAuthApp>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly issued = new Map<string, IssuedToken>();
  autoApprove = false;
  private counter = 0;

  constructor(private readonly seed: number) {
    for (const app of loadSeedApps()) this.apps.set(app.clientId, { ...app, redirectUris: [...app.redirectUris], scopes: [...app.scopes] });
  }

  /**
   * A fresh 43-character URL-safe string (Doorkeeper's length), derived from the seed and a
   * counter so that runs are reproducible.
   */
  nextSecret(kind: string): string {
    this.counter += 1;
    return createHash('sha256').update(`hackatime-kit:${this.seed}:${kind}:${this.counter}`).digest('base64url');
  }

  register(draft: OAuthAppDraft): OAuthApp {
    const clientId = draft.clientId ?? this.nextSecret('uid');
    if (this.apps.has(clientId)) throw new OAuthAppError(`client_id ${clientId} is already registered`);
    const app: OAuthApp = { ...draft, clientId, secret: draft.secret ?? this.nextSecret('secret') };
    this.apps.set(clientId, app);
    return app;
  }

  addCode(code: AuthorizationCode): void {
    if (this.codes.size >= SWEEP_ABOVE) {
      for (const [key, old] of this.codes)
        if (old.usedAt !== null || old.createdAt + CODE_LIFETIME_MS < code.createdAt) this.codes.delete(key);
    }
    this.codes.set(code.code, code);
  }
}

const states = new WeakMap<World, OAuthState>();

/** The authorization server of a world, with the seed apps on first use. */
export function oauthState(world: World): OAuthState {
  let state = states.get(world);
  if (!state) {
    state = new OAuthState(world.seed);
    states.set(world, state);
  }
  return state;
}

/** Applies start-up options (`--oauth-app`, `--oauth-auto-approve`) to a world's server. */
export function configureOAuth(world: World, options: OAuthOptions): OAuthState {
  const state = oauthState(world);
  for (const app of options.apps ?? []) state.register(app);
  if (options.autoApprove !== undefined) state.autoApprove = options.autoApprove;
  return state;
}
