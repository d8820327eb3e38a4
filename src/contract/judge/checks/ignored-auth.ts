/**
 * @module
 * `ignored_auth`: a request without valid credentials to a secured operation does not succeed.
 */
import { isSuccess } from '../../case.js';
import type { Check } from './check.js';

export const ignoredAuth: Check = {
  name: 'ignored_auth',
  summary: 'A request without valid credentials is not answered with success.',
  appliesTo: ['no-auth'],
  run: (_ctx, kase, res) =>
    isSuccess(res.status)
      ? [
          {
            title: 'Authentication is not enforced',
            message: `${kase.title} got ${res.status}; the spec requires credentials and documents ${kase.expectedStatuses.join(' or ')}.`,
            key: kase.id,
            expected: kase.expectedStatuses,
            received: res.status,
          },
        ]
      : [],
};
