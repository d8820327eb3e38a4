/**
 * @module
 * PKCE (RFC 7636) as the local mock checks it. Production Hackatime accepts and ignores
 * `code_challenge`/`code_verifier` (its database has no PKCE columns); the mock verifies them
 * whenever the authorization request carried a challenge, so a client's PKCE code is exercised.
 */
import { sha256 } from '../../world/platform.js';
import { base64urlOf, sameBytes, utf8Bytes } from '../bytes.js';

export type ChallengeMethod = 'S256' | 'plain';

/**
 * The method of a challenge: absent means `plain` (RFC 7636 §4.3); anything but `S256` or `plain`
 * is `undefined`, an invalid request.
 */
export function challengeMethod(method: string | undefined): ChallengeMethod | undefined {
  if (method === undefined || method === '') return 'plain';
  return method === 'S256' || method === 'plain' ? method : undefined;
}

// Node's 'ascii' encoding writes the low byte of each UTF-16 unit (as 'latin1' does).
const s256 = (verifier: string) => base64urlOf(sha256(Uint8Array.from(verifier, (c) => c.charCodeAt(0) & 0xff)));

/** Whether `verifier` answers the challenge. */
export function verifierMatches(challenge: { value: string; method: ChallengeMethod }, verifier: string): boolean {
  const expected = utf8Bytes(challenge.value);
  const actual = utf8Bytes(challenge.method === 'S256' ? s256(verifier) : verifier);
  return sameBytes(expected, actual);
}
