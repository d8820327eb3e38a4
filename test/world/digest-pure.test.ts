/**
 * The browser build's digests and Node shims are Node's, byte for byte: MD5 and SHA-256 in plain
 * code against `node:crypto`, `isIP` against `net.isIP`, the forgiving base64 against `Buffer`, and
 * the Web-API byte helpers against the `Buffer` calls they replaced. The world's `fields_hash` and
 * the mock's secrets depend on the digests, so a difference would be a different world in a browser.
 */
import { createHash } from 'node:crypto';
import { isIP as nodeIsIP } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64urlOf, compareUtf8, hexOf, utf8ByteLength, utf8Text } from '../../src/mock/bytes.js';
import { decodeBase64Loose, isIP } from '../../src/mock/node-compat.js';
import { md5, sha256 } from '../../src/world/digest-pure.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const anyText = fc.string({ unit: 'binary', maxLength: 300 });
const anyBytes = fc.uint8Array({ maxLength: 300 });

describe('MD5 and SHA-256 in plain code', () => {
  it('match the published test vectors (RFC 1321, FIPS 180-2)', () => {
    expect(hex(md5(''))).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(hex(md5('message digest'))).toBe('f96b697d7cb7938d525a2f31aaf161d0');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agree with node:crypto on any text (as UTF-8) and any bytes, across block boundaries', () => {
    fc.assert(
      fc.property(fc.oneof(anyText, anyBytes), (data) => {
        expect(hex(md5(data))).toBe(createHash('md5').update(data).digest('hex'));
        expect(hex(sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
      }),
      { numRuns: 500 },
    );
    for (let n = 50; n < 140; n++) expect(hex(md5('x'.repeat(n)))).toBe(createHash('md5').update('x'.repeat(n)).digest('hex'));
  });
});

describe("Node's behaviours, written out", () => {
  const ipLike = fc.oneof(
    fc.ipV4(),
    fc.ipV6(),
    fc.ipV4Extended(),
    fc.tuple(fc.ipV6(), fc.stringMatching(/^[0-9a-zA-Z.:-]{0,5}$/)).map(([ip, zone]) => `${ip}%${zone}`),
    fc.stringMatching(/^[0-9a-fA-F:.%]{0,40}$/),
  );

  it('isIP answers as net.isIP', () => {
    fc.assert(
      fc.property(ipLike, (text) => {
        expect(isIP(text)).toBe(nodeIsIP(text));
      }),
      { numRuns: 2000 },
    );
    for (const text of [
      '',
      '1.2.3.4',
      '01.2.3.4',
      '256.1.1.1',
      '::',
      '::1',
      '2001:DB8::1',
      'fe80::1%eth0',
      '::ffff:1.2.3.4',
      '1:2:3:4:5:6:7:8:9',
    ])
      expect(isIP(text), text).toBe(nodeIsIP(text));
  });

  it("decodeBase64Loose decodes as Buffer.from(text, 'base64'): skips what is not base64, stops at '='", () => {
    const base64ish = fc.stringMatching(/^[A-Za-z0-9+/=_\- \n*é\u0141\u013d]{0,60}$/);
    fc.assert(
      fc.property(fc.oneof(base64ish, anyText), (text) => {
        expect(hex(decodeBase64Loose(text))).toBe(Buffer.from(text, 'base64').toString('hex'));
      }),
      { numRuns: 2000 },
    );
  });

  it('the byte helpers do what the Buffer calls they replaced did', () => {
    fc.assert(
      fc.property(anyText, anyText, anyBytes, (a, b, bytes) => {
        expect(utf8ByteLength(a)).toBe(Buffer.byteLength(a, 'utf8'));
        expect(compareUtf8(a, b)).toBe(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        expect(utf8Text(bytes)).toBe(Buffer.from(bytes).toString('utf8'));
        expect(hexOf(bytes)).toBe(Buffer.from(bytes).toString('hex'));
        expect(base64urlOf(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      }),
      { numRuns: 1000 },
    );
  });
});
