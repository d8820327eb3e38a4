/**
 * @module
 * What a handler of one operation receives and returns. Handlers live in `handlers/`, one file per
 * tag, in a map keyed by operationId.
 */
import type { IndexedOperation } from '../spec/operations.js';
import type { World } from '../world/store.js';
import type { User } from '../world/types.js';
import type { Caller } from './auth.js';
import type { MockReply } from './reply.js';
import type { MockState } from './state.js';

export { json, type MockReply } from './reply.js';

export interface RequestContext {
  op: IndexedOperation;
  /** The mock's mutable state: the world, the OAuth server, counters, claims and caches. */
  state: MockState;
  /** `state.world`, which most handlers read alone. */
  world: World;
  /** The instant of this request, epoch ms (the world's clock). */
  now: number;
  caller: Caller<User> | undefined;
  /** Path parameters, URL-decoded. */
  path: Record<string, string>;
  /** Declared query parameters that were sent, validated and coerced to their schema types. */
  query: Record<string, unknown>;
  /** The raw query string, for the server's lenient "first parseable of" parameters. */
  search: URLSearchParams;
  headers: Headers;
  /** The request body (parsed JSON for a JSON content type, else text); `undefined` without one. */
  body: unknown;
  contentType: string | undefined;
  /** The remote address of the client, as the server sees it. */
  remoteAddress: string;
}

export interface OperationHandler {
  /**
   * Checks that run before parameters are validated, as the real server orders them (e.g. the
   * target user exists and shows public stats). Throws an ApiError.
   */
  access?(ctx: RequestContext): void;
  handle(ctx: RequestContext): MockReply | Promise<MockReply>;
}

export type HandlerMap = Readonly<Record<string, OperationHandler>>;
