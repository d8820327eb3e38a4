/**
 * @module
 * Heartbeat ingestion, single and bulk: what WakaTime clients and wakatime-cli post. An accepted
 * heartbeat is part of the world for the very next request; with a data file, the answer waits until
 * it is on disk.
 */
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { bulkHeartbeats, type PermittedHeartbeat, singleHeartbeat } from '../ingest/heartbeat-body.js';
import { type IngestOutcome, ingestHeartbeats } from '../ingest/ingest.js';
import { ingestRequestOf } from '../ingest/request-context.js';

/** `check_lockout`: after authentication, before the body is looked at. */
const lockout = ({ caller }: RequestContext): void => {
  if (caller?.user?.pendingDeletion) throw error(403, 'Account pending deletion');
};

async function ingest(ctx: RequestContext, items: readonly (PermittedHeartbeat | undefined)[]): Promise<IngestOutcome[]> {
  const user = ctx.caller?.user;
  if (!user) throw new Error('heartbeat ingest without an authenticated user');
  const outcomes = ingestHeartbeats(ctx.world, user.id, items, ingestRequestOf(ctx));
  ctx.state.ingest.count(outcomes);
  // Acknowledge nothing that a crash could still lose (one flush for the whole batch).
  if (outcomes.some((o) => o.ok && o.created)) await ctx.world.flushed();
  return outcomes;
}

const bodyInput = (ctx: RequestContext) => ({ body: ctx.body, contentType: ctx.contentType, search: ctx.search });

const postHeartbeat: OperationHandler = {
  access: lockout,
  async handle(ctx) {
    const [outcome] = await ingest(ctx, [singleHeartbeat(bodyInput(ctx))]);
    if (!outcome) throw new Error('no outcome for the heartbeat');
    return outcome.ok ? json(outcome.row, 202) : json(outcome.failure.body, 422);
  },
};

const postHeartbeatsBulk: OperationHandler = {
  access: lockout,
  async handle(ctx) {
    const outcomes = await ingest(ctx, bulkHeartbeats(bodyInput(ctx)));
    return json({ responses: outcomes.map((o) => (o.ok ? [o.row, 201] : [o.failure.body, 422])) }, 201);
  },
};

export const heartbeatsHandlers = { postHeartbeat, postHeartbeatsBulk };
