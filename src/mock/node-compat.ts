/**
 * @module
 * Two of Node's behaviours the mock relies on, written out for the browser build (platform.browser.ts):
 * `net.isIP` and the forgiving base64 of `Buffer.from(text, 'base64')`. The Node build calls Node's
 * own (platform.ts); the tests hold these to them.
 */

// Node's `net.isIP` (lib/internal/net.js): the same expressions.
const V4_SEG = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const V4 = `(?:${V4_SEG}\\.){3}${V4_SEG}`;
const V6_SEG = '(?:[0-9a-fA-F]{1,4})';
const IPV4 = new RegExp(`^${V4}$`);
const IPV6 = new RegExp(
  '^(?:' +
    `(?:${V6_SEG}:){7}(?:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){6}(?:${V4}|:${V6_SEG}|:)|` +
    `(?:${V6_SEG}:){5}(?::${V4}|(?::${V6_SEG}){1,2}|:)|` +
    `(?:${V6_SEG}:){4}(?:(?::${V6_SEG}){0,1}:${V4}|(?::${V6_SEG}){1,3}|:)|` +
    `(?:${V6_SEG}:){3}(?:(?::${V6_SEG}){0,2}:${V4}|(?::${V6_SEG}){1,4}|:)|` +
    `(?:${V6_SEG}:){2}(?:(?::${V6_SEG}){0,3}:${V4}|(?::${V6_SEG}){1,5}|:)|` +
    `(?:${V6_SEG}:){1}(?:(?::${V6_SEG}){0,4}:${V4}|(?::${V6_SEG}){1,6}|:)|` +
    `(?::(?:(?::${V6_SEG}){0,5}:${V4}|(?::${V6_SEG}){1,7}|:))` +
    ')(?:%[0-9a-zA-Z-.:]{1,})?$',
);

/**
 * 4 for an IPv4 address, 6 for an IPv6 one, else 0 (Node's `net.isIP`).
 * @example
 * isIP('::ffff:127.0.0.1') // 6
 */
export function isIP(text: string): number {
  if (IPV4.test(text)) return 4;
  return IPV6.test(text) ? 6 : 0;
}

const SIXTETS = new Map<number, number>(
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c.charCodeAt(0), i]),
);
SIXTETS.set('-'.charCodeAt(0), 62);
SIXTETS.set('_'.charCodeAt(0), 63);

/**
 * Base64 decoded as Node's `Buffer.from(text, 'base64')` does (src/base64-inl.h): each UTF-16 unit
 * is read by its low byte, what is not in either alphabet is skipped, the first `=` ends the input,
 * and a last lone sixtet is dropped.
 * @example
 * decodeBase64Loose('aG k=!') // Uint8Array [104, 105]
 */
export function decodeBase64Loose(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const byte = text.charCodeAt(i) & 0xff;
    if (byte === 0x3d) break;
    const sixtet = SIXTETS.get(byte);
    if (sixtet === undefined) continue;
    bits = (bits << 6) | sixtet;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out.push((bits >> count) & 0xff);
      bits &= (1 << count) - 1;
    }
  }
  return Uint8Array.from(out);
}
