/**
 * @module
 * What the world takes from its platform, in one place: the fixture files and the digests. This is
 * the Node side; `platform.browser.ts` is the same module for the browser build (the fixtures travel
 * in the bundle, the digests are plain code), which `tools/browser-bundle.ts` puts in this one's place.
 */
import { createHash, hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of the world's fixtures (the same relative place from `src/` and `dist/`). */
const WORLD_FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/world/', import.meta.url));

/**
 * One file of `fixtures/world/`, parsed.
 * @example
 * readWorldFixture('languages.json') // { languages: [...], defaultColor: '#…' }
 */
export function readWorldFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${WORLD_FIXTURES_DIR}${name}`, 'utf8'));
}

/**
 * MD5 of the UTF-8 of `text`, as 32 hex digits.
 * @example
 * md5Hex('') // 'd41d8cd98f00b204e9800998ecf8427e'
 */
export function md5Hex(text: string): string {
  return hash('md5', text, 'hex');
}

/**
 * SHA-256 of `data` (a string as UTF-8).
 * @example
 * sha256('abc').length // 32
 */
export function sha256(data: Uint8Array | string): Uint8Array {
  return createHash('sha256').update(data).digest();
}
