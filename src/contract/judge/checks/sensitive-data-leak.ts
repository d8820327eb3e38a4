/**
 * @module
 * `sensitive_data_leak`: no undeclared property that looks like a secret or personal data — a name
 * such as `api_key`, `token` or `email`, or a value shaped like a Hackatime API key (a UUID, or
 * `hka_` + 64 hex digits), an email or an IP address. Always an error: an answer that starts
 * carrying a user's email or key is a leak, not an extension. The value is never shown, only its
 * shape, so the report does not leak it again.
 */
import type { FindingDraft } from '../../findings.js';
import { masked } from '../sensitive.js';
import { type Check, onlyDocumentedJson } from './check.js';
import { undeclaredOf } from './undeclared.js';

export const sensitiveDataLeak: Check = {
  name: 'sensitive_data_leak',
  summary: 'No undocumented property looks like a secret or personal data (keys, tokens, passwords, emails, IPs).',
  run: onlyDocumentedJson((ctx, _kase, res) =>
    undeclaredOf(ctx, res).flatMap((p): FindingDraft[] =>
      p.sensitive === undefined
        ? []
        : [
            {
              title: 'Possible leak of a secret or personal data',
              message: `${p.pointer} ("${p.name}") is not declared by the schema at ${p.schemaPointer} and looks like ${p.sensitive}.`,
              pointer: p.pointer,
              schemaPath: p.schemaPointer,
              key: `${p.schemaPointer}:${p.name}`,
              expected: 'no such property',
              received: masked(p.value),
            },
          ],
    ),
  ),
};
