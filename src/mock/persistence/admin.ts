/**
 * @module
 * The admin API's view of posted heartbeats: export as JSON lines, import of the same, and the counts
 * of what the heartbeat endpoints accepted.
 */
import type { World } from '../../world/store.js';
import { error } from '../errors.js';
import type { MockReply } from '../handler.js';
import type { IngestCounts } from '../ingest/counters.js';
import { recordLine } from './heartbeat-records.js';
import { type ImportReport, importLines, numberedLines } from './import.js';

const NDJSON = 'application/x-ndjson; charset=utf-8';

/** The posted rows (of one user, when named) as JSON lines, in acceptance order. */
export function exportHeartbeats(world: World, username: string | undefined): MockReply {
  let userId: number | undefined;
  if (username !== undefined) {
    const user = world.userByUsername(username);
    if (!user) throw error(404, 'User not found');
    userId = user.id;
  }
  const rows = world.postedHeartbeats(userId);
  return { status: 200, text: { body: rows.map(recordLine).join(''), contentType: NDJSON } };
}

/** Lines of a JSON-lines text, or of a JSON array (one line per item, numbered from 1). */
function linesOf(body: unknown): { line: number; text: string }[] {
  if (typeof body === 'string') return numberedLines(body);
  if (Array.isArray(body)) return body.map((item, i) => ({ line: i + 1, text: JSON.stringify(item) }));
  if (typeof body === 'object' && body !== null) return [{ line: 1, text: JSON.stringify(body) }];
  return [];
}

/** Imports rows and waits until they are as durable as posted ones. */
export async function importHeartbeats(world: World, body: unknown, nowMs: number): Promise<ImportReport> {
  const lines = linesOf(body);
  if (!lines.some((l) => l.text.trim() !== '')) throw error(400, 'No heartbeats to import');
  const report = importLines(world, lines, new Date(nowMs).toISOString());
  if (report.accepted > 0) await world.flushed();
  return report;
}

/** What `/__mock/stats` reports: the world's heartbeats and what ingestion was sent (`ingest`). */
export function heartbeatStats(world: World, ingest: IngestCounts) {
  return {
    heartbeats: world.heartbeatCounts(),
    ingest,
    users: world
      .postedPerUser()
      .map(([userId, count]) => ({ user_id: userId, username: world.userById(userId)?.username ?? null, posted: count })),
  };
}
