/**
 * Shared pieces of the OAuth tests: the seed apps, a spec conformance check for every answer, and
 * the few requests each flow repeats. PKCE values are computed here independently of the mock.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import type { MockTarget } from '../helpers/mock.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);

/** The seed apps of fixtures/oauth-apps.json, as a developer would copy them from the README. */
export const WEB_APP = { id: 'demo-web-app', secret: 'demo-web-app-secret', redirect: 'http://localhost:3000/auth/callback' };
export const CLI_APP = { id: 'demo-cli', secret: 'demo-cli-secret', redirect: 'http://127.0.0.1:8765/callback' };
export const ADMIN_APP = {
  id: 'demo-admin-console',
  secret: 'demo-admin-console-secret',
  redirect: 'http://localhost:3000/admin/callback',
};

export const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
export const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** RFC 7636 §4.2, written out here rather than imported from the mock. */
export const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
export const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

export const INVALID_GRANT =
  'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.';
export const INVALID_CLIENT =
  'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body when it is JSON. */
  json: unknown;
}

/**
 * Checks an answer against its operation: the status is documented, the media type is one of the
 * status's, a JSON body validates, and every documented header that is sent (or required) validates.
 */
export async function conforming(operationId: string, res: Response): Promise<Answer> {
  const op = spec.byOperationId.get(operationId)!;
  const text = await res.text();
  const response = op.responses.find((r) => r.status === String(res.status));
  expect(response, `${operationId} answered an undocumented ${res.status}: ${text.slice(0, 200)}`).toBeDefined();
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  let json: unknown;
  // Doorkeeper's 401/403 have no body (and no content type) even where the status also documents one.
  const bodiless = text === '' && res.headers.get('content-type') === null;
  if (response!.content.length > 0 && !bodiless) {
    const media = response!.content.find((m) => m.mediaType === type);
    expect(media, `${operationId} ${res.status} sent ${type}`).toBeDefined();
    const value = type === 'application/json' ? (json = JSON.parse(text) as unknown) : text;
    const result = validator.validate(media!.schemaPointer!, value);
    expect(result.ok ? [] : result.issues, `${operationId} ${res.status} body`).toEqual([]);
  } else {
    expect(text, `${operationId} ${res.status} has no documented body`).toBe('');
  }
  for (const [name, header] of Object.entries(response!.headers)) {
    const value = res.headers.get(name);
    if (value === null) {
      expect(header.required, `${operationId} ${res.status} lacks the required ${name}`).toBe(false);
      continue;
    }
    if (header.schemaPointer === undefined) continue;
    const result = validator.validate(header.schemaPointer, value);
    expect(result.ok ? [] : result.issues, `${operationId} ${res.status} header ${name}: ${value}`).toEqual([]);
  }
  return { status: res.status, headers: res.headers, text, json };
}

export interface AuthorizeParams {
  client_id?: string;
  redirect_uri?: string;
  response_type?: string;
  scope?: string;
  state?: string;
  response_mode?: string;
  code_challenge?: string;
  code_challenge_method?: string;
}

function authorizePath(params: AuthorizeParams): string {
  const search = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  return `/oauth/authorize?${search.toString()}`;
}

/** GET /oauth/authorize, checked against the spec. */
export async function authorize(t: MockTarget, params: AuthorizeParams, prefer?: string): Promise<Answer> {
  const res = await t.fetch(authorizePath(params), {
    redirect: 'manual',
    ...(prefer === undefined ? {} : { headers: { Prefer: prefer } }),
  });
  return conforming('authorizeOAuthApp', res);
}

/** POST /oauth/authorize (the consent form), checked against the spec. */
export async function decide(t: MockTarget, fields: Record<string, string>): Promise<Answer> {
  const res = await t.fetch('/oauth/authorize', { method: 'POST', headers: FORM, body: form(fields), redirect: 'manual' });
  return conforming('decideOAuthAuthorization', res);
}

/** The query (or fragment) parameters of a redirect. */
export function redirectParams(answer: Answer, part: 'query' | 'fragment' = 'query'): URLSearchParams {
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get('location')!);
  return new URLSearchParams(part === 'query' ? location.search : location.hash.slice(1));
}

/** A fresh code approved at once (as `user`, default demo). */
export async function approvedCode(t: MockTarget, params: AuthorizeParams, user?: string): Promise<string> {
  const answer = await authorize(
    t,
    { response_type: 'code', ...params },
    `oauth=approve${user === undefined ? '' : `; oauth-user=${user}`}`,
  );
  const code = redirectParams(answer).get('code');
  expect(code, answer.text).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return code!;
}

/** POST /oauth/token with a form body (and optional headers), checked against the spec. */
export async function token(t: MockTarget, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await t.fetch('/oauth/token', { method: 'POST', headers: { ...FORM, ...headers }, body: form(fields) });
  return conforming('createOAuthToken', res);
}

/** POST /oauth/revoke with a form body (and optional headers), checked against the spec. */
export async function revokeToken(t: MockTarget, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await t.fetch('/oauth/revoke', { method: 'POST', headers: { ...FORM, ...headers }, body: form(fields) });
  return conforming('revokeOAuthToken', res);
}

/** The OAuth error a token-endpoint answer carries, with the challenge that must repeat it. */
export function expectOAuthError(answer: Answer, status: number, error: string, description: string): void {
  expect({ status: answer.status, body: answer.json }).toEqual({ status, body: { error, error_description: description } });
  expect(answer.headers.get('www-authenticate')).toBe(`Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`);
  expect(answer.headers.get('cache-control')).toBe('no-store');
}

export const basicAuth = (id: string, secret: string) => ({ Authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
