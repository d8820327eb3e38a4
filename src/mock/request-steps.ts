/**
 * @module
 * The steps of answering one request, each a named function over its operation's plan (worked out
 * once, when the route is mounted): `Prefer: code=` → credentials → the response cache → access checks
 * → parameters → body → `Prefer: example=`/`dynamic=` or the world's answer → the cache again. A stack
 * trace names the step that threw; a test can call a step alone.
 */
import type { Context } from 'hono';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { IndexedOperation } from '../spec/operations.js';
import type { SpecValidator } from '../spec/validator.js';
import type { Clock } from '../world/clock.js';
import type { User } from '../world/types.js';
import { authenticate, type Caller, type CredentialLookup } from './auth.js';
import { baseHeaders } from './cors.js';
import { dynamicBody } from './dynamic.js';
import { withFault } from './faults.js';
import { type FloatsByStatus, floatsOf } from './float-json.js';
import type { MockReply, OperationHandler, RequestContext } from './handler.js';
import { type Negotiation, negotiateBody, negotiateCode, type PreferHeader, parsePrefer } from './negotiate.js';
import { render, renderReply, toResponse } from './render.js';
import { readBody } from './request-body.js';
import { checkInput, type InputPlan, inputPlan } from './request-input.js';
import { noteCaller } from './request-note.js';
import { type CacheSlot, whoAsks } from './response-cache.js';
import { type SecurityPlan, securityPlan } from './security.js';
import type { MockState } from './state.js';

/** What every operation of one mount shares. */
export interface MountPlan {
  state: MockState;
  clock: Clock;
  seed: number;
  document: OpenAPIObject;
  validator: SpecValidator;
  credentials: CredentialLookup<User>;
  /** Largest request body accepted, in bytes. */
  bodyLimit: number;
}

/** What answering one operation takes, worked out once when its route is mounted. */
export interface OperationPlan {
  mount: MountPlan;
  op: IndexedOperation;
  handler: OperationHandler;
  security: SecurityPlan;
  input: InputPlan;
  /** The headers every answer on this path carries. */
  base: Readonly<Record<string, string>>;
  /** A GET without `x-no-cache`: its answers are kept until the world changes. */
  cacheable: boolean;
  /** Where its JSON answers have Floats (`x-float`), by status. */
  floats: FloatsByStatus;
  /** Whether authentication reads `?api_key` (the URL is parsed only then, or on a cache miss). */
  readsApiKey: boolean;
}

/**
 * @example
 * const plan = planOperation(mount, spec.byId.get('getUserStats'), handlers.getUserStats);
 */
export function planOperation(mount: MountPlan, op: IndexedOperation, handler: OperationHandler): OperationPlan {
  const security = securityPlan(op);
  return {
    mount,
    op,
    handler,
    security,
    input: inputPlan(op),
    base: baseHeaders(op.path),
    cacheable: op.method === 'get' && op.extensions['x-no-cache'] !== true,
    readsApiKey: security.apiKeyQuery || security.legacyStatsKeyQuery,
    floats: floatsOf(mount.document, op),
  };
}

/** A request once the cache has been asked about it. */
interface Pending {
  /** The instant of the request, epoch ms (the mock's clock). */
  now: number;
  href: string;
  /** Parsed only when needed: a cached answer needs the URL as a string alone. */
  parsed: URL | undefined;
  caller: Caller<User> | undefined;
  /** The world's version when the request came in: an answer computed across a change is not kept. */
  version: number;
  slot: CacheSlot | undefined;
}

const urlOf = (request: Pending): URL => (request.parsed ??= new URL(request.href));

/** The route of one operation: `Prefer: delay=`/`fault=` wrap the answer, which is otherwise given at once. */
export function answerRequest(plan: OperationPlan, c: Context): Response | Promise<Response> {
  const prefer = parsePrefer(headerOf(c, 'prefer'));
  if (prefer.delay !== undefined || prefer.fault !== undefined)
    return withFault(c, prefer.fault, prefer.delay ?? 0, async () => answerFromCache(plan, c, prefer));
  return answerFromCache(plan, c, prefer);
}

/**
 * Synchronous up to the cache: a cached answer goes out without a promise, which lets the node
 * server write it at once (an async handler costs each request its round of microtasks).
 */
function answerFromCache(plan: OperationPlan, c: Context, prefer: PreferHeader): Response | Promise<Response> {
  const forced = negotiateCode(plan.op, prefer);
  if (forced?.kind === 'example') return renderReply(exampleReply(forced), plan.base, plan.floats);
  const { state } = plan.mount;
  const request: Pending = {
    now: plan.mount.clock.now(),
    href: c.req.url,
    parsed: undefined,
    caller: undefined,
    version: 0,
    slot: undefined,
  };
  // Scheduled jobs due by now run first: a shadow-ban past its expiry is lifted (staff/store.ts).
  state.staff.lapseShadowBans(request.now);
  request.caller = authenticateCaller(plan, c, request);
  noteCaller(c, request.caller?.user);
  request.version = state.world.version;
  request.slot = cacheSlot(plan, prefer, request);
  const hit = request.slot === undefined ? undefined : state.responses.get(request.href, request.slot);
  if (hit) return toResponse(hit);
  return answerFromWorld(plan, c, prefer, request);
}

/** The operation's `security`, applied to the request's credentials; throws the refusal. */
function authenticateCaller(plan: OperationPlan, c: Context, request: Pending): Caller<User> | undefined {
  if (plan.op.security.length === 0) return undefined;
  const credentials = {
    authorization: headerOf(c, 'authorization'),
    apiKeyParam: plan.readsApiKey ? (urlOf(request).searchParams.get('api_key') ?? undefined) : undefined,
  };
  return authenticate(credentials, plan.security, plan.mount.credentials, request.now);
}

/** Where the answer is kept: by who asks, the world's version and the second; none for a `Prefer` answer. */
function cacheSlot(plan: OperationPlan, prefer: PreferHeader, request: Pending): CacheSlot | undefined {
  if (!plan.cacheable || prefer.example !== undefined || prefer.dynamic) return undefined;
  return { who: whoAsks(request.caller), version: request.version, second: Math.floor(request.now / 1000) };
}

/** A cache miss: the checks the real server runs in its order, then the answer, kept when it may be. */
async function answerFromWorld(plan: OperationPlan, c: Context, prefer: PreferHeader, request: Pending): Promise<Response> {
  const ctx = requestContext(plan, c, request);
  checkAccess(plan, ctx);
  readParameters(plan, ctx);
  if (plan.op.requestBody) ctx.body = await readRequestBody(plan, c);
  const reply = await replyTo(plan, ctx, prefer, request);
  const rendered = render(reply, plan.base, plan.floats);
  // A reply computed while the world changed under it is not kept.
  const { state } = plan.mount;
  if (request.slot !== undefined && reply.status < 500 && state.world.version === request.version)
    state.responses.set(request.href, request.slot, rendered);
  return toResponse(rendered);
}

function requestContext(plan: OperationPlan, c: Context, request: Pending): RequestContext {
  const { state } = plan.mount;
  return {
    op: plan.op,
    state,
    world: state.world,
    now: request.now,
    caller: request.caller,
    // Hono unescapes each parameter once, as Rails does after matching (`Utils.unescape_uri`).
    path: c.req.param() as Record<string, string>,
    query: {},
    search: urlOf(request).searchParams,
    headers: c.req.raw.headers,
    body: undefined,
    contentType: c.req.header('content-type'),
    remoteAddress: remoteAddress(c),
  };
}

/** The handler's own checks (e.g. the target user shows public stats), before parameters. */
function checkAccess(plan: OperationPlan, ctx: RequestContext): void {
  plan.handler.access?.(ctx);
}

/** Declared query parameters against their schemas; a failure is answered per `x-invalid-response`. */
function readParameters(plan: OperationPlan, ctx: RequestContext): void {
  ctx.query = checkInput(plan.input, ctx, plan.mount.validator);
}

/** The body: size limit, then JSON or text by content type. */
function readRequestBody(plan: OperationPlan, c: Context): Promise<unknown> {
  return readBody(c.req.raw, plan.mount.bodyLimit);
}

/** The handler's answer from the world, or the documented example or generated body `Prefer` asks for. */
async function replyTo(plan: OperationPlan, ctx: RequestContext, prefer: PreferHeader, request: Pending): Promise<MockReply> {
  const negotiation = negotiateBody(plan.op, prefer);
  if (negotiation.kind === 'world') return plan.handler.handle(ctx);
  if (negotiation.kind === 'example') return exampleReply(negotiation);
  const { document, seed } = plan.mount;
  const url = urlOf(request);
  return { status: negotiation.status, json: await dynamicBody(document, negotiation.schemaPointer, seed, `${url.pathname}${url.search}`) };
}

function exampleReply(n: Extract<Negotiation, { kind: 'example' }>): MockReply {
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(n.response.headers)) {
    if (header.example !== undefined) headers[name] = String(header.example);
  }
  if (n.example === undefined) return { status: n.status, headers };
  if (n.mediaType !== undefined && !n.mediaType.includes('json')) {
    return { status: n.status, headers, text: { body: String(n.example), contentType: `${n.mediaType}; charset=utf-8` } };
  }
  return { status: n.status, headers, json: n.example };
}

/**
 * A request header, read from Node's own parsed headers when the request came over a socket:
 * asking the Fetch Request builds its whole Headers object, a cost every request would pay.
 */
function headerOf(c: Context, name: string): string | undefined {
  const incoming = (c.env as { incoming?: { headers: Record<string, string | string[] | undefined> } } | undefined)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
}
