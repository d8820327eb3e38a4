/**
 * @module
 * What a heartbeat takes from its request rather than its body: the client address (Cloudflare's
 * `CF-Connecting-IP`, else the socket's), the `X-Machine-Name` and `User-Agent` headers and the JA4
 * fingerprint row of `CF-JA4`.
 */
import type { RequestContext } from '../handler.js';
import { isIP } from '../platform.js';
import type { IngestRequest } from './normalise.js';

/** How PostgreSQL's `inet` renders an address; null for anything it would not store. */
function inetCast(value: string): string | null {
  const text = value.trim();
  const family = isIP(text);
  if (family === 4) return text;
  if (family !== 6) return null;
  // The compressed lower-case form; an address with a zone or an embedded IPv4 part is kept as sent.
  if (text.includes('.') || text.includes('%')) return text.toLowerCase();
  return new URL(`http://[${text}]`).hostname.slice(1, -1);
}

/**
 * The id of the `ja4s` row of a fingerprint. The real server creates rows as fingerprints arrive; the
 * mock derives a stable id from the fingerprint so that it survives restarts (FNV-1a, above the ids of
 * the generated world).
 */
function ja4Id(fingerprint: string | null | undefined): number | null {
  const text = (fingerprint ?? '').trim();
  if (text === '') return null;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return 1_000_000 + (hash % 2_000_000_000);
}

export function ingestRequestOf(ctx: RequestContext): IngestRequest {
  const header = (name: string) => ctx.headers.get(name) ?? undefined;
  // `request.headers["CF-Connecting-IP"] || request.remote_ip`: a present header wins even when blank.
  const cfIp = header('cf-connecting-ip');
  return {
    nowMs: ctx.now,
    ipAddress: inetCast(cfIp ?? ctx.remoteAddress),
    machine: header('x-machine-name'),
    userAgent: header('user-agent'),
    ja4Id: ja4Id(header('cf-ja4')),
  };
}
