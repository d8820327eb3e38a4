/**
 * @module
 * Heartbeats posted since start (or the last reset): the store's own rows, kept per user in
 * (time, id) order beside the generated history, and merged with it on read.
 */
import { ensureFieldsHash } from './fields-hash.js';
import { compareTimed, insertionIndex, sliceWindow, type TimeWindow } from './sorted.js';
import type { Heartbeat, HeartbeatDraft } from './types.js';

/** The stored row of a draft: the store supplies id, user and hash. */
export function storedRow(id: number, userId: number, draft: HeartbeatDraft, hash: string): Heartbeat {
  return {
    id,
    user_id: userId,
    time: draft.time,
    entity: draft.entity,
    type: draft.type,
    category: draft.category,
    project: draft.project,
    branch: draft.branch,
    language: draft.language,
    editor: draft.editor,
    operating_system: draft.operating_system,
    machine: draft.machine,
    user_agent: draft.user_agent,
    is_write: draft.is_write,
    lineno: draft.lineno,
    lines: draft.lines,
    cursorpos: draft.cursorpos,
    line_additions: draft.line_additions,
    line_deletions: draft.line_deletions,
    project_root_count: draft.project_root_count,
    dependencies: draft.dependencies.slice(),
    ai_model: draft.ai_model,
    ai_session: draft.ai_session,
    ai_subscription_plan: draft.ai_subscription_plan,
    ai_input_tokens: draft.ai_input_tokens,
    ai_output_tokens: draft.ai_output_tokens,
    ai_prompt_length: draft.ai_prompt_length,
    ai_line_changes: draft.ai_line_changes,
    human_line_changes: draft.human_line_changes,
    source_type: draft.source_type,
    ip_address: draft.ip_address,
    ja4_id: draft.ja4_id,
    fields_hash: hash,
    created_at: draft.created_at,
    updated_at: draft.updated_at,
    deleted_at: draft.deleted_at,
  };
}

/** Two (time, id)-ordered lists as one; `a` itself when `b` is empty. */
export function mergeTimed(a: Heartbeat[], b: readonly Heartbeat[]): Heartbeat[] {
  if (b.length === 0) return a;
  const out: Heartbeat[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length)
    out.push(compareTimed(a[i] as Heartbeat, b[j] as Heartbeat) <= 0 ? (a[i++] as Heartbeat) : (b[j++] as Heartbeat));
  while (i < a.length) out.push(a[i++] as Heartbeat);
  while (j < b.length) out.push(b[j++] as Heartbeat);
  return out;
}

/** The first row whose fields_hash is `hash` (rows with equal hashes have equal times). */
export function sameHash(rows: readonly Heartbeat[], hash: string): Heartbeat | undefined {
  return rows.find((row) => ensureFieldsHash(row) === hash);
}

/** Posted rows per user, each list in (time, id) order. */
export class PostedRows {
  private byUser = new Map<number, Heartbeat[]>();
  /** In acceptance order. */
  accepted: Heartbeat[] = [];

  of(userId: number): readonly Heartbeat[] {
    return this.byUser.get(userId) ?? [];
  }

  between(userId: number, window: Partial<TimeWindow>): Heartbeat[] {
    const list = this.byUser.get(userId);
    return list ? sliceWindow(list, window) : [];
  }

  add(row: Heartbeat): void {
    let list = this.byUser.get(row.user_id);
    if (!list) {
      list = [];
      this.byUser.set(row.user_id, list);
    }
    list.splice(insertionIndex(list, row), 0, row);
    this.accepted.push(row);
  }
}

/**
 * Rows of whole timelines kept made: a default world's every user (about 14,000 rows), or a few
 * users' year (demo's is about 16,000). Timelines that come and go would leave the old generation
 * of the heap full of rows that lived just long enough to be promoted.
 */
const TIMELINE_ROWS_KEPT = 60_000;

/**
 * The last whole timelines read, by user and version: one answer often reads one user's rows more
 * than once, and a small world's every user stays made.
 */
export class Timelines {
  private readonly byUser = new Map<number, { version: number; rows: Heartbeat[] }>();
  private rows = 0;

  get(userId: number, version: number): Heartbeat[] | undefined {
    const entry = this.byUser.get(userId);
    return entry?.version === version ? entry.rows : undefined;
  }

  set(userId: number, version: number, rows: Heartbeat[]): void {
    this.drop(userId);
    this.byUser.set(userId, { version, rows });
    this.rows += rows.length;
    for (const oldest of this.byUser.keys()) {
      if (this.rows <= TIMELINE_ROWS_KEPT || oldest === userId) break;
      this.drop(oldest);
    }
  }

  /** A timeline made at `from` takes a posted row in place: a stream of posts does not remake it. */
  insert(row: Heartbeat, from: number, to: number): void {
    const entry = this.byUser.get(row.user_id);
    if (entry?.version !== from) return;
    entry.rows.splice(insertionIndex(entry.rows, row), 0, row);
    entry.version = to;
    this.rows += 1;
  }

  clear(): void {
    this.byUser.clear();
    this.rows = 0;
  }

  private drop(userId: number): void {
    const entry = this.byUser.get(userId);
    if (!entry) return;
    this.byUser.delete(userId);
    this.rows -= entry.rows.length;
  }
}
