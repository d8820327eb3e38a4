/**
 * What the kit's two bundles (browser-bundle.ts, node-bundle.ts) share: an output folder emptied
 * first, ES modules split into chunks named by their hash, and the list of files written.
 */
import { rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { type BuildOptions, build, type Metafile } from 'esbuild';

export interface Bundle {
  /** The files written (source maps left out), relative to `outdir`, with their sizes in bytes. */
  outputs: { file: string; bytes: number }[];
  metafile: Metafile;
}

/**
 * Builds `options` (entries, platform, plugins…) into `outdir`, resolving from `root`.
 * @example
 * await bundleInto(ROOT, join(ROOT, 'dist/node'), { entryPoints: { cli: 'src/cli.ts' }, platform: 'node' });
 */
export async function bundleInto(root: string, outdir: string, options: BuildOptions): Promise<Bundle> {
  // Chunks are named by their hash: an old one would otherwise stay beside the new.
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    chunkNames: 'chunk-[hash]',
    logLevel: 'silent',
    ...options,
    metafile: true,
  });
  const outputs = Object.entries(result.metafile.outputs)
    .filter(([file]) => !file.endsWith('.map'))
    .map(([file, output]) => ({ file: relative(outdir, resolve(root, file)), bytes: output.bytes }));
  return { outputs, metafile: result.metafile };
}
