/**
 * @module
 * Bytes and text with Web APIs only (`TextEncoder`, `TextDecoder`, `btoa`), so the mock runs the
 * same in Node and in a browser: what Node's `Buffer` did for the mock, nothing more.
 */

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The UTF-8 of `text` (a lone surrogate becomes U+FFFD, as in `Buffer.from(text, 'utf8')`).
 * @example
 * utf8Bytes('é') // Uint8Array [195, 169]
 */
export const utf8Bytes = (text: string): Uint8Array => encoder.encode(text);

/**
 * Bytes read as UTF-8, a malformed sequence as U+FFFD (`buffer.toString('utf8')`).
 * @example
 * utf8Text(Uint8Array.of(104, 105)) // 'hi'
 */
export const utf8Text = (bytes: Uint8Array): string => decoder.decode(bytes);

/**
 * How many bytes the UTF-8 of `text` takes (`Buffer.byteLength(text, 'utf8')`), counted without
 * encoding: 1 to 3 a UTF-16 unit, 4 a surrogate pair, 3 a lone surrogate (written as U+FFFD).
 * @example
 * utf8ByteLength('a€😀') // 8
 */
export function utf8ByteLength(text: string): number {
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) length += 1;
    else if (unit < 0x800) length += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length += 4;
        i += 1;
      } else length += 3;
    } else length += 3;
  }
  return length;
}

/**
 * `a` and `b` compared bytewise over their UTF-8 (`Buffer.compare`): -1, 0 or 1.
 * @example
 * compareUtf8('a', 'é') // -1
 */
export function compareUtf8(a: string, b: string): number {
  const x = utf8Bytes(a);
  const y = utf8Bytes(b);
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
}

/**
 * Lower-case hex of `bytes`.
 * @example
 * hexOf(Uint8Array.of(1, 255)) // '01ff'
 */
export function hexOf(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** `bytes` as a binary string, one char per byte (what `btoa` takes and `atob` gives). */
const binaryOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

/**
 * Standard base64 of `bytes`, padded.
 * @example
 * base64Of(Uint8Array.of(104, 105)) // 'aGk='
 */
export const base64Of = (bytes: Uint8Array): string => btoa(binaryOf(bytes));

/**
 * URL-safe base64 of `bytes`, unpadded (`digest('base64url')`).
 * @example
 * base64urlOf(Uint8Array.of(251, 255)) // '-_8'
 */
export const base64urlOf = (bytes: Uint8Array): string => base64Of(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * The bytes of canonical base64 (`atob`); throws on anything else.
 * @example
 * bytesOfBase64('aGk=') // Uint8Array [104, 105]
 */
export const bytesOfBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/**
 * Whether two byte strings are equal, in time that depends on their length only (`timingSafeEqual`).
 * @example
 * sameBytes(utf8Bytes('a'), utf8Bytes('a')) // true
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * A byte count as whole megabytes (MiB), rounded up, as the mock's messages about memory write it.
 * @example
 * wholeMegabytes(1.5 * 1024 * 1024) // 2
 */
export function wholeMegabytes(bytes: number): number {
  return Math.ceil(bytes / 1024 / 1024);
}
