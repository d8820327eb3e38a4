/**
 * @module
 * A bundled spec saved as JSON next to the compiled code, so that a start-up reads one JSON file
 * instead of parsing every YAML file (a second and more). The cache names each source file by its
 * path from the root file's folder, with its size, mtime and SHA-256, and is used only while every
 * one of them is unchanged: an edited spec is always read afresh. A file whose mtime moved is read
 * and its digest compared, so the cache holds where the files were copied or unpacked with new
 * times (the published package ships it: `npx hackatime-kit mock` starts without parsing YAML).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BundleResult, bundleSpec } from './bundle.js';

interface Fingerprint {
  /** From the root file's folder. */
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

interface CacheFile {
  files: Fingerprint[];
  /** The bundle with every path from the root file's folder. */
  bundle: BundleResult;
}

/** Where the cache of a root file lives: beside this module (in `dist/`, after a build). */
function cachePathFor(rootFile: string): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'cache', `${basename(rootFile).replace(/\.ya?ml$/, '')}.json`);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The bundle's paths rewritten by `to` (absolute ↔ from the root file's folder). */
function withPaths(bundle: BundleResult, to: (path: string) => string): BundleResult {
  return { ...bundle, files: bundle.files.map(to), origins: bundle.origins.map((o) => ({ ...o, file: to(o.file) })) };
}

export function writeBundleCache(rootFile: string, cacheFile = cachePathFor(rootFile)): void {
  const bundle = bundleSpec(rootFile);
  const base = dirname(resolve(rootFile));
  const files = bundle.files.map((path) => {
    const { size, mtimeMs } = statSync(path);
    return { path: relative(base, path), size, mtimeMs, sha256: sha256(path) };
  });
  const cache: CacheFile = { files, bundle: withPaths(bundle, (path) => relative(base, path)) };
  mkdirSync(dirname(cacheFile), { recursive: true });
  writeFileSync(cacheFile, JSON.stringify(cache));
}

/** Whether the file at `path` is as the cache saw it: same size and time, or same size and content. */
function unchanged(path: string, f: Fingerprint): boolean {
  const { size, mtimeMs } = statSync(path);
  return size === f.size && (mtimeMs === f.mtimeMs || sha256(path) === f.sha256);
}

/** The cached bundle when every source file is as it was, else `undefined`. */
export function readBundleCache(rootFile: string, cacheFile = cachePathFor(rootFile)): BundleResult | undefined {
  let cache: CacheFile;
  try {
    cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as CacheFile;
  } catch {
    return undefined;
  }
  const base = dirname(resolve(rootFile));
  if (cache.files[0]?.path !== basename(rootFile)) return undefined;
  // Each file is named in `files` and again in `origins`: joined once (a start-up reads every one).
  const absolute = new Map<string, string>();
  const from = (path: string) => {
    let full = absolute.get(path);
    if (full === undefined) absolute.set(path, (full = join(base, path)));
    return full;
  };
  try {
    return cache.files.every((f) => unchanged(from(f.path), f)) ? withPaths(cache.bundle, from) : undefined;
  } catch {
    return undefined;
  }
}
