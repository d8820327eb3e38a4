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
import { ApiError, fromTemplate, INTERNAL_ERROR_PAGE, NOT_FOUND_PAGE } from './errors.js';
import { type FaultOptions, faults } from './faults.js';
import type { HandlerMap } from './handler.js';
import { handlers as defaultHandlers } from './handlers/index.js';
import { renderReply, replyFromError } from './render.js';
import { answerRequest, type MountPlan, planOperation } from './request-steps.js';
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
 * const app = buildApp({ state: new MockState(createWorld({ seed: 42, now })), clock: fixedClock(now) });
 * const res = await app.request('/api/v1/users/demo/stats');
 */
export function buildApp(options: MockAppOptions): Hono {
  const { onUnexpectedError } = options;
  const app = new Hono();
  // Preflights as a route and faults only when asked for: no middleware on the hot path.
  app.options('/api/*', corsPreflight);
  if (options.faults?.latency || options.faults?.faultRate)
    app.use('/api/*', faults({ ...options.faults, seed: options.state.world.seed }));
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
  state: MockState;
  clock: Clock;
  spec: LoadedSpec;
  handlers: HandlerMap;
  bodyLimit?: number;
}

/** One route per operation of `spec`, each answered by its handler in `handlers` (see `request-steps.ts`). */
export function mountOperations(app: Hono, options: MountOptions): void {
  const { state, clock, spec, handlers, bodyLimit = 1024 * 1024 } = options;
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
  for (const op of [...spec.operations].sort(routeOrder)) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`operation without a handler: ${op.operationId}`);
    const plan = planOperation(mount, op, handler);
    app.on(op.method.toUpperCase(), honoPath(op), (c) => answerRequest(plan, c));
  }
}
