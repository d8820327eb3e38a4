/**
 * @module
 * `not_a_server_error`: the server does not fail with a 5xx — unless the case expects exactly that
 * documented status (the spec documents some crashes of the real server, e.g. an unparseable date).
 */

import { receivedBody } from '../../send/response.js';
import type { Check } from './check.js';

export const notAServerError: Check = {
  name: 'not_a_server_error',
  summary: 'The response is not a server error (5xx), unless the case expects that documented status.',
  run: (_ctx, kase, res) => {
    if (res.status < 500) return [];
    if (res.documented && kase.expectedStatuses.includes(res.status)) return [];
    // A documented 503 is the server saying "not now" (the leaderboard being generated): the case
    // could not be judged, which is worth a warning but is no breach of the contract.
    if (res.documented && res.status === 503) {
      return [
        {
          title: 'Temporarily unavailable',
          message: `The server answered its documented 503 to ${kase.title}; run again later.`,
          key: '503',
          severity: 'warning',
          received: receivedBody(res),
        },
      ];
    }
    const note = res.documented ? ` (documented, but ${kase.title} expects ${kase.expectedStatuses.join(' or ')})` : '';
    return [
      {
        title: 'Server error',
        message: `The server answered ${res.status}${note}.`,
        key: String(res.status),
        expected: kase.expectedStatuses,
        received: receivedBody(res),
      },
    ];
  },
};
