/**
 * @module
 * The mock's Hono app. The spec is the route table: one route per operation, its handler found by
 * operationId (checked both ways at build time), authentication, parameters and example answers read
 * from the spec. Each request goes: Prefer code → credentials → access checks → parameters → body →
 * Prefer example/dynamic → the world's answer.
 */
import { type Context, Hono } from 'hono';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { type LoadedSpec, loadSpec } from '../spec/load.js';
import type { IndexedOperation } from '../spec/operations.js';
import { validatorFor } from '../spec/validator.js';
import type { Clock } from '../world/clock.js';
import type { World } from '../world/store.js';
import { authenticate } from './auth.js';
import { baseHeaders, corsPreflight } from './cors.js';
import { credentialLookup } from './credentials.js';
import { dynamicBody } from './dynamic.js';
import { ApiError, fromTemplate, INTERNAL_ERROR_PAGE, NOT_FOUND_PAGE } from './errors.js';
import { type FaultOptions, faults, withFault } from './faults.js';
import type { HandlerMap, MockReply, RequestContext } from './handler.js';
import { handlers as defaultHandlers } from './handlers/index.js';
import { type Negotiation, negotiateBody, negotiateCode, type PreferHeader, parsePrefer } from './negotiate.js';
import { render, renderReply, replyFromError, toResponse } from './render.js';
import { readBody } from './request-body.js';
import { checkInput, inputPlan } from './request-input.js';
import { type CacheSlot, ResponseCache, whoAsks } from './response-cache.js';
import { honoPath, routeOrder } from './routes.js';
import { securityPlan } from './security.js';

export interface MockAppOptions {
  world: World;
  clock: Clock;
  seed: number;
  spec?: LoadedSpec;
  handlers?: HandlerMap;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Mounts extra routes (the admin API) before the spec's. */
  extend?: (app: Hono) => void;
  /** Called with every uncaught error before it becomes a 500. */
  onUnexpectedError?: (err: unknown, c: Context) => void;
  /** Latency and random faults on `/api/*` (off by default; `Prefer: delay`/`fault` always work). */
  faults?: Omit<FaultOptions, 'seed'>;
}

/** Checks that every operation has a handler and every handler an operation. */
function checkHandlers(operations: readonly IndexedOperation[], handlers: HandlerMap): void {
  const ids = new Set(operations.map((op) => op.operationId));
  const missing = [...ids].filter((id) => !(id in handlers));
  const unknown = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  if (unknown.length > 0) throw new Error(`handlers without an operation: ${unknown.join(', ')}`);
}

/**
 * Builds the mock.
 * @example
 * const app = buildApp({ world: createWorld({ seed: 42, now }), clock: fixedClock(now), seed: 42 });
 * const res = await app.request('/api/v1/users/demo/stats');
 */
export function buildApp(options: MockAppOptions): Hono {
  const { onUnexpectedError } = options;
  const app = new Hono();
  // Preflights as a route and faults only when asked for: no middleware on the hot path.
  app.options('/api/*', corsPreflight);
  if (options.faults?.latency || options.faults?.faultRate) app.use('/api/*', faults({ ...options.faults, seed: options.seed }));
  app.onError((err, c) => {
    if (err instanceof ApiError) return renderReply(replyFromError(err), baseHeaders(c.req.path));
    onUnexpectedError?.(err, c);
    return renderReply(replyFromError(fromTemplate(INTERNAL_ERROR_PAGE)), baseHeaders(c.req.path));
  });
  app.notFound((c) => renderReply(replyFromError(fromTemplate(NOT_FOUND_PAGE)), baseHeaders(c.req.path)));
  options.extend?.(app);
  mountOperations(app, { ...options, spec: options.spec ?? loadSpec(), handlers: options.handlers ?? defaultHandlers });
  return app;
}

export interface MountOptions {
  world: World;
  clock: Clock;
  seed: number;
  spec: LoadedSpec;
  handlers: HandlerMap;
  bodyLimit?: number;
}

/** One route per operation of `spec`, each answered by its handler in `handlers`. */
export function mountOperations(app: Hono, options: MountOptions): void {
  const { world, clock, seed, spec, handlers, bodyLimit = 1024 * 1024 } = options;
  checkHandlers(spec.operations, handlers);
  const validator = validatorFor(spec.document);
  const credentials = credentialLookup(world);
  const cache = new ResponseCache(5_000);

  for (const op of [...spec.operations].sort(routeOrder)) {
    const security = securityPlan(op);
    const input = inputPlan(op);
    const handler = handlers[op.operationId]!;
    const base = baseHeaders(op.path);
    const cacheable = op.method === 'get' && op.extensions['x-no-cache'] !== true;

    app.on(op.method.toUpperCase(), honoPath(op), function operation(c) {
      const prefer = parsePrefer(headerOf(c, 'prefer'));
      if (prefer.delay !== undefined || prefer.fault !== undefined)
        return withFault(c, prefer.fault, prefer.delay ?? 0, async () => answer(c, prefer));
      return answer(c, prefer);
    });

    /**
     * Synchronous up to the cache: a cached answer goes out without a promise, which lets the node
     * server write it at once (an async handler costs each request its round of microtasks).
     */
    function answer(c: Context, prefer: PreferHeader): Response | Promise<Response> {
      const forced = negotiateCode(op, prefer);
      if (forced?.kind === 'example') return renderReply(exampleReply(forced), base);

      const now = clock.now();
      const href = c.req.url;
      // Parsed only when needed: a cached answer needs the URL as a string alone.
      let parsed: URL | undefined;
      const url = () => (parsed ??= new URL(href));
      const readsApiKey = security.apiKeyQuery || security.legacyStatsKeyQuery;
      const caller =
        op.security.length === 0
          ? undefined
          : authenticate(
              {
                authorization: headerOf(c, 'authorization'),
                apiKeyParam: readsApiKey ? (url().searchParams.get('api_key') ?? undefined) : undefined,
              },
              security,
              credentials,
              now,
            );
      const version = world.version;
      const slot =
        cacheable && prefer.example === undefined && !prefer.dynamic
          ? { who: whoAsks(caller), version, second: Math.floor(now / 1000) }
          : undefined;
      const hit = slot === undefined ? undefined : cache.get(href, slot);
      if (hit) return toResponse(hit);
      return compute(c, prefer, { now, href, url, caller, version, slot });
    }

    interface Pending {
      now: number;
      href: string;
      url: () => URL;
      caller: RequestContext['caller'];
      version: number;
      slot: CacheSlot | undefined;
    }

    async function compute(c: Context, prefer: PreferHeader, { now, href, url, caller, version, slot }: Pending): Promise<Response> {
      const ctx: RequestContext = {
        op,
        world,
        now,
        caller,
        path: decodedParams(c.req.param() as Record<string, string>),
        query: {},
        search: url().searchParams,
        headers: c.req.raw.headers,
        body: undefined,
        contentType: c.req.header('content-type'),
        remoteAddress: remoteAddress(c),
      };
      handler.access?.(ctx);
      ctx.query = checkInput(input, ctx, validator);
      if (op.requestBody) ctx.body = await readBody(c.req.raw, bodyLimit);

      const negotiation = negotiateBody(op, prefer);
      const reply = negotiation.kind === 'world' ? await handler.handle(ctx) : negotiatedReply(spec.document, negotiation, seed, url());
      const rendered = render(reply, base);
      // A reply computed while the world changed under it is not kept.
      if (slot !== undefined && reply.status < 500 && world.version === version) cache.set(href, slot, rendered);
      return toResponse(rendered);
    }
  }
}

function negotiatedReply(document: OpenAPIObject, negotiation: Exclude<Negotiation, { kind: 'world' }>, seed: number, url: URL): MockReply {
  if (negotiation.kind === 'example') return exampleReply(negotiation);
  return { status: negotiation.status, json: dynamicBody(document, negotiation.schemaPointer, seed, `${url.pathname}${url.search}`) };
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

function decodedParams(params: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    try {
      out[name] = decodeURIComponent(value);
    } catch {
      out[name] = value;
    }
  }
  return out;
}

function remoteAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
}
