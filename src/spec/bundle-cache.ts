/**
 * @module
 * A bundled spec saved as JSON next to the compiled code, so that a start-up reads one JSON file
 * instead of parsing every YAML file. The cache names each source file with its size and mtime and is
 * used only while all of them are unchanged: an edited spec is always read afresh.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleResult, bundleSpec } from './bundle.js';

interface CacheFile {
  files: { path: string; size: number; mtimeMs: number }[];
  bundle: BundleResult;
}

/** Where the cache of a root file lives: beside this module (in `dist/`, after a build). */
function cachePathFor(rootFile: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'cache', `${basename(rootFile).replace(/\.ya?ml$/, '')}.json`);
}

const fingerprint = (path: string) => {
  const { size, mtimeMs } = statSync(path);
  return { path, size, mtimeMs };
};

export function writeBundleCache(rootFile: string, cacheFile = cachePathFor(rootFile)): void {
  const bundle = bundleSpec(rootFile);
  const cache: CacheFile = { files: bundle.files.map(fingerprint), bundle };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
}

/** The cached bundle when every source file is as it was, else `undefined`. */
export function readBundleCache(rootFile: string, cacheFile = cachePathFor(rootFile)): BundleResult | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  if (cache.files[0]?.path !== rootFile) return undefined;
  try {
    const unchanged = cache.files.every((f) => {
      const now = fingerprint(f.path);
      return now.size === f.size && now.mtimeMs === f.mtimeMs;
    });
    return unchanged ? cache.bundle : undefined;
  } catch {
    return undefined;
  }
}
