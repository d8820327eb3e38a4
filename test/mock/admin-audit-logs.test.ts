/**
 * The trust-level audit log (`app/controllers/api/admin/v1/trust_level_audit_logs_controller.rb`,
 * `app/controllers/api/admin/v1/admin_controller.rb:206-220`).
 */
import { expect, it } from 'vitest';
import { adminCall } from '../helpers/admin-api.js';
import { describeBoth } from '../helpers/mock.js';
import { userWithRole } from '../helpers/mock-admin.js';

const LOGS = '/api/admin/v1/trust_level_audit_logs';

interface Log {
  id: number;
  user: { id: number; current_trust_level?: string };
  new_trust_level: string;
  changed_by: { id: number };
}

describeBoth('admin API: trust-level audit logs', (t) => {
  it('lists the newest entries with a total that counts the page, filtered by level, user and admin (tla:12-43)', async () => {
    const all = await adminCall<{ audit_logs: Log[]; total_count: number }>(t, 'adminListTrustLevelAuditLogs', LOGS, 200, { as: 'viewer' });
    expect(all.total_count).toBe(all.audit_logs.length);
    expect(all.total_count).toBeGreaterThan(2);
    const red = await adminCall<{ audit_logs: Log[] }>(t, 'adminListTrustLevelAuditLogs', `${LOGS}?trust_level_filter=to_convicted`, 200);
    expect(red.audit_logs.length).toBeGreaterThan(0);
    expect(red.audit_logs.every((l) => l.new_trust_level === 'red')).toBe(true);
    // An unknown filter value is ignored.
    expect(await adminCall(t, 'adminListTrustLevelAuditLogs', `${LOGS}?trust_level_filter=nope`, 200)).toEqual(all);
    const banned = await userWithRole(t, 'banned');
    const mine = await adminCall<{ audit_logs: Log[] }>(t, 'adminListTrustLevelAuditLogs', `${LOGS}?user_id=${banned.id}`, 200);
    expect(mine.audit_logs.map((l) => l.user.id)).toEqual(mine.audit_logs.map(() => banned.id));
    const searched = await adminCall<{ audit_logs: Log[] }>(
      t,
      'adminListTrustLevelAuditLogs',
      `${LOGS}?user_search=${banned.username}`,
      200,
    );
    expect(searched.audit_logs).toEqual(mine.audit_logs);
    expect(await adminCall(t, 'adminListTrustLevelAuditLogs', `${LOGS}?user_id=999999`, 404)).toEqual({ error: 'User not found' });
    expect(await adminCall(t, 'adminListTrustLevelAuditLogs', `${LOGS}?admin_id=999999`, 404)).toEqual({ error: 'Admin not found' });
  });

  it("shows one entry with the user's current level (tla:45-50)", async () => {
    const banned = await userWithRole(t, 'banned');
    const list = await adminCall<{ audit_logs: Log[] }>(t, 'adminListTrustLevelAuditLogs', `${LOGS}?user_id=${banned.id}`, 200);
    const one = await adminCall<Log & { updated_at: string }>(t, 'adminGetTrustLevelAuditLog', `${LOGS}/${list.audit_logs[0]!.id}`, 200);
    expect(one.user.current_trust_level).toBe('red');
    expect(await adminCall(t, 'adminGetTrustLevelAuditLog', `${LOGS}/999999`, 404)).toEqual({ error: 'Audit log not found' });
  });

  it('counts entries per requested user, every id present; an empty list is "required", junk crashes (admin:206-220)', async () => {
    const banned = await userWithRole(t, 'banned');
    const path = '/api/admin/v1/audit_logs/counts';
    const body = await adminCall<{ counts: Record<string, number> }>(t, 'adminCountAuditLogs', path, 200, {
      method: 'POST',
      body: { user_ids: [banned.id, '999999'] },
    });
    expect(body.counts[String(banned.id)]).toBeGreaterThan(0);
    expect(body.counts['999999']).toBe(0);
    expect(await adminCall(t, 'adminCountAuditLogs', path, 422, { method: 'POST', body: { user_ids: [] } })).toEqual({
      error: 'user_ids array required',
    });
    expect(await adminCall(t, 'adminCountAuditLogs', path, 422, { method: 'POST', body: { user_ids: '1' } })).toEqual({
      error: 'user_ids array required',
    });
    expect((await adminCall(t, 'adminCountAuditLogs', path, 500, { method: 'POST', body: { user_ids: ['abc'] } })).status).toBe(500);
  });
});
