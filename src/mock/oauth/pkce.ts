/**
 * @module
 * PKCE (RFC 7636) as the local mock checks it. Production Hackatime accepts and ignores
 * `code_challenge`/`code_verifier` (its database has no PKCE columns); the mock verifies them
 * whenever the authorization request carried a challenge, so a client's PKCE code is exercised.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type ChallengeMethod = 'S256' | 'plain';

/**
 * The method of a challenge: absent means `plain` (RFC 7636 §4.3); anything but `S256` or `plain`
 * is `undefined`, an invalid request.
 */
export function challengeMethod(method: string | undefined): ChallengeMethod | undefined {
  if (method === undefined || method === '') return 'plain';
  return method === 'S256' || method === 'plain' ? method : undefined;
}

const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** Whether `verifier` answers the challenge. */
export function verifierMatches(challenge: { value: string; method: ChallengeMethod }, verifier: string): boolean {
  const expected = Buffer.from(challenge.value);
  const actual = Buffer.from(challenge.method === 'S256' ? s256(verifier) : verifier);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
