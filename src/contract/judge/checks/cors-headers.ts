/**
 * @module
 * `cors_headers`: an answer to a cross-origin request (the runner sends an `Origin` to every
 * operation under the spec's `x-cors` paths) carries the CORS headers `x-cors` documents, each
 * fitting its schema. rack-cors (hackclub/hackatime `config/initializers/cors.rb`) adds them to
 * every answer under `/api/*`, errors included, so every status is judged: a browser client cannot
 * read an answer without `Access-Control-Allow-Origin`, whatever its status.
 */
import type { FindingDraft } from '../../findings.js';
import type { Check } from './check.js';
import { headerValueFindings } from './header-value.js';

const originOf = (headers: Record<string, string>): string | undefined =>
  Object.entries(headers).find(([name]) => name.toLowerCase() === 'origin')?.[1];

export const corsHeaders: Check = {
  name: 'cors_headers',
  summary: 'Answers to a cross-origin request carry the CORS headers of the spec (x-cors).',
  run: (ctx, kase, res) => {
    const origin = originOf(kase.headers);
    const cors = res.operation.cors;
    if (origin === undefined || cors === undefined) return [];
    const findings: FindingDraft[] = [];
    for (const [name, header] of Object.entries(cors)) {
      const value = res.headers.get(name);
      if (value === null) {
        findings.push({
          title: 'Missing CORS header',
          message: `The ${name} header is absent from the answer to a request with Origin: ${origin}; a browser cannot read this answer.`,
          header: name,
          key: `${name}:missing`,
          ...(header.example === undefined ? {} : { expected: header.example }),
        });
        continue;
      }
      if (header.schemaPointer !== undefined) findings.push(...headerValueFindings(ctx, name, header.schemaPointer, value));
    }
    return findings;
  },
};
