/**
 * @module
 * The command's build (`npm run build` runs it after tsc, through tools/build-bundles.ts): `src/cli.ts`
 * bundled by esbuild for Node into `dist/node/`, the entry that `bin/hackatime-kit.js` loads. Node
 * spends a third of a cold mock's start-up resolving, reading and linking the few hundred modules
 * tsc writes (issue 13); the bundle is a handful. Each command stays a chunk of its own
 * (`import()` in src/cli.ts, with splitting), so the mock still never loads Spectral or the runner.
 *
 * Two things keep the bundle the program tsc builds:
 *   - a module's `import.meta.url` is the URL it has in tsc's `dist/` (the spec, fixtures and the
 *     bundle cache are found relative to it), written as a URL relative to the chunk;
 *   - only the packages the mock loads at start-up go inside ({@link INSIDE}); every other package
 *     is imported from `node_modules` as before (Ajv through `createRequire`, Swagger UI's files,
 *     Spectral, yaml), so what the package installs is what runs.
 * The library (`dist/index.js`) is tsc's output, not this bundle.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { type Bundle, bundleInto } from './esbuild-bundle.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');

/** Packages the mock imports at start-up: their modules would be as many files to resolve and load. */
const INSIDE = new Set(['hono', '@hono/node-server', '@faker-js/faker']);

/** `hono/utils/mime` → `hono`, `@hono/node-server/x` → `@hono/node-server`. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

/** Bare specifiers: inside for {@link INSIDE}, else left to Node (built-ins included). */
const packagesOutside: Plugin = {
  name: 'hackatime-kit-packages-outside',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (INSIDE.has(packageName(args.path)) ? undefined : { path: args.path, external: true }));
  },
};

/** Each source module's `import.meta.url` as tsc lays it out: `src/a/b.ts` is `dist/a/b.js`. */
function metaUrlAsBuilt(outdir: string): Plugin {
  return {
    name: 'hackatime-kit-meta-url',
    setup(b) {
      b.onLoad({ filter: /\.ts$/ }, (args) => {
        if (!args.path.startsWith(SRC)) return undefined;
        const contents = readFileSync(args.path, 'utf8');
        if (!contents.includes('import.meta.url')) return { contents, loader: 'ts' };
        const asBuilt = join(DIST, relative(SRC, args.path)).replace(/\.ts$/, '.js');
        const url = `new URL(${JSON.stringify(relative(outdir, asBuilt))}, import.meta.url).href`;
        return { contents: contents.replaceAll('import.meta.url', url), loader: 'ts' };
      });
    },
  };
}

/**
 * Bundles the command into `outdir` (default `dist/node`, where `bin/hackatime-kit.js` imports it from).
 * @example
 * await bundleNode(); // dist/node/cli.js and its chunks, one per command and the shared ones
 */
export async function bundleNode(outdir: string = join(DIST, 'node')): Promise<Bundle> {
  return bundleInto(ROOT, outdir, {
    entryPoints: { cli: join(SRC, 'cli.ts') },
    platform: 'node',
    target: 'node20',
    sourcemap: true,
    plugins: [packagesOutside, metaUrlAsBuilt(outdir)],
  });
}
