import { describe, expect, it } from 'vitest';
import { authenticate, type CredentialLookup, strictBase64Decode } from '../../src/mock/auth.js';
import { ApiError } from '../../src/mock/errors.js';
import { securityPlan } from '../../src/mock/security.js';
import { loadSpec } from '../../src/spec/load.js';

interface U {
  id: number;
  trustLevel: string;
  pendingDeletion: boolean;
}

const alice: U = { id: 1, trustLevel: 'green', pendingDeletion: false };
const banned: U = { id: 2, trustLevel: 'red', pendingDeletion: false };
const leaving: U = { id: 3, trustLevel: 'blue', pendingDeletion: true };
const admin: U = { id: 4, trustLevel: 'blue', pendingDeletion: false };
const NOW = 1_000_000;

const keys: Record<string, U> = { 'key-alice': alice, 'key-alic': alice, 'key-banned': banned, 'key-leaving': leaving };
const grants: Record<string, { user: U; scopes: string[]; revokedAt: number | null; expiresAt: number | null }> = {
  'tok-profile': { user: alice, scopes: ['profile'], revokedAt: null, expiresAt: null },
  'tok-read': { user: alice, scopes: ['profile', 'read'], revokedAt: null, expiresAt: null },
  'tok-readonly': { user: alice, scopes: ['read'], revokedAt: null, expiresAt: null },
  'tok-revoked': { user: alice, scopes: ['profile', 'read'], revokedAt: NOW - 1, expiresAt: null },
  'tok-expired': { user: alice, scopes: ['profile', 'read'], revokedAt: null, expiresAt: NOW - 1 },
  'tok-banned': { user: banned, scopes: ['profile', 'read'], revokedAt: null, expiresAt: null },
  'tok-leaving': { user: leaving, scopes: ['profile', 'read'], revokedAt: null, expiresAt: null },
};
const world: CredentialLookup<U> = {
  userByApiKey: (k) => keys[k],
  adminKeyOwner: (t) => (t === 'hka_good' ? admin : undefined),
  oauthGrant: (t) => grants[t],
  legacyStatsKey: 'legacy',
  adminApiCaller: () => undefined,
};

const spec = loadSpec();
const plan = (operationId: string) => securityPlan(spec.byOperationId.get(operationId)!);
const run = (operationId: string, authorization?: string, apiKeyParam?: string) =>
  authenticate({ authorization, apiKeyParam }, plan(operationId), world, NOW);

/** The error a request gets, as status + body + WWW-Authenticate. */
function failure(operationId: string, authorization?: string, apiKeyParam?: string) {
  try {
    run(operationId, authorization, apiKeyParam);
  } catch (err) {
    if (err instanceof ApiError) return { status: err.status, body: err.body, challenge: err.headers['WWW-Authenticate'] };
    throw err;
  }
  throw new Error('expected a failure');
}

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('WakaTime-compatible endpoints accept Bearer, Basic base64(key) and ?api_key', () => {
  it.each([
    ['Bearer key-alice', undefined, 'api-key-bearer'],
    ['bearer   key-alice', undefined, 'api-key-bearer'],
    [`Basic ${b64('key-alice')}`, undefined, 'api-key-basic'],
    [undefined, 'key-alice', 'api-key-query'],
    ['Token whatever', 'key-alice', 'api-key-query'],
  ])('%s / ?api_key=%s → %s', (authorization, param, method) => {
    expect(run('getCurrentUser', authorization, param)).toMatchObject({ user: alice, method });
  });

  it.each([
    ['no credentials', undefined, undefined],
    ['an unknown key', 'Bearer nope', undefined],
    ['a bare Bearer scheme, even with a valid ?api_key', 'Bearer', 'key-alice'],
    ['a Bearer header with a wrong key, even with a valid ?api_key', 'Bearer nope', 'key-alice'],
    ['Basic with a user: prefix', `Basic ${b64('user:key-alice')}`, undefined],
    ['Basic without its base64 padding', `Basic ${b64('key-alic').replace(/=+$/, '')}`, undefined],
    ['an OAuth token', 'Bearer tok-read', undefined],
  ])('refuse %s with 401 {"error":"Unauthorized"}', (_what, authorization, param) => {
    expect(failure('getCurrentUser', authorization, param)).toEqual({ status: 401, body: { error: 'Unauthorized' }, challenge: undefined });
  });

  it('let banned and leaving users in (the heartbeat POST refuses pending deletion itself)', () => {
    expect(run('getCurrentUser', 'Bearer key-banned')?.user).toBe(banned);
    expect(run('postHeartbeat', 'Bearer key-leaving')?.user).toBe(leaving);
  });
});

describe('my/heartbeats accepts Bearer and Basic keys or a read token', () => {
  it.each(['Bearer key-alice', `Basic ${b64('key-alice')}`, 'Bearer tok-read'])('%s', (authorization) => {
    expect(run('getMyHeartbeats', authorization)?.user).toBe(alice);
  });

  it.each([
    ['?api_key', undefined, 'key-alice'],
    ['a profile-only token', 'Bearer tok-profile', undefined],
    ['a banned user', 'Bearer key-banned', undefined],
    ['a user pending deletion', 'Bearer key-leaving', undefined],
  ])('refuse %s with the JSON 401', (_what, authorization, param) => {
    expect(failure('getMyHeartbeats', authorization, param)).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});

describe('authenticated/* answers like Doorkeeper', () => {
  const invalid = 'Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"';

  it.each([
    ['no token', undefined],
    ['an API key as Bearer', 'Bearer key-alice'],
    ['Basic credentials', `Basic ${b64('key-alice')}`],
  ])('%s → 401, empty body, invalid_token', (_what, authorization) => {
    expect(failure('getAuthenticatedHours', authorization)).toEqual({ status: 401, body: undefined, challenge: invalid });
  });

  it('a revoked or expired token says so', () => {
    expect(failure('getAuthenticatedMe', 'Bearer tok-revoked').challenge).toContain('The access token was revoked');
    expect(failure('getAuthenticatedMe', 'Bearer tok-expired').challenge).toContain('The access token expired');
  });

  it('a token without the scope → 403 insufficient_scope naming the scope in underscores', () => {
    expect(failure('getAuthenticatedHours', 'Bearer tok-profile')).toEqual({
      status: 403,
      body: undefined,
      challenge:
        'Bearer realm="Doorkeeper", error="insufficient_scope", error_description="Access to this resource requires scope _read_."',
    });
    expect(failure('getAuthenticatedMe', 'Bearer tok-readonly').challenge).toContain('_profile_');
  });

  it('restricted users get the JSON 401, except banned users on /me', () => {
    expect(failure('getAuthenticatedHours', 'Bearer tok-banned')).toMatchObject({
      status: 401,
      body: { error: 'Unauthorized' },
      challenge: undefined,
    });
    expect(run('getAuthenticatedMe', 'Bearer tok-banned')?.user).toBe(banned);
    expect(failure('getAuthenticatedMe', 'Bearer tok-leaving')).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});

describe('per-user stats: public, or the owner by Bearer key or read token', () => {
  it('no or bad credentials make the caller anonymous, never a 401', () => {
    expect(run('getUserStats')).toBeUndefined();
    expect(run('getUserStats', 'Bearer nope')).toBeUndefined();
    expect(run('getUserStats', `Basic ${b64('key-alice')}`)).toBeUndefined();
    expect(run('getUserStats', undefined, 'key-alice')).toBeUndefined();
    expect(run('getUserStats', 'Bearer tok-profile')).toBeUndefined();
    expect(run('getUserStats', 'Bearer key-banned')).toBeUndefined();
  });

  it('a key or a read token identifies the owner', () => {
    expect(run('getUserStats', 'Bearer key-alice')?.user).toBe(alice);
    expect(run('getUserStats', 'Bearer tok-read')?.user).toBe(alice);
  });
});

describe('admin keys', () => {
  it('are accepted only as "Bearer <key>" with spaces', () => {
    expect(run('getGlobalStats', 'Bearer hka_good')).toMatchObject({ user: admin, method: 'admin-key' });
    expect(failure('getGlobalStats', 'Bearer\thka_good').status).toBe(401);
    expect(failure('lookupUserByEmail', undefined, 'hka_good').status).toBe(401);
    expect(failure('lookupUserByEmail', 'Bearer key-alice')).toMatchObject({ status: 401, body: { error: 'Unauthorized' } });
  });
});

describe('strict base64', () => {
  it.each([
    ['a2V5', 'key'],
    ['a2V5LWFsaWNl', 'key-alice'],
    ['a2V5LWFsaWNl====', undefined],
    ['a2V5LWFsaWN', undefined],
    ['/w==', undefined],
    ['a2V5 LWFsaWNl', undefined],
  ])('%s → %s', (input, expected) => {
    expect(strictBase64Decode(input)).toBe(expected);
  });
});
