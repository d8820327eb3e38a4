/**
 * @module
 * `status_code_conformance`: every status the server answers is documented for the operation.
 */
import type { Check } from './check.js';

export const statusCodeConformance: Check = {
  name: 'status_code_conformance',
  summary: 'The status code is documented for the operation.',
  run: (_ctx, _kase, res) => {
    if (res.documented) return [];
    const documented = res.operation.responses.map((r) => (/^\d+$/.test(r.status) ? Number(r.status) : r.status));
    return [
      {
        title: 'Undocumented HTTP status code',
        message: `Received ${res.status}, which matches no documented response; documented: ${documented.join(', ')}.`,
        key: String(res.status),
        expected: documented,
        received: res.status,
      },
    ];
  },
};
