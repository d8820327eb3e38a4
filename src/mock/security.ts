/**
 * @module
 * What an operation's `security` (and its `x-restricted-users`) asks of a caller, worked out once
 * per operation at start-up.
 */
import { type IndexedOperation, responseFor } from '../spec/operations.js';

/**
 * How the real server treats a restricted user (trust level red, or a pending deletion request) whose
 * credential is otherwise valid: `allow` (WakaTime-compatible endpoints), `reject` (401), `reject-pending`
 * (401 only for pending deletion; banned users pass), `anonymous` (the credential is ignored).
 */
type RestrictedPolicy = 'allow' | 'reject' | 'reject-pending' | 'anonymous';

export interface SecurityPlan {
  anonymous: boolean;
  /** The admin API's Rails token authentication (`AdminToken`): admin keys, then admin-scoped OAuth tokens. */
  adminApi: boolean;
  apiKeyBearer: boolean;
  apiKeyBasic: boolean;
  apiKeyQuery: boolean;
  adminKey: boolean;
  legacyStatsKey: boolean;
  legacyStatsKeyQuery: boolean;
  /** Scopes of each OAuth alternative (any one alternative suffices); empty when OAuth is not accepted. */
  oauthScopes: string[][];
  /** Failures answer like Doorkeeper (empty body, WWW-Authenticate) rather than `{"error":"Unauthorized"}`. */
  doorkeeper: boolean;
  /** The JSON body of a refused credential: the first example of the operation's documented 401. */
  unauthorizedBody: unknown;
  restricted: RestrictedPolicy;
}

const POLICIES: readonly RestrictedPolicy[] = ['allow', 'reject', 'reject-pending', 'anonymous'];
const KNOWN_SCHEMES = new Set([
  'ApiKeyBearer',
  'ApiKeyBasic',
  'ApiKeyQuery',
  'OAuth2',
  'AdminKeyBearer',
  'LegacyStatsKey',
  'LegacyStatsKeyQuery',
  'AdminToken',
]);

export function securityPlan(op: IndexedOperation): SecurityPlan {
  const plan: SecurityPlan = {
    anonymous: op.security.length === 0,
    adminApi: false,
    apiKeyBearer: false,
    apiKeyBasic: false,
    apiKeyQuery: false,
    adminKey: false,
    legacyStatsKey: false,
    legacyStatsKeyQuery: false,
    oauthScopes: [],
    doorkeeper: false,
    unauthorizedBody: Object.values(responseFor(op, 401)?.content[0]?.examples ?? {})[0] ?? {
      error: 'Unauthorized',
    },
    restricted: 'reject',
  };
  for (const requirement of op.security) {
    const schemes = Object.keys(requirement);
    if (schemes.length === 0) plan.anonymous = true;
    if (schemes.length > 1)
      throw new Error(`${op.operationId}: a security requirement combines ${schemes.join(' + ')}; list them as alternatives`);
    for (const scheme of schemes) {
      if (!KNOWN_SCHEMES.has(scheme)) throw new Error(`${op.operationId}: unknown security scheme ${scheme}`);
      if (scheme === 'ApiKeyBearer') plan.apiKeyBearer = true;
      if (scheme === 'ApiKeyBasic') plan.apiKeyBasic = true;
      if (scheme === 'ApiKeyQuery') plan.apiKeyQuery = true;
      if (scheme === 'AdminKeyBearer') plan.adminKey = true;
      if (scheme === 'AdminToken') plan.adminApi = true;
      if (scheme === 'LegacyStatsKey') plan.legacyStatsKey = true;
      if (scheme === 'LegacyStatsKeyQuery') plan.legacyStatsKeyQuery = true;
      if (scheme === 'OAuth2') plan.oauthScopes.push(requirement[scheme] ?? []);
    }
  }
  plan.doorkeeper = plan.oauthScopes.length > 0 && !plan.apiKeyBearer && !plan.apiKeyBasic && !plan.anonymous;
  const policy = op.extensions['x-restricted-users'];
  if (policy !== undefined) {
    if (!POLICIES.includes(policy as RestrictedPolicy))
      throw new Error(`${op.operationId}: x-restricted-users must be one of ${POLICIES.join(', ')}`);
    plan.restricted = policy as RestrictedPolicy;
  } else if (plan.anonymous) {
    plan.restricted = 'anonymous';
  }
  return plan;
}
