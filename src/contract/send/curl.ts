/**
 * @module
 * A case as a curl command a person can paste into a shell, with its secrets redacted.
 */
import type { Case } from '../case.js';
import { REDACTED, type Redactor, redactHeaderValue, SECRET_HEADER, SECRET_QUERY } from './redact.js';
import { encodeBody, urlOf } from './request.js';

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

export function toCurl(baseUrl: string, kase: Case, extraHeaders: Record<string, string>, redactor: Redactor): string {
  const query = kase.query.map(([name, value]): [string, string] => [name, SECRET_QUERY.test(name) ? REDACTED : value]);
  // URLSearchParams would percent-encode the brackets of the placeholder.
  const url = urlOf(baseUrl, { path: kase.path, query }).replace(/%5BREDACTED%5D/g, REDACTED);
  const parts = ['curl', '-X', kase.method, quote(redactor.text(url))];
  const headers = { ...extraHeaders, ...kase.headers };
  const body = kase.body;
  const encoded = body === undefined ? undefined : body.runs ? { text: '', contentType: body.mediaType } : encodeBody(body);
  if (encoded && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = encoded.contentType;
  for (const [name, value] of Object.entries(headers)) {
    const shown = SECRET_HEADER.test(name) ? redactHeaderValue(value) : redactor.text(value);
    parts.push('-H', quote(`${name}: ${shown}`));
  }
  if (body?.runs) {
    // One argument of a megabyte is over Linux's limit for a single argument: pipe it instead.
    const runs = body.runs.map(({ text, times }) => {
      const shown = quote(redactor.text(text));
      return times === 1 ? `printf %s ${shown}` : `yes ${shown} | head -n ${times} | tr -d '\\n'`;
    });
    parts.push('--data-binary', '@-');
    return `{ ${runs.join('; ')}; } | ${parts.join(' ')}`;
  }
  if (encoded) parts.push('--data-raw', quote(redactor.text(encoded.text)));
  return parts.join(' ');
}
