/**
 * @module
 * The trust-level audit log as the admin API shows it: a user's 25 newest entries
 * (`user_utilities.rb:254-277`), the filtered list and one entry (`trust_level_audit_logs_controller.rb`),
 * and the per-user counts (`admin_controller.rb:206-220`).
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { error, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import { isoMillis } from '../rails/present/format-date.js';
import type { TrustLog } from '../staff/records.js';
import { adminActor, userRef } from './admin-people.js';

/** `recent`: newest first (ids break ties, as rows inserted later). */
const newestFirst = (logs: readonly TrustLog[]): TrustLog[] => [...logs].sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);

function people(world: World, log: TrustLog): { user: User; actor: User } {
  const user = world.userById(log.userId);
  const actor = world.userById(log.changedById);
  if (!user || !actor) throw new Error(`audit log ${log.id} names a user the world does not have`);
  return { user, actor };
}

/** `GET /user/trust_logs`: the user's 25 newest entries. */
export function userTrustLogs(world: World, logs: readonly TrustLog[], user: User) {
  return {
    trust_logs: newestFirst(logs.filter((l) => l.userId === user.id))
      .slice(0, 25)
      .map((log) => ({
        id: log.id,
        previous_trust_level: log.previous,
        new_trust_level: log.next,
        changed_by: adminActor(people(world, log).actor),
        reason: log.reason,
        notes: log.notes,
        created_at: isoMillis(log.createdAt),
      })),
  };
}

/** `audit_log_json`; `full` (the show action) adds the user's current level and `updated_at`. */
export function auditLogJson(world: World, log: TrustLog, full = false) {
  const { user, actor } = people(world, log);
  return {
    id: log.id,
    user: full ? { ...userRef(user), current_trust_level: user.trustLevel } : userRef(user),
    previous_trust_level: log.previous,
    new_trust_level: log.next,
    changed_by: adminActor(actor),
    reason: log.reason,
    notes: log.notes,
    created_at: isoMillis(log.createdAt),
    // Audit log rows are never updated.
    ...(full ? { updated_at: isoMillis(log.createdAt) } : {}),
  };
}

export interface AuditLogFilters {
  userId?: number;
  adminId?: number;
  /** Ids from `search_identity` of `user_search` / `admin_search`. */
  userIds?: Set<number>;
  adminIds?: Set<number>;
  newLevel?: string;
}

/** The 250 newest entries that pass the filters; `total_count` counts that limited list. */
export function auditLogList(world: World, logs: readonly TrustLog[], f: AuditLogFilters) {
  const page = newestFirst(logs)
    .filter(
      (l) =>
        (f.userId === undefined || l.userId === f.userId) &&
        (f.adminId === undefined || l.changedById === f.adminId) &&
        (f.userIds === undefined || f.userIds.has(l.userId)) &&
        (f.adminIds === undefined || f.adminIds.has(l.changedById)) &&
        (f.newLevel === undefined || l.next === f.newLevel),
    )
    .slice(0, 250);
  return { audit_logs: page.map((log) => auditLogJson(world, log)), total_count: page.length };
}

/** An id the SQL `IN (…)` list takes; anything else makes the query fail (500). */
const SQL_INTEGER = /^[\t\n\v\f\r ]*[+-]?\d+[\t\n\v\f\r ]*$/;

/**
 * `POST /audit_logs/counts`: entries per requested user (as the subject), every requested id present.
 * @throws ApiError 422 `user_ids array required`; the error page (500) for an element SQL cannot compare
 */
export function auditLogCounts(logs: readonly TrustLog[], userIds: unknown): { counts: Record<string, number> } {
  if (!Array.isArray(userIds) || userIds.length === 0) throw error(422, 'user_ids array required');
  const ids = userIds.slice(0, 1000);
  const numbers: number[] = [];
  for (const id of ids) {
    if (id === null) continue;
    if (typeof id === 'number') numbers.push(id);
    else if (typeof id === 'string' && SQL_INTEGER.test(id)) numbers.push(Number(id));
    else throw fromTemplate(INTERNAL_ERROR_PAGE);
  }
  const counts: Record<string, number> = {};
  for (const log of logs) if (numbers.includes(log.userId)) counts[String(log.userId)] = (counts[String(log.userId)] ?? 0) + 1;
  // `id.to_s`: a JSON number keeps its Ruby spelling (`1.5` → "1.5"), nil becomes "".
  for (const id of ids) counts[id === null ? '' : String(id)] ??= 0;
  return { counts };
}
