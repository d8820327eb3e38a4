/**
 * @module
 * The odd strings the fuzzer feeds into free-text places: odd unicode (combining marks, emoji with
 * joiners, right-to-left overrides, non-characters), NUL and other control characters, quotes and
 * markup, numbers that are not quite numbers, and long strings. Every string is well-formed UTF-16
 * (a lone surrogate cannot be sent: URLs and JSON would silently replace it), so what a finding
 * shows is what was sent.
 */
import fc from 'fast-check';

/** Strings that have broken parsers before; each is tried on its own and inside random text. */
export const NASTY_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\t\n\r',
  '%',
  '%00',
  '%ZZ',
  "'",
  '"',
  '\\',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell-style probe, sent literally
  '${jndi:ldap://x}',
  '../../etc/passwd',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '-0',
  '1e309',
  'NaN',
  'Infinity',
  '9007199254740993',
  '0x10',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59Z',
  'today',
  '\u202Eevil',
  '\uFEFF',
  '\uFFFF',
  'e\u0301\u0301\u0301',
  '👩‍💻🏳️‍🌈',
  '𝕳𝖆𝖈𝖐',
  'ﬀ',
  'İı',
  'ß',
  '日本語',
  'العربية',
];

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/** Any unicode text (graphemes, control characters included), well-formed. */
const unicodeText = (maxLength: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary', maxLength }).filter(wellFormed),
    fc.string({ unit: 'grapheme-ascii', maxLength }),
  );

/** A long run of one character: oversized values without megabytes of random data. */
const longString = (min: number, max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.constantFrom('a', '9', '-', 'é', '😀', '\u0000'), fc.integer({ min, max })).map(([c, n]) => c.repeat(n));

/**
 * Free text of every odd kind. `maxLength` bounds the long strings (a query string must stay under
 * the 16 KiB a Node server accepts for its request line and headers).
 */
export function oddString(maxLength = 1_024): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 4, arbitrary: unicodeText(24) },
    { weight: 2, arbitrary: fc.tuple(unicodeText(8), fc.constantFrom(...NASTY_STRINGS), unicodeText(8)).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: longString(Math.min(25, maxLength), maxLength) },
  );
}

/**
 * A header value: what `fetch` can send at all (printable ASCII and tabs; no NUL, CR or LF, which
 * no HTTP client can put in a header).
 */
export function headerString(maxLength = 512): fc.Arbitrary<string> {
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 });
  return fc.oneof(
    { weight: 4, arbitrary: printable },
    { weight: 1, arbitrary: fc.constantFrom('', '%00', "'", '"', '-1', 'null', '()<>@,;:\\"/[]?={}', 'a\tb') },
    { weight: 1, arbitrary: fc.integer({ min: Math.min(41, maxLength), max: maxLength }).map((n) => 'x'.repeat(n)) },
  );
}

/**
 * A single path segment that routes as one: no `/`, not empty, not `.` or `..` (a URL parser
 * resolves those, so the request would reach another route).
 */
export const isRoutableSegment = (s: string): boolean =>
  s !== '' && !s.includes('/') && s !== '.' && s !== '..' && !/^(%2e|\.){1,2}$/i.test(s);
