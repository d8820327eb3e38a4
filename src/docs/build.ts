/**
 * @module
 * The reference as a static site: the same page and assets as the mock's `/docs`, with the spec
 * beside them as `openapi.json`, `openapi.yaml` and `spec.js`. The page reads the spec from
 * `spec.js` (a script, not a fetch) so it also works opened from `file://`, where browsers refuse
 * `fetch()`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { docsAssets } from './assets.js';
import { type DemoCredentials, demoCredentials } from './credentials.js';
import { prefillFor, renderPage } from './page.js';
import { referenceDocument, specJson, specYaml, withServerFirst } from './spec-copy.js';

/** Where `hackatime-kit mock` listens by default: what "try it" on a static page talks to. */
export const DEFAULT_TRY_IT_SERVER = 'http://127.0.0.1:4010';

export interface StaticDocsOptions {
  outDir: string;
  /** First server of the page's list, where "try it" sends requests (default: a local mock). */
  server?: string;
  credentials?: DemoCredentials;
}

export interface StaticDocsResult {
  outDir: string;
  /** File names written, relative to `outDir`. */
  files: string[];
}

/**
 * Writes the static reference into `outDir` (created if missing; files of the same name replaced).
 * @example
 * await buildStaticDocs({ outDir: 'site' }); // then open site/index.html
 */
export async function buildStaticDocs({
  outDir,
  server = DEFAULT_TRY_IT_SERVER,
  credentials = demoCredentials(),
}: StaticDocsOptions): Promise<StaticDocsResult> {
  const dir = resolve(outDir);
  // The static page is not served by a mock, so the chosen mock goes first and production stays listed.
  const document = withServerFirst(referenceDocument(), server, 'hackatime-kit mock');
  const json = specJson(document);
  const files = new Map<string, Buffer | string>([
    [
      'index.html',
      renderPage({
        title: document.info.title,
        assetBase: '',
        yamlHref: 'openapi.yaml',
        specScript: 'spec.js',
        config: { prefill: prefillFor(document, credentials) },
      }),
    ],
    ['spec.js', `window.HACKATIME_SPEC = ${json.trimEnd()};\n`],
    ['openapi.json', json],
    ['openapi.yaml', specYaml(document)],
  ]);
  for (const [name, asset] of docsAssets()) files.set(name, asset.body);

  await mkdir(dir, { recursive: true });
  await Promise.all([...files].map(([name, body]) => writeFile(join(dir, name), body)));
  return { outDir: dir, files: [...files.keys()].sort() };
}
