/**
 * @module
 * A request's heartbeats into the world, as `HeartbeatIngest` does it: every item normalised first
 * (a failing item answers its own error and teaches later placeholders nothing), then the valid ones
 * inserted together — duplicates of stored rows (same fields_hash) return the stored row, and an
 * integer out of its column's range fails the insert, so every valid item of the request answers that
 * error and nothing is stored.
 */
import type { World } from '../../world/store.js';
import type { Heartbeat } from '../../world/types.js';
import type { PermittedHeartbeat } from './heartbeat-body.js';
import { IngestFailure } from './ingest-error.js';
import { type IngestRequest, type NormalisedHeartbeat, normaliseHeartbeat } from './normalise.js';
import { newPlaceholderState } from './placeholders.js';

export type IngestOutcome = { ok: true; row: Heartbeat; created: boolean } | { ok: false; failure: IngestFailure };

/** Anything but an IngestFailure is a bug, not a rejected heartbeat. */
function asFailure(err: unknown): IngestFailure {
  if (err instanceof IngestFailure) return err;
  throw err;
}

/**
 * One outcome per item, in input order.
 * @example
 * ingestHeartbeats(world, user.id, [{ entity: 'a.rb', time: 1787407234 }], request)[0] // { ok: true, row, created: true }
 */
export function ingestHeartbeats(
  world: World,
  userId: number,
  items: readonly (PermittedHeartbeat | undefined)[],
  req: IngestRequest,
): IngestOutcome[] {
  const outcomes = new Array<IngestOutcome>(items.length);
  const valid: { index: number; normalised: NormalisedHeartbeat }[] = [];
  const state = newPlaceholderState();
  items.forEach((item, index) => {
    try {
      valid.push({ index, normalised: normaliseHeartbeat(item, req, state, world, userId) });
    } catch (err) {
      outcomes[index] = { ok: false, failure: asFailure(err) };
    }
  });

  const insertFailure = valid.find((v) => v.normalised.rangeFailure)?.normalised.rangeFailure;
  for (const { index, normalised } of valid) {
    if (insertFailure) outcomes[index] = { ok: false, failure: insertFailure };
    else {
      const { row, created } = world.addHeartbeat(userId, normalised.draft);
      outcomes[index] = { ok: true, row, created };
    }
  }

  return outcomes;
}
