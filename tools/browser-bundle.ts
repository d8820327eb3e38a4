/**
 * @module
 * The browser build (`npm run build` runs it after tsc, through tools/build-bundles.ts): `src/browser.ts` and `src/msw.ts` bundled by
 * esbuild for `platform=browser` into `dist/bundle/`, with everything they need but `msw` inside. Two
 * things differ from the Node build, both at the platform seam:
 *   - each `platform.ts` (src/world, src/spec, src/mock) is replaced by its `platform.browser.ts`;
 *   - `hackatime-kit:bundled-data`, which those import, is made here: `fixtures/world/*.json`,
 *     `fixtures/oauth-apps.json` and the bundled specs, as one JSON module.
 * A Node built-in anywhere in what the entries reach fails the build (esbuild cannot resolve one for
 * the browser), and so does a `platform.ts` left in.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { bundleSpec } from '../src/spec/bundle.js';
import { type Bundle, bundleInto } from './esbuild-bundle.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SRC = join(ROOT, 'src');
/** The specs the mock loads, relative to the package (the browser seam's `SPEC_ROOT`s). */
const SPEC_ROOTS = ['openapi/hackatime.yaml', 'openapi/mock-admin/mock-admin.yaml'];
const DATA_MODULE = 'hackatime-kit:bundled-data';

/** What `hackatime-kit:bundled-data` holds (declared in src/bundled-data.d.ts). */
function bundledData(): Record<string, unknown> {
  const worldDir = join(ROOT, 'fixtures/world');
  const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
  const worldFixtureFiles = Object.fromEntries(
    readdirSync(worldDir)
      .filter((name) => name.endsWith('.json'))
      .sort()
      .map((name) => [name, readJson(join(worldDir, name))]),
  );
  const specDocuments = Object.fromEntries(
    SPEC_ROOTS.map((root) => {
      const { document, files } = bundleSpec(join(ROOT, root));
      return [root, { document, files: files.map((file) => relative(ROOT, file)) }];
    }),
  );
  return { worldFixtureFiles, oauthAppsFile: readJson(join(ROOT, 'fixtures/oauth-apps.json')), specDocuments };
}

/** The platform seam: `platform.browser.ts` for `platform.ts`, and the data module. */
const browserPlatform: Plugin = {
  name: 'hackatime-kit-browser-platform',
  setup(b) {
    b.onResolve({ filter: /\/platform\.js$/ }, (args) => {
      if (!args.importer.startsWith(SRC)) return undefined;
      const path = resolve(args.resolveDir, args.path.replace(/\.js$/, '.browser.ts'));
      return existsSync(path) ? { path } : undefined;
    });
    b.onResolve({ filter: new RegExp(`^${DATA_MODULE}$`) }, () => ({ path: 'bundled-data.json', namespace: 'hackatime-kit' }));
    b.onLoad({ filter: /.*/, namespace: 'hackatime-kit' }, () => ({ contents: JSON.stringify(bundledData()), loader: 'json' }));
  },
};

/**
 * Bundles the browser entries into `outdir` (default `dist/bundle`).
 * @example
 * await bundleBrowser(); // dist/bundle/browser.js, dist/bundle/msw.js and their shared chunk
 */
export async function bundleBrowser(outdir: string = join(ROOT, 'dist/bundle')): Promise<Bundle> {
  const bundle = await bundleInto(ROOT, outdir, {
    entryPoints: { browser: join(SRC, 'browser.ts'), msw: join(SRC, 'msw.ts') },
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // msw is the user's (an optional peer dependency): one copy, theirs.
    external: ['msw'],
    plugins: [browserPlatform],
  });
  const leftIn = Object.keys(bundle.metafile.inputs).filter((input) => /(^|\/)platform\.ts$/.test(input));
  if (leftIn.length > 0) throw new Error(`the browser bundle holds Node's platform module: ${leftIn.join(', ')}`);
  return bundle;
}
