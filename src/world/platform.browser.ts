/**
 * @module
 * `platform.ts` for the browser build: the fixtures come from the bundle (the build reads
 * `fixtures/world/` into it) and the digests are plain code, since WebCrypto's are async.
 */
import { worldFixtureFiles } from 'hackatime-kit:bundled-data';
import { md5, sha256 } from './digest-pure.js';

/** One file of `fixtures/world/`, as the build bundled it. */
export function readWorldFixture(name: string): unknown {
  const file = worldFixtureFiles[name];
  if (file === undefined) throw new Error(`fixtures/world/${name} is not in the browser bundle`);
  return file;
}

/** MD5 of the UTF-8 of `text`, as 32 hex digits. */
export function md5Hex(text: string): string {
  let out = '';
  for (const byte of md5(text)) out += byte.toString(16).padStart(2, '0');
  return out;
}

export { sha256 };
