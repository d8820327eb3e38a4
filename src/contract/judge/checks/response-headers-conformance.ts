/**
 * @module
 * `response_headers_conformance`: every header the spec marks required for the status is present,
 * and every documented header that is present fits its schema.
 */

import { resolvePointer } from '../../../spec/json-pointer.js';
import type { FindingDraft } from '../../findings.js';
import { type Check, onlyDocumentedStatus } from './check.js';
import { headerValueFindings } from './header-value.js';

export const responseHeadersConformance: Check = {
  name: 'response_headers_conformance',
  summary: 'Required headers are present and documented headers fit their schemas.',
  run: onlyDocumentedStatus((ctx, _kase, res) => {
    const findings: FindingDraft[] = [];
    for (const [name, header] of Object.entries(res.documented!.headers)) {
      // OpenAPI ignores a documented Content-Type header; content_type_conformance owns it.
      if (name === 'content-type') continue;
      const value = res.headers.get(name);
      if (value === null) {
        if (!header.required) continue;
        findings.push({
          title: 'Missing required header',
          message: `The ${name} header is required on ${res.status} but absent.`,
          header: name,
          key: `${name}:missing`,
          ...(header.schemaPointer === undefined
            ? {}
            : { schemaPath: header.schemaPointer, expected: resolvePointer(ctx.spec.document, header.schemaPointer) }),
        });
        continue;
      }
      if (header.schemaPointer === undefined) continue;
      findings.push(...headerValueFindings(ctx, name, header.schemaPointer, value));
    }
    return findings;
  }),
};
