/**
 * @module
 * JSON lines of heartbeat rows into the world, through the store's insert (so duplicates of what the
 * world holds are recognised by fields_hash): the admin import and the data file's reload.
 */
import type { World } from '../../world/store.js';
import { RecordError, recordFromLine } from './heartbeat-records.js';

interface ImportProblem {
  /** 1-based line number. */
  line: number;
  error: string;
}

export interface ImportReport {
  /** Non-blank lines read. */
  lines: number;
  /** Stored as new rows. */
  accepted: number;
  /** Already in the world (same fields_hash). */
  duplicates: number;
  errors: ImportProblem[];
}

/** Splits text into numbered lines (a final line without newline included). */
export function numberedLines(text: string): { line: number; text: string }[] {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t.replace(/\r$/, '') }));
}

/**
 * Adds every valid line's row to the world; blank lines are ignored, bad ones reported.
 * @example
 * importLines(world, numberedLines(ndjson), new Date(now).toISOString()) // { lines: 2, accepted: 2, duplicates: 0, errors: [] }
 */
export function importLines(world: World, lines: readonly { line: number; text: string }[], nowIso: string): ImportReport {
  const report: ImportReport = { lines: 0, accepted: 0, duplicates: 0, errors: [] };
  for (const { line, text } of lines) {
    if (text.trim() === '') continue;
    report.lines += 1;
    try {
      const { userId, draft } = recordFromLine(text, nowIso);
      if (!world.userById(userId)) throw new RecordError(`user_id ${userId} is not a user of this world`);
      if (world.addHeartbeat(userId, draft).created) report.accepted += 1;
      else report.duplicates += 1;
    } catch (err) {
      if (!(err instanceof RecordError)) throw err;
      report.errors.push({ line, error: err.message });
    }
  }
  return report;
}
