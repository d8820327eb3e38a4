/**
 * @module
 * What `POST /api/internal/revoke` changed about the world's keys, owned by the `MockState`: user API
 * keys given a new token (`User#rotate_single_api_key!`, `app/models/user.rb:360-364` of
 * hackclub/hackatime: same row and name, a new UUID v4, the old token dead everywhere). (Admin keys it
 * revokes are the admin API's, `MockState.staff`.) Authentication reads the world's keys through this,
 * so a rotated key stops working on every endpoint at once.
 */
import { Random } from '../world/random.js';

/**
 * The key `POST /api/internal/revoke` takes, the server's `HKA_REVOCATION_KEY`: the mock's is this
 * one, or the `HKA_REVOCATION_KEY` of its environment (`createMock`'s `revocationKey`).
 */
export const DEMO_REVOCATION_KEY = 'demo-revocation-key';

/**
 * @example
 * const keys = new KeyRevocations(42);
 * const fresh = keys.rotate('11111111-1111-4111-8111-111111111111', 1);
 * keys.current('11111111-1111-4111-8111-111111111111'); // fresh
 */
export class KeyRevocations {
  /** Original (world) token → its current token. */
  private readonly rotated = new Map<string, string>();
  /** Current token of a rotated key → its owner's id. */
  private readonly owners = new Map<string, number>();
  private counter = 0;

  constructor(private readonly seed: number) {}

  /** Whether a token was rotated away: it no longer authenticates. */
  isDead(token: string): boolean {
    return this.rotated.has(token) && !this.owners.has(token);
  }

  /** The owner of a token a rotation gave out. */
  ownerOf(token: string): number | undefined {
    return this.owners.get(token);
  }

  /** The token a world key has now (itself when never rotated). */
  current(original: string): string {
    return this.rotated.get(original) ?? original;
  }

  /** Gives the key whose token is `token` (a world key or an earlier rotation) a new token. */
  rotate(token: string, ownerId: number): string {
    this.counter += 1;
    // Reproducible, like the OAuth server's secrets: the world's stream forked by the rotation's number.
    const fresh = new Random(this.seed).fork(`rotated-api-key:${this.counter}`).uuidV4();
    const original = [...this.rotated].find(([, now]) => now === token)?.[0] ?? token;
    this.owners.delete(token);
    this.rotated.set(token, fresh);
    this.rotated.set(original, fresh);
    this.owners.set(fresh, ownerId);
    return fresh;
  }

  reset(): void {
    this.rotated.clear();
    this.owners.clear();
    this.counter = 0;
  }
}
