/**
 * The bundle cache (`src/spec/bundle-cache.ts`, written by `npm run build`, shipped in the package)
 * stands for the spec's files exactly while they are unchanged: where they are, and where they were
 * copied or unpacked with new times, it gives the bundle that reading them would; after any edit,
 * even one that keeps a file's size, it gives nothing and the spec is read from its files.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleSpec } from '../../src/spec/bundle.js';
import { readBundleCache, writeBundleCache } from '../../src/spec/bundle-cache.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const ROOT_FILE = join(ROOT, 'openapi/hackatime.yaml');

describe('the bundle cache', () => {
  const cacheFile = join(tempDir('bundle-cache'), 'hackatime.json');
  writeBundleCache(ROOT_FILE, cacheFile);

  it('gives the bundle of the files it was written from', () => {
    expect(readBundleCache(ROOT_FILE, cacheFile)).toEqual(bundleSpec(ROOT_FILE));
  });

  it('holds for a copy of the spec with new file times, with the copy’s paths', () => {
    const copy = tempDir('spec-copy');
    cpSync(join(ROOT, 'openapi'), copy, { recursive: true });
    const copiedRoot = join(copy, 'hackatime.yaml');
    const cached = readBundleCache(copiedRoot, cacheFile);
    expect(cached).toEqual(bundleSpec(copiedRoot));
    expect(cached?.files[0]).toBe(copiedRoot);
  });

  it('gives nothing once a file is edited, even to the same size', () => {
    const copy = tempDir('spec-edited');
    cpSync(join(ROOT, 'openapi'), copy, { recursive: true });
    const copiedRoot = join(copy, 'hackatime.yaml');
    const text = readFileSync(copiedRoot, 'utf8');
    const edited = text.replace('3.1.0', '3.1.1');
    expect(edited).not.toBe(text);
    writeFileSync(copiedRoot, edited);
    expect(readBundleCache(copiedRoot, cacheFile)).toBeUndefined();
  });
});
