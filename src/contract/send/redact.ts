/**
 * @module
 * Keeps secrets out of every report: each credential the run knows (and its Basic/URL encodings) is
 * replaced by `[REDACTED]` wherever it appears, and Authorization headers and `api_key` values are
 * replaced whatever they hold.
 */
import type { Case } from '../case.js';

export const REDACTED = '[REDACTED]';

/** Header names whose values are treated as secrets. */
export const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-api-key)$|token|secret|session|api[-_]?key/i;
/** Query parameters whose values are treated as secrets. */
export const SECRET_QUERY = /^(api_key|access_token|token|client_secret|code)$/i;

// Short strings would redact ordinary words; real credentials are long.
const MIN_SECRET_LENGTH = 6;

export interface Redactor {
  text(value: string): string;
  /** A copy of `value` with every string redacted. */
  deep<T>(value: T): T;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export function createRedactor(secrets: readonly string[]): Redactor {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(Buffer.from(secret).toString('base64'));
  }
  // Longest first, so a secret inside a longer one does not leave a tail behind.
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  // One scan tells whether any form is there at all (most strings, and every large body, hold none);
  // only then is each form replaced in turn, longest first.
  const any = ordered.length === 0 ? undefined : new RegExp(ordered.map(escapeRegExp).join('|'));
  const text = (value: string): string =>
    any?.test(value) ? ordered.reduce((out, secret) => out.split(secret).join(REDACTED), value) : value;
  const deep = <T>(value: T): T => {
    if (typeof value === 'string') return text(value) as T;
    if (Array.isArray(value)) return value.map((v) => deep(v)) as T;
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deep(v)])) as T;
    }
    return value;
  };
  return { text, deep };
}

/** A case as events show it: credentials in headers and query replaced, known secrets redacted. */
export function redactCase(kase: Case, redactor: Redactor): Case {
  const headers = Object.fromEntries(
    Object.entries(kase.headers).map(([n, v]) => [n, SECRET_HEADER.test(n) ? redactHeaderValue(v) : redactor.text(v)]),
  );
  const query = kase.query.map(([n, v]): [string, string] => [n, SECRET_QUERY.test(n) ? REDACTED : redactor.text(v)]);
  return redactor.deep({ ...kase, headers, query });
}

/** An Authorization-like header value with its credential hidden, keeping the scheme as a hint. */
export function redactHeaderValue(value: string): string {
  const scheme = /^\s*(Bearer|Basic|Token)\s+/i.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}
