/**
 * @module
 * The trust-level audit log (tag `Admin: audit logs`; `trust_level_audit_logs_controller.rb`,
 * `admin_controller.rb:206-220`): any admin level reads it. `POST /user/convict` writes it.
 */
import { searchIdentity } from '../answers/admin-fuzzy-search.js';
import { type AuditLogFilters, auditLogCounts, auditLogJson, auditLogList } from '../answers/admin-trust-logs.js';
import { error } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';
import { adminParams, userByIdParam } from '../params/admin-target.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';

const LEVEL_FILTERS: Readonly<Record<string, string>> = {
  to_convicted: 'red',
  to_trusted: 'green',
  to_suspected: 'yellow',
  to_unscored: 'blue',
};

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

/** Each present filter narrows the 250 newest; an unknown `user_id` or `admin_id` is a 404. */
const adminListTrustLevelAuditLogs: OperationHandler = {
  handle(ctx) {
    const params = adminParams(ctx);
    const filters: AuditLogFilters = {};
    if (!isRubyBlank(params['user_id'])) {
      const user = userByIdParam(ctx.world, params['user_id']);
      if (!user) throw error(404, 'User not found');
      filters.userId = user.id;
    }
    if (!isRubyBlank(params['admin_id'])) {
      const admin = userByIdParam(ctx.world, params['admin_id']);
      if (!admin) throw error(404, 'Admin not found');
      filters.adminId = admin.id;
    }
    if (!isRubyBlank(params['user_search'])) filters.userIds = searchIdentity(ctx.world, text(params['user_search']));
    if (!isRubyBlank(params['admin_search'])) filters.adminIds = searchIdentity(ctx.world, text(params['admin_search']));
    const level = LEVEL_FILTERS[text(params['trust_level_filter'])];
    if (level !== undefined) filters.newLevel = level;
    return json(auditLogList(ctx.world, ctx.state.staff.trustLogs, filters));
  },
};

const adminGetTrustLevelAuditLog: OperationHandler = {
  handle({ world, state, path }) {
    const id = integerColumnCast(path['id'] ?? '');
    const log = state.staff.trustLogs.find((l) => l.id === id);
    if (!log) throw error(404, 'Audit log not found');
    return json(auditLogJson(world, log, true));
  },
};

const adminCountAuditLogs: OperationHandler = {
  handle: (ctx) => json(auditLogCounts(ctx.state.staff.trustLogs, adminParams(ctx)['user_ids'])),
};

export const adminAuditLogsHandlers = { adminListTrustLevelAuditLogs, adminGetTrustLevelAuditLog, adminCountAuditLogs };
