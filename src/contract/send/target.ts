/**
 * @module
 * Resolves the target before the first case: credentials and variables (`username`, `email`,
 * `slack_uid`, `project`, …). Pointed at the hackatime-kit mock, the runner reads them from
 * `GET /__mock/credentials` (the demo user, the admin's key, the demo's OAuth tokens), so no flag is
 * needed; for any other server they come from flags, environment and `--vars`. Given values always
 * win over detected ones. The one part of setting up a run that talks to the server.
 */
import { UsageError } from '../../spec/errors.js';
import { ConnectionError } from '../errors.js';
import type { Credentials, OAuthToken } from '../plan/auth.js';
import { seededHex } from '../plan/seeded.js';
import { CONTRACT_PROJECT, type Target, variable } from '../plan/variables.js';
import type { RunContext } from '../run-context.js';
import { send } from './send.js';

/** What resolving the target reads: the run's sending options and seed, and the options that name credentials and variables. */
export type TargetInput = Pick<RunContext, 'baseUrl' | 'headers' | 'timeoutMs' | 'retries' | 'seed' | 'spec'> & {
  credentials: {
    apiKey?: string | undefined;
    adminKey?: string | undefined;
    oauthToken?: string | undefined;
    legacyStatsKey?: string | undefined;
  };
  /** `Authorization: Bearer` for `/__mock/*` of a mock that requires its admin token (one bound off loopback). */
  mockAdminToken?: string | undefined;
  variables: Record<string, string>;
  /** Read `/__mock/credentials` when the server has it. */
  detectMock: boolean;
  /** The real clock (injectable for tests). */
  now: () => number;
};

interface MockUser {
  id?: unknown;
  username?: unknown;
  email?: unknown;
  slack_uid?: unknown;
  roles?: unknown;
  api_keys?: unknown;
  admin_keys?: unknown;
  oauth_tokens?: unknown;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const hasRole = (u: MockUser, role: string): boolean => strings(u.roles).includes(role);

interface Detected {
  credentials: Credentials;
  variables: Record<string, string>;
  now: number | undefined;
  users: string[];
}

function fromMockCredentials(body: unknown): Detected | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { users, now, legacy_stats_key: legacy } = body as { users?: unknown; now?: unknown; legacy_stats_key?: unknown };
  if (!Array.isArray(users)) return undefined;
  const list = users as MockUser[];
  const demo = list.find((u) => hasRole(u, 'demo')) ?? list.find((u) => strings(u.api_keys).length > 0);
  // The admin API has superadmin-only routes: a superadmin's key reaches every route an admin's does.
  const admin = ['superadmin', 'admin'].map((role) => list.find((u) => hasRole(u, role) && strings(u.admin_keys).length > 0)).find(Boolean);
  // The demo's tokens, then those of the admin key's owner (an `admin`-scoped one, on the mock).
  const holders = [demo, admin];
  const tokens: OAuthToken[] = holders
    .flatMap((u) => (Array.isArray(u?.oauth_tokens) ? (u.oauth_tokens as Record<string, unknown>[]) : []))
    .filter((t) => typeof t['token'] === 'string' && t['revoked'] !== true && t['expired'] !== true)
    .map((t) => ({ token: t['token'] as string, scopes: strings(t['scopes']) }));
  const variables: Record<string, string> = {};
  for (const [name, value] of [
    ['username', demo?.username],
    ['email', demo?.email],
    ['slack_uid', demo?.slack_uid],
  ] as const) {
    if (typeof value === 'string' && value !== '') variables[name] = value;
  }
  // The admin API names users by their numeric id.
  if (typeof demo?.id === 'number') variables['user_numeric_id'] = String(demo.id);
  const credentials: Credentials = { oauthTokens: tokens };
  const apiKey = strings(demo?.api_keys)[0];
  const adminKey = strings(admin?.admin_keys)[0];
  if (apiKey) credentials.apiKey = apiKey;
  if (adminKey) credentials.adminKey = adminKey;
  if (typeof legacy === 'string') credentials.legacyStatsKey = legacy;
  const parsedNow = typeof now === 'string' ? Date.parse(now) : NaN;
  const usernames = list.map((u) => u.username).filter((u): u is string => typeof u === 'string' && u !== '');
  return { credentials, variables, now: Number.isNaN(parsedNow) ? undefined : parsedNow, users: usernames };
}

/** Asks the server for `/__mock/credentials`; also proves the server answers at all. */
async function probe(input: TargetInput): Promise<Detected | undefined> {
  // The token goes to /__mock/credentials only: the API's own requests never carry it.
  const headers: Record<string, string> = input.mockAdminToken ? { Authorization: `Bearer ${input.mockAdminToken}` } : {};
  const outcome = await send({ method: 'GET', path: '/__mock/credentials', query: [], headers }, input);
  if (outcome.kind === 'timeout') throw new ConnectionError(`cannot reach ${input.baseUrl}: no answer within ${input.timeoutMs} ms`);
  if (outcome.kind === 'network') throw new ConnectionError(`cannot reach ${input.baseUrl}: ${outcome.message}`);
  if (input.mockAdminToken && outcome.response.status === 401)
    throw new UsageError(`${input.baseUrl}/__mock/credentials refused the admin token (--admin-token): check it against the mock's banner`);
  if (!input.detectMock || outcome.response.status !== 200) return undefined;
  try {
    return fromMockCredentials(JSON.parse(outcome.response.text));
  } catch {
    return undefined;
  }
}

/** The names of `getUserProjects` for `username` with this query, or undefined when it does not answer 200. */
async function projectNames(input: TargetInput, username: string, query: [string, string][]): Promise<string[] | undefined> {
  const op = input.spec.byOperationId.get('getUserProjects');
  if (!op) return undefined;
  const path = op.path.replace('{username}', encodeURIComponent(username));
  const outcome = await send({ method: 'GET', path, query, headers: {} }, input);
  if (outcome.kind !== 'response' || outcome.response.status !== 200) return undefined;
  try {
    return strings((JSON.parse(outcome.response.text) as { projects?: unknown }).projects);
  } catch {
    return undefined;
  }
}

/**
 * A project of the user to fill `{project}` with, from the API itself (`getUserProjects`). The plan
 * sends project rows with windows from `today-6` to `today` (optional-cases.ts), and a project
 * without heartbeats in its window is a 404 (`found nuthin`): so the project is one the user coded on
 * in the six whole days before today, and only when there is none, any project of the user's.
 */
async function discoverProject(input: TargetInput, username: string, today: string): Promise<string | undefined> {
  const recent = await projectNames(input, username, [
    ['since', variable({ variables: {}, today }, 'today-6') ?? today],
    ['until', today],
  ]);
  // A name that routes as one path segment, is not a placeholder such as <<LAST_PROJECT>>, and is
  // not the project of the runner's own test heartbeats (all test entries, so no coded time).
  const usable = (names: string[] | undefined) => names?.find((p) => /^[^/.<>?#%\s]+$/u.test(p) && !p.startsWith(CONTRACT_PROJECT));
  return usable(recent) ?? usable(await projectNames(input, username, []));
}

export async function resolveTarget(input: TargetInput): Promise<Target> {
  const detected = await probe(input);
  const given = input.credentials;
  const credentials: Credentials = {
    oauthTokens: given.oauthToken ? [{ token: given.oauthToken, scopes: undefined }] : (detected?.credentials.oauthTokens ?? []),
  };
  const apiKey = given.apiKey ?? detected?.credentials.apiKey;
  const adminKey = given.adminKey ?? detected?.credentials.adminKey;
  const legacy = given.legacyStatsKey ?? detected?.credentials.legacyStatsKey;
  if (apiKey) credentials.apiKey = apiKey;
  if (adminKey) credentials.adminKey = adminKey;
  if (legacy) credentials.legacyStatsKey = legacy;

  const variables: Record<string, string> = { ...detected?.variables, ...input.variables };
  const now = detected?.now ?? input.now();
  const today = new Date(now).toISOString().slice(0, 10);
  const username = variables['username'];
  if (variables['project'] === undefined && username !== undefined) {
    const project = await discoverProject(input, username, today);
    if (project !== undefined) variables['project'] = project;
  }
  variables['unknown_user'] ??= `hackatime-kit-nobody-${seededHex(input.seed, 'unknown-user', 10)}`;
  const secrets = [
    credentials.apiKey,
    credentials.adminKey,
    credentials.legacyStatsKey,
    input.mockAdminToken,
    ...credentials.oauthTokens.map((t) => t.token),
  ];
  return {
    baseUrl: input.baseUrl,
    credentials,
    variables,
    today,
    source: detected ? 'hackatime-kit mock (credentials from /__mock/credentials)' : 'flags, environment and --vars',
    secrets: secrets.filter((s): s is string => s !== undefined),
    ...(detected ? { users: detected.users } : {}),
  };
}
