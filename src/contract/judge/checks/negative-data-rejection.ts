/**
 * @module
 * `negative_data_rejection`: a parameter value the schema rejects is not answered with success. A
 * status the case itself expects is no acceptance (the revocation route's 302 to a caller without
 * its key comes before the body is read, `x-unauthenticated-response`).
 */
import { isSuccess } from '../../case.js';
import type { Check } from './check.js';

export const negativeDataRejection: Check = {
  name: 'negative_data_rejection',
  summary: 'A request with an invalid parameter is rejected, not answered with success.',
  appliesTo: ['invalid-param'],
  run: (_ctx, kase, res) =>
    isSuccess(res.status) && !kase.expectedStatuses.includes(res.status)
      ? [
          {
            title: 'Invalid data accepted',
            message: `${kase.title} was accepted with ${res.status}; the spec says ${kase.expectedStatuses.join(' or ')}.`,
            key: kase.id,
            expected: kase.expectedStatuses,
            received: res.status,
          },
        ]
      : [],
};
