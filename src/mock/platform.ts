/**
 * @module
 * What the mock takes from its platform, in one place: the seed OAuth apps' file, a file named on
 * the command line, IP address syntax and Node's forgiving base64. This is the Node side;
 * `platform.browser.ts` is the same module for the browser build (the seed apps travel in the
 * bundle), which `tools/browser-bundle.ts` puts in this one's place.
 */
import { readFileSync } from 'node:fs';
import { isIP as nodeIsIP } from 'node:net';
import { fileURLToPath } from 'node:url';

/** `fixtures/oauth-apps.json` (the same relative place from `src/` and `dist/`). */
export const SEED_APPS_FILE = fileURLToPath(new URL('../../fixtures/oauth-apps.json', import.meta.url));

/** The seed apps' file, parsed. */
export function readSeedAppsFile(): unknown {
  return JSON.parse(readFileSync(SEED_APPS_FILE, 'utf8'));
}

/** A text file the user named (`--oauth-app <path>`). */
export function readTextFile(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * 4 for an IPv4 address, 6 for an IPv6 one, else 0 (Node's `net.isIP`).
 * @example
 * isIP('::1') // 6
 */
export function isIP(text: string): number {
  return nodeIsIP(text);
}

/**
 * Base64 decoded the forgiving way (Node's `Buffer.from(text, 'base64')`: what is not base64 is
 * skipped, either alphabet is read).
 * @example
 * decodeBase64Loose('aGk=') // Uint8Array [104, 105]
 */
export function decodeBase64Loose(text: string): Uint8Array {
  return Buffer.from(text, 'base64');
}
