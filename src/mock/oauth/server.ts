/**
 * @module
 * The authorization server's memory, one per mock (owned by its `MockState`): registered apps,
 * pending authorization codes and the token store. `reset()` puts it back as it started: the seed apps
 * of `fixtures/oauth-apps.json` and the start-up ones, no codes, no issued tokens, and the secret
 * counter at zero, so that the same requests get the same codes and tokens again.
 */
import { sha256 } from '../../world/platform.js';
import type { World } from '../../world/store.js';
import type { OAuthScope } from '../../world/types.js';
import { base64urlOf } from '../bytes.js';
import { loadSeedApps, type OAuthApp, type OAuthAppDraft, OAuthAppError } from './apps.js';
import { OAuthTokenStore } from './token-store.js';

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

export class OAuthServer {
  readonly apps = new Map<string, OAuthApp>();
  readonly codes = new Map<string, AuthorizationCode>();
  readonly tokens: OAuthTokenStore;
  readonly autoApprove: boolean;
  private readonly seed: number;
  private readonly startApps: readonly OAuthAppDraft[];
  private counter = 0;

  constructor(world: World, options: OAuthOptions = {}) {
    this.seed = world.seed;
    this.tokens = new OAuthTokenStore(world);
    this.startApps = options.apps ?? [];
    this.autoApprove = options.autoApprove ?? false;
    this.reset();
  }

  /** Back to the apps it started with; codes and issued tokens are forgotten. */
  reset(): void {
    this.apps.clear();
    this.codes.clear();
    this.tokens.clear();
    this.counter = 0;
    for (const app of loadSeedApps()) this.apps.set(app.clientId, { ...app, redirectUris: [...app.redirectUris], scopes: [...app.scopes] });
    for (const draft of this.startApps) this.register(draft);
  }

  /**
   * A fresh 43-character URL-safe string (Doorkeeper's length), derived from the seed and a
   * counter so that runs are reproducible.
   */
  nextSecret(kind: string): string {
    this.counter += 1;
    return base64urlOf(sha256(`hackatime-kit:${this.seed}:${kind}:${this.counter}`));
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
