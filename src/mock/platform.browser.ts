/**
 * @module
 * `platform.ts` for the browser build: the seed apps come from the bundle, there are no files to
 * name, and IP syntax and the forgiving base64 are Node's, written out (node-compat.ts).
 */
import { oauthAppsFile } from 'hackatime-kit:bundled-data';

export const SEED_APPS_FILE: string = 'fixtures/oauth-apps.json';

/** The seed apps' file, as the build bundled it. */
export function readSeedAppsFile(): unknown {
  return oauthAppsFile;
}

/** A browser has no files to name: apps are given as objects (`oauthApps`). */
export function readTextFile(path: string): string {
  throw new Error(`cannot read ${path}: there are no files in the browser`);
}

export { decodeBase64Loose, isIP } from './node-compat.js';
