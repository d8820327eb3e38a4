/**
 * @module
 * The mock's Hono app. The spec is the route table: one route per operation, its handler found by
 * operationId (checked both ways at build time), authentication, parameters and example answers read
 * from the spec. Each request goes: Prefer code → credentials → access checks → parameters → body →
 * Prefer example/dynamic → the world's answer.
 */
import { type Context, Hono } from 'hono';
import { type LoadedSpec, loadSpec } from '../spec/load.js';
import type { IndexedOperation } from '../spec/operations.js';
import { validatorFor } from '../spec/validator.js';
import type { Clock } from '../world/clock.js';
import { baseHeaders, corsPreflight } from './cors.js';
import { credentialLookup } from './credentials.js';
import { errorPageReply } from './error-page.js';
import { ApiError, fromTemplate, INTERNAL_ERROR_PAGE, NOT_FOUND_PAGE } from './errors.js';
import { type FaultOptions, faults } from './faults.js';
import type { HandlerMap, MockReply } from './handler.js';
import { handlers as defaultHandlers } from './handlers/index.js';
import { normalizePath } from './rails/scopes/route-recognition.js';
import { type RailsRouting, railsRouting } from './rails-path.js';
import { renderReply, replyFromError } from './render.js';
import { answerRequest, type MountPlan, planOperation } from './request-steps.js';
import { memoRouter } from './route-memo.js';
import { honoPath, routeOrder } from './routes.js';
import type { MockState } from './state.js';

export interface MockAppOptions {
  /** What the mock changes while it runs (its world among it); the seed is the world's. */
  state: MockState;
  clock: Clock;
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
  /**
   * Answer the operations the spec marks `x-removed` as they last did, for old clients; off, they are
   * unknown routes (the 404 page), as on the server today.
   */
  legacyEndpoints?: boolean;
}

/** Whether the mock mounts `op`: a removed operation only with `legacyEndpoints`. */
const isMounted = (op: IndexedOperation, legacyEndpoints: boolean) => legacyEndpoints || op.extensions['x-removed'] === undefined;

/** Checks that every operation has a handler and every handler an operation. */
function checkHandlers(operations: readonly IndexedOperation[], handlers: HandlerMap): void {
  const ids = new Set(operations.map((op) => op.operationId));
  const missing = [...ids].filter((id) => !(id in handlers));
  const unknown = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length > 0) throw new Error(`operations without a handler: ${missing.join(', ')}`);
  if (unknown.length > 0) throw new Error(`handlers without an operation: ${unknown.join(', ')}`);
}

/**
 * An error's reply: the errors controller's page, HTML or JSON as the request negotiates, for what
 * escapes a controller; the controller's own JSON for the rest. The mock's admin API answers JSON.
 */
function errorReply(err: ApiError, c: Context, routing: RailsRouting): MockReply {
  if (err.page === undefined || c.req.path.startsWith('/__mock/')) return replyFromError(err);
  return errorPageReply(err, {
    accept: c.req.header('accept'),
    xhr: c.req.header('x-requested-with')?.toLowerCase() === 'xmlhttprequest',
    path: normalizePath(new URL(c.req.url).pathname),
    routeFormat: err.page.routeFormat ? routing.recognized(c.req.raw)?.format : undefined,
  });
}

/**
 * Builds the mock.
 * @example
 * const app = buildApp({ state: new MockState(createWorld({ seed: 42, now })), clock: fixedClock(now) });
 * const res = await app.request('/api/v1/users/demo/stats');
 */
export function buildApp(options: MockAppOptions): Hono {
  const { onUnexpectedError } = options;
  const spec = options.spec ?? loadSpec();
  // Rails' router decides what reaches an action (format suffix, slashes, escaped dots).
  const legacyEndpoints = options.legacyEndpoints === true;
  const routing = railsRouting(spec.operations.filter((op) => isMounted(op, legacyEndpoints)));
  const app = new Hono({ getPath: routing.getPath, router: memoRouter() });
  // Preflights as a route and faults only when asked for: no middleware on the hot path.
  app.options('/api/*', corsPreflight);
  if (options.faults?.latency || options.faults?.faultRate)
    app.use('/api/*', faults({ ...options.faults, seed: options.state.world.seed }));
  const renderError = (err: ApiError, c: Context) => renderReply(errorReply(err, c, routing), baseHeaders(c.req.path));
  app.onError((err, c) => {
    if (err instanceof ApiError) return renderError(err, c);
    onUnexpectedError?.(err, c);
    return renderError(fromTemplate(INTERNAL_ERROR_PAGE), c);
  });
  app.notFound((c) => renderError(fromTemplate(NOT_FOUND_PAGE), c));
  options.extend?.(app);
  mountOperations(app, {
    ...options,
    spec,
    handlers: options.handlers ?? defaultHandlers,
    routing,
    mounts: (op) => isMounted(op, legacyEndpoints),
  });
  return app;
}

export interface MountOptions {
  state: MockState;
  clock: Clock;
  spec: LoadedSpec;
  handlers: HandlerMap;
  bodyLimit?: number;
  /**
   * The Rails routing the app was built with: an operation answers only what it recognised for
   * that operation (Hono's own match on an unrecognised path, `users/a.b/stats`, goes on to the 404).
   */
  routing?: RailsRouting;
  /** Which operations get a route (default: all); every operation still needs its handler. */
  mounts?: (op: IndexedOperation) => boolean;
}

/** One route per operation of `spec`, each answered by its handler in `handlers` (see `request-steps.ts`). */
export function mountOperations(app: Hono, options: MountOptions): void {
  const { state, clock, spec, handlers, bodyLimit = 1024 * 1024, routing, mounts = () => true } = options;
  checkHandlers(spec.operations, handlers);
  const mount: MountPlan = {
    state,
    clock,
    seed: state.world.seed,
    document: spec.document,
    validator: validatorFor(spec.document),
    credentials: credentialLookup(state, () => clock.now()),
    bodyLimit,
  };
  for (const op of [...spec.operations].filter(mounts).sort(routeOrder)) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`operation without a handler: ${op.operationId}`);
    const plan = planOperation(mount, op, handler);
    if (routing === undefined) app.on(op.method.toUpperCase(), honoPath(op), (c) => answerRequest(plan, c));
    else
      app.on(op.method.toUpperCase(), honoPath(op), (c, next) =>
        routing.recognized(c.req.raw)?.route.op === op ? answerRequest(plan, c) : next(),
      );
  }
}
