/**
 * @module
 * How a case becomes an HTTP request: its URL and its encoded body. Shared by the sender and the
 * curl line, so what is reproduced is exactly what was sent.
 */
import type { Case, CaseBody } from '../case.js';

export function urlOf(baseUrl: string, kase: Pick<Case, 'path' | 'query'>): string {
  const search = new URLSearchParams(kase.query).toString();
  return `${baseUrl}${kase.path}${search ? `?${search}` : ''}`;
}

export function encodeBody(body: CaseBody): { text: string; contentType: string } {
  const { mediaType, value } = body;
  if (body.runs !== undefined) return { text: body.runs.map((r) => r.text.repeat(r.times)).join(''), contentType: mediaType };
  if (body.raw !== undefined) return { text: body.raw, contentType: mediaType };
  if (mediaType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams();
    for (const [name, v] of Object.entries((value ?? {}) as Record<string, unknown>))
      form.append(name, typeof v === 'string' ? v : JSON.stringify(v));
    return { text: form.toString(), contentType: mediaType };
  }
  if (mediaType.includes('json')) return { text: JSON.stringify(value), contentType: mediaType };
  return { text: typeof value === 'string' ? value : JSON.stringify(value), contentType: mediaType };
}

/** A request meant to carry no credential must not get one from `--header` either. */
export function extraHeadersFor(kase: Pick<Case, 'auth' | 'kind'>, headers: Record<string, string>): Record<string, string> {
  if (kase.auth !== 'none' && kase.kind !== 'no-auth') return headers;
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !/^(authorization|cookie)$/i.test(name)));
}
