/**
 * @module
 * The files of the reference page, the same for the mock's `/docs/*` and the static build: Swagger
 * UI from `node_modules/swagger-ui-dist` (its licence and notice travel with it, as Apache-2.0 asks),
 * the page script and the favicon. Read once, on first use.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { FAVICON_SVG, faviconIco } from './favicon.js';
import { PAGE_SCRIPT } from './page-script.js';

export interface DocsAsset {
  body: Buffer;
  contentType: string;
  /** Strong validator derived from the bytes. */
  etag: string;
}

const SWAGGER_UI_DIR = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

export const etagOf = (body: Buffer | string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

const asset = (body: Buffer | string, contentType: string): DocsAsset => {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  return { body: bytes, contentType, etag: etagOf(bytes) };
};

const swaggerFile = (name: string): string => readFileSync(join(SWAGGER_UI_DIR, name), 'utf8');

let cached: ReadonlyMap<string, DocsAsset> | undefined;

/** Asset name (a flat file name, relative to the page) → its bytes and content type. */
export function docsAssets(): ReadonlyMap<string, DocsAsset> {
  cached ??= new Map([
    // The source map is not shipped, so its comment would only produce a 404 in developer tools.
    ['swagger-ui.css', asset(swaggerFile('swagger-ui.css').replace(/\/\*# sourceMappingURL=\S+ ?\*\/\s*$/, ''), 'text/css; charset=utf-8')],
    ['swagger-ui-bundle.js', asset(swaggerFile('swagger-ui-bundle.js'), 'text/javascript; charset=utf-8')],
    ['swagger-ui-LICENSE.txt', asset(swaggerFile('LICENSE'), 'text/plain; charset=utf-8')],
    ['swagger-ui-NOTICE.txt', asset(swaggerFile('NOTICE'), 'text/plain; charset=utf-8')],
    ['docs.js', asset(PAGE_SCRIPT, 'text/javascript; charset=utf-8')],
    ['favicon.svg', asset(FAVICON_SVG, 'image/svg+xml')],
    ['favicon.ico', asset(faviconIco(), 'image/x-icon')],
  ]);
  return cached;
}
