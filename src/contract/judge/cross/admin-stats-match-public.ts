/**
 * @module
 * `admin-stats-match-public`: the admin API's `user/stats` of the run's user for yesterday (UTC) has
 * the same `total_duration` as that user's public stats total over the same heartbeats. Both are the
 * server's `Heartbeat.duration_seconds` over the user's rows of a window — every row, gaps capped at
 * 120 s, cast to an integer (`user_utilities.rb:121-174`; reference §9). The admin window is
 * `start <= time <= 23:59:59` (integer bounds); the public one is asked for as `start_date=<day>T00:00:00Z`
 * and `end_date=<day>T23:59:59Z`, exclusive, so they differ only by a heartbeat stamped exactly
 * 23:59:59.000. Yesterday is over, so a user coding right now does not move it. Needs the user's
 * numeric id (`--var user_numeric_id=…`; the mock's credentials give it) and an admin credential.
 */
import { variable } from '../../plan/variables.js';
import { member } from '../invariants/select.js';
import type { CrossCheck, CrossRequest } from './cross-check.js';

export const adminStatsMatchPublic: CrossCheck = {
  name: 'admin-stats-match-public',
  summary: "An admin's user/stats total for yesterday equals the user's public stats total over the same UTC day.",
  requests: ({ target }): CrossRequest[] => {
    const day = variable(target, 'today-1')!;
    return [
      { operationId: 'getAdminUserStats', query: { user_id: '{{user_numeric_id}}', date: day } },
      { operationId: 'getUserStats', query: { start_date: `${day}T00:00:00Z`, end_date: `${day}T23:59:59Z`, total_seconds: 'true' } },
    ];
  },
  judge: ([admin, publicStats], cases) => {
    const total = member(admin, 'total_duration');
    const expected = member(publicStats, 'total_seconds');
    if (typeof total !== 'number' || typeof expected !== 'number' || total === expected) return [];
    const day = cases[0]?.query.find(([k]) => k === 'date')?.[1] ?? '';
    return [
      {
        title: "Admin stats disagree with the user's public stats",
        message: `The admin API's user/stats for ${day} gives ${total} s (/total_duration), but the user's public stats over the same UTC day give ${expected} s; both sum the same heartbeats under the 2-minute rule.`,
        pointer: '/total_duration',
        key: 'admin-stats-match-public',
        expected,
        received: total,
      },
    ];
  },
};
