/**
 * @module
 * `expected_status`: a case gets one of the statuses it expects — a valid request its documented
 * success, an unknown user the documented 404, a recorded case what was recorded. Server errors,
 * and successes of unauthenticated or invalid requests, are left to the checks named for them.
 */
import { isSuccess } from '../../case.js';
import type { Check } from './check.js';

export const expectedStatus: Check = {
  name: 'expected_status',
  summary: 'The case gets one of the statuses it expects.',
  run: (_ctx, kase, res) => {
    if (kase.expectedStatuses.includes(res.status) || res.status >= 500) return [];
    if (isSuccess(res.status) && (kase.kind === 'no-auth' || kase.kind === 'invalid-param')) return [];
    const expected = kase.expectedStatuses.join(' or ');
    // A throttled answer says nothing about the contract; it only means the run was too fast.
    if (res.status === 429) {
      return [
        {
          title: 'Rate limited',
          message: `${kase.title}: the server answered 429 instead of ${expected}; lower --concurrency.`,
          key: `429`,
          severity: 'warning',
          received: 429,
        },
      ];
    }
    return [
      {
        title: 'Unexpected status',
        message: `${kase.title}: expected ${expected}, received ${res.status}.`,
        key: kase.kind === 'recorded' ? kase.id : `${kase.kind}:${res.status}`,
        expected: kase.expectedStatuses,
        received: res.status,
      },
    ];
  },
};
