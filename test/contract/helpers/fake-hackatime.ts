/**
 * A stand-in Hackatime server for four operations, answering from the spec's own examples, with
 * one deliberate mutation at a time: the mutation tests check that the runner catches each one.
 */
import type { ContractOptions } from '../../../src/contract/options.js';
import { floatsOf } from '../../../src/mock/float-json.js';
import { loadSpec } from '../../../src/spec/load.js';
import type { TestReply, TestRequest } from './test-server.js';

export const API_KEY = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';
export const OAUTH_TOKEN = 'fake-oauth-token-with-read-scope';
export const ADMIN_KEY = `hka_${'5e'.repeat(32)}`;
export const USERNAME = 'orpheus';
export const SLACK_UID = 'U0266FRGP';
/** The operations the fake serves for the domain rules (`x-invariants`). */
export const INVARIANT_OPERATIONS = ['getStatusbarToday', 'getUserStats', 'getLeaderboard'];
/** The operations the fake serves for the checks over any answer. */
export const FAKE_OPERATIONS = ['getUserTrustFactor', 'getCurrentUser', 'getSummaries', 'getMyMostRecentHeartbeat', 'lookupUserBySlackUid'];

/** How the tests point the runner at the fake: its operations, credentials and variables. */
export const fakeRunOptions = (baseUrl: string): ContractOptions => ({
  baseUrl,
  includeOperationIds: FAKE_OPERATIONS,
  fixturesDir: null,
  seed: 7,
  apiKey: API_KEY,
  adminKey: ADMIN_KEY,
  oauthToken: OAUTH_TOKEN,
  variables: { username: USERNAME, slack_uid: SLACK_UID },
  // Far above any answer of a local server, however busy the machine: only a server that never
  // answers may time out.
  timeoutMs: 30_000,
});

export type Mutation =
  | 'none'
  | 'wrong-type'
  | 'missing-required'
  | 'undocumented-status'
  | 'wrong-content-type'
  | 'server-error'
  | 'slow'
  | 'non-json'
  | 'dropped-auth'
  | 'missing-header'
  | 'invalid-header'
  | 'accepts-invalid-param'
  | 'undocumented-property'
  | 'unknown-user-found'
  | 'leaks-api-key'
  | 'admin-lookup-leaks'
  | 'statusbar-text-disagrees'
  | 'ignores-limit'
  | 'unsorted-leaderboard'
  | 'statusbar-ahead-of-summary'
  | 'breaks-on-optional-parameter'
  | 'no-crash-on-negative-limit'
  | 'throttles-once'
  | 'empty-body'
  | 'drops-cors'
  | 'integer-floats';

const spec = loadSpec();

function example(operationId: string, status: string, name?: string): unknown {
  const media = spec.byOperationId.get(operationId)!.responses.find((r) => r.status === status)!.content[0]!;
  return structuredClone(name === undefined ? Object.values(media.examples)[0] : media.examples[name]);
}

const PAGE_NOT_FOUND = example('getCurrentUser', '404');
const UNAUTHORIZED = example('getCurrentUser', '401');
const INTERNAL_ERROR = example('getUserStats', '500');

function authenticated(req: TestRequest, oauth: boolean): boolean {
  const header = req.headers.authorization;
  if (header === `Bearer ${API_KEY}` || header === `Basic ${Buffer.from(API_KEY).toString('base64')}`) return true;
  if (oauth && header === `Bearer ${OAUTH_TOKEN}`) return true;
  return header === undefined && req.url.searchParams.get('api_key') === API_KEY;
}

const isDate = (v: string | null): boolean => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v));

/** The correct answers. */
function correct(req: TestRequest, mutation: Mutation): TestReply {
  const path = req.url.pathname;
  const segment = (n: number) => decodeURIComponent(path.split('/')[n] ?? '');
  let m: RegExpExecArray | null;
  if ((m = /^\/api\/v1\/users\/([^/]+)\/trust_factor$/.exec(path))) {
    if (segment(4).includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (segment(4) !== USERNAME && mutation !== 'unknown-user-found') return { status: 404, json: { error: 'User not found' } };
    return { status: 200, json: example('getUserTrustFactor', '200', 'green') };
  }
  if ((m = /^\/api\/hackatime\/v1\/users\/([^/]+)$/.exec(path))) {
    if (m[1]!.includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (!authenticated(req, false) && mutation !== 'dropped-auth') return { status: 401, json: UNAUTHORIZED };
    return { status: 200, json: example('getCurrentUser', '200') };
  }
  if ((m = /^\/api\/hackatime\/v1\/users\/([^/]+)\/summaries$/.exec(path))) {
    if (m[1]!.includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (!authenticated(req, false)) return { status: 401, json: UNAUTHORIZED };
    const valid = isDate(req.url.searchParams.get('start')) && isDate(req.url.searchParams.get('end'));
    if (!valid && mutation !== 'accepts-invalid-param') return { status: 400, json: example('getSummaries', '400', 'invalidDates') };
    // The example's one day, moved into the requested window.
    const body = example('getSummaries', '200') as { data: { range: { date: string } }[]; start: string; end: string };
    const [start, end] = [req.url.searchParams.get('start'), req.url.searchParams.get('end')];
    if (!valid || start === null || end === null) return { status: 200, json: body };
    for (const day of body.data) day.range.date = start;
    if (mutation === 'breaks-on-optional-parameter' && req.url.searchParams.has('timezone')) {
      // Only when the optional parameter is sent: the answer loses a required part.
      const { cumulative_total: _, ...rest } = body as typeof body & { cumulative_total: unknown };
      return { status: 200, json: { ...rest, start, end } };
    }
    return { status: 200, json: { ...body, start, end } };
  }
  if ((m = /^\/api\/v1\/users\/lookup_slack_uid\/([^/]+)$/.exec(path))) {
    if (m[1]!.includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (req.headers.authorization !== `Bearer ${ADMIN_KEY}`) return { status: 401, json: UNAUTHORIZED };
    if (segment(5) !== SLACK_UID) return { status: 404, json: { error: 'User not found', slack_uid: segment(5) } };
    return { status: 200, json: example('lookupUserBySlackUid', '200') };
  }
  if ((m = /^\/api\/hackatime\/v1\/users\/([^/]+)\/statusbar\/today$/.exec(path))) {
    if (m[1]!.includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (!authenticated(req, false)) return { status: 401, json: UNAUTHORIZED };
    // Today's total of the summaries example ("Today", 5430 s), so the two answers agree.
    return { status: 200, json: { data: { grand_total: { text: '1h 30m', total_seconds: 5430 } } } };
  }
  if ((m = /^\/api\/v1\/users\/([^/]+)\/stats$/.exec(path))) {
    if (m[1]!.includes('.')) return { status: 404, json: PAGE_NOT_FOUND };
    if (segment(4) !== USERNAME) return { status: 404, json: { error: 'User not found' } };
    // The real server's documented crash; a compatible server may answer a documented 4xx instead.
    if (Number(req.url.searchParams.get('limit')) < 0)
      return mutation === 'no-crash-on-negative-limit'
        ? { status: 422, json: { error: 'Invalid limit' } }
        : { status: 500, json: INTERNAL_ERROR };
    return { status: 200, json: example('getUserStats', '200', 'withProjects') };
  }
  if (path === '/api/v1/leaderboard')
    return { status: 200, json: example('getLeaderboard', '200'), headers: { 'Cache-Control': 'max-age=0, private, must-revalidate' } };
  if (path === '/api/v1/my/heartbeats/most_recent') {
    if (!authenticated(req, true)) return { status: 401, json: UNAUTHORIZED };
    return { status: 200, json: example('getMyMostRecentHeartbeat', '200'), headers: { 'Cache-Control': 'no-store' } };
  }
  return { status: 404, json: PAGE_NOT_FOUND };
}

/** The trust factor's successful answer, broken as `mutation` says. */
function breakTrustFactor(reply: TestReply, mutation: Mutation): TestReply {
  const body = reply.json as Record<string, unknown>;
  switch (mutation) {
    case 'wrong-type':
      return { ...reply, json: { ...body, trust_value: String(body['trust_value']) } };
    case 'missing-required':
      return { ...reply, json: { trust_value: body['trust_value'] } };
    case 'undocumented-status':
      return { ...reply, status: 418 };
    case 'wrong-content-type':
      return { status: 200, text: JSON.stringify(body), headers: { 'Content-Type': 'text/html; charset=utf-8' } };
    case 'server-error':
      return { status: 500, json: INTERNAL_ERROR };
    case 'slow':
      return { ...reply, hold: true };
    case 'non-json':
      return { status: 200, text: '<html>oops</html>', headers: { 'Content-Type': 'application/json' } };
    case 'undocumented-property':
      return { ...reply, json: { ...body, karma: 12 } };
    default:
      return reply;
  }
}

/** A successful body that breaks a rule of its operation's `x-invariants`, as `mutation` says; else undefined. */
function breakDomainRule(path: string, json: unknown, mutation: Mutation): unknown {
  const body = structuredClone(json) as { data: Record<string, unknown>; entries?: { total_seconds: number }[] };
  if (mutation === 'statusbar-text-disagrees' && path.endsWith('/statusbar/today')) {
    (body.data['grand_total'] as { total_seconds: number }).total_seconds = 9000;
    return body;
  }
  if (mutation === 'statusbar-ahead-of-summary' && path.endsWith('/statusbar/today')) {
    // Consistent in itself, ten minutes ahead of today's summary.
    body.data['grand_total'] = { text: '1h 40m', total_seconds: 6030 };
    return body;
  }
  if (mutation === 'ignores-limit' && path.endsWith('/stats')) {
    // Five languages, each consistent in itself, whatever `limit` asked for.
    const first = (body.data['languages'] as object[])[0];
    const rows: [number, string, string][] = [
      [9000, '2h 30m', '02:30:00'],
      [5820, '1h 37m', '01:37:00'],
      [3600, '1h', '01:00:00'],
      [1800, '30m', '00:30:00'],
      [600, '10m', '00:10:00'],
    ];
    body.data['languages'] = rows.map(([total_seconds, text, digital], i) => ({
      ...first,
      name: `Language ${i}`,
      total_seconds,
      text,
      digital,
    }));
    return body;
  }
  if (mutation === 'unsorted-leaderboard' && path === '/api/v1/leaderboard' && body.entries) {
    const totals = body.entries.map((e) => e.total_seconds).reverse();
    for (const [i, entry] of body.entries.entries()) entry.total_seconds = totals[i]!;
    return body;
  }
  return undefined;
}

/** Rack::Attack's answer to a throttled request (reference, "Rate limiting"). */
const THROTTLED: TestReply = {
  status: 429,
  json: { error: 'Rate limit exceeded', message: 'Woah there, way too fast, take a chill pill speedy gonzales!', retry_after: 1 },
  headers: { 'Retry-After': '1' },
};

/**
 * The fake as a server: rack-cors's `Access-Control-Allow-Origin: *` on every `/api/*` answer to a
 * request with an Origin (config/initializers/cors.rb), unless the mutation drops it.
 */
export function fakeHackatime(getMutation: () => Mutation): (req: TestRequest) => TestReply {
  const answer = fakeAnswers(getMutation);
  return (req) => {
    const reply = getMutation() === 'integer-floats' ? answer(req) : withFloats(req, answer(req));
    const cors = req.url.pathname.startsWith('/api/') && req.headers.origin !== undefined && getMutation() !== 'drops-cors';
    return cors ? { ...reply, headers: { ...reply.headers, 'Access-Control-Allow-Origin': '*' } } : reply;
  };
}

/** The served operations with their path templates as patterns (a segment parameter matches one segment). */
const SERVED = [...FAKE_OPERATIONS, ...INVARIANT_OPERATIONS].map((id) => {
  const op = spec.byOperationId.get(id)!;
  return { op, pattern: new RegExp(`^${op.path.replace(/\{[^}]+\}/g, '[^/]+')}$`) };
});

/**
 * A JSON answer written as the server writes it, whole Floats with `.0` (Oj in Rails mode); the
 * `integer-floats` mutation skips this and writes them as `JSON.stringify` does.
 */
function withFloats(req: TestRequest, reply: TestReply): TestReply {
  const served = SERVED.find((s) => s.pattern.test(req.url.pathname));
  const floats = served && floatsOf(spec.document, served.op)(reply.status);
  return reply.json === undefined || floats === undefined ? reply : { ...reply, floats };
}

function fakeAnswers(getMutation: () => Mutation): (req: TestRequest) => TestReply {
  let throttled = false;
  return (req) => {
    const mutation = getMutation();
    if (mutation === 'throttles-once' && !throttled) {
      throttled = true;
      return THROTTLED;
    }
    const reply = correct(req, mutation);
    const path = req.url.pathname;
    if (path === `/api/v1/users/${USERNAME}/trust_factor` && reply.status === 200) return breakTrustFactor(reply, mutation);
    if (path === '/api/v1/my/heartbeats/most_recent' && reply.status === 200) {
      if (mutation === 'missing-header') return { ...reply, headers: {} };
      if (mutation === 'invalid-header') return { ...reply, headers: { 'Cache-Control': 'public, max-age=60' } };
    }
    if (mutation === 'leaks-api-key' && /^\/api\/hackatime\/v1\/users\/[^/]+$/.test(path) && reply.status === 200) {
      // Echoes the caller's key where an integer belongs, so the key lands in a finding's "received".
      return { ...reply, json: { ...(reply.json as object), data: { ...(reply.json as { data: object }).data, id: API_KEY } } };
    }
    if (mutation === 'empty-body' && reply.status === 200 && reply.json !== undefined) return { ...reply, json: {} };
    if (reply.status === 200) {
      const broken = breakDomainRule(path, reply.json, mutation);
      if (broken !== undefined) return { ...reply, json: broken };
    }
    if (mutation === 'admin-lookup-leaks' && path.startsWith('/api/v1/users/lookup_slack_uid/') && reply.status === 200) {
      return { ...reply, json: { ...(reply.json as object), email: 'orpheus@hackclub.com', api_key: API_KEY } };
    }
    return reply;
  };
}
