/**
 * @module
 * The mock's documentation routes: `/openapi.json`, `/openapi.yaml` (the dereferenced spec, its first
 * server being the origin the request came to), `/docs` (the reference page), `/docs/<asset>` and
 * `/favicon.ico`. No credentials needed; mounted before the spec's operations, whose paths
 * (`/api/*`, `/oauth/*`) they do not overlap.
 */
import type { Context, Hono } from 'hono';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { docsAssets, etagOf } from './assets.js';
import { type DemoCredentials, demoCredentials } from './credentials.js';
import { prefillFor, renderPage } from './page.js';
import { referenceDocument, specJson, specYaml, withServerFirst } from './spec-copy.js';

const DOCS_PATH = '/docs';
const SPEC_JSON_PATH = '/openapi.json';
const SPEC_YAML_PATH = '/openapi.yaml';
export const MOCK_SERVER_DESCRIPTION = 'This mock (hackatime-kit)';

export interface DocsRouteOptions {
  /** What the page pre-fills (default: the world's fixed demo credentials). */
  credentials?: DemoCredentials;
}

/** Pages and specs change with the code, so browsers revalidate them (cheap with the ETag). */
const REVALIDATE = 'no-cache';
/** Swagger UI's files change only with its version; an hour, then an ETag check. */
const ASSET_MAX_AGE = 'public, max-age=3600';

interface Body {
  bytes: Buffer | string;
  etag: string;
}

const body = (bytes: Buffer | string): Body => ({ bytes, etag: etagOf(bytes) });

function send(c: Context, { bytes, etag }: Body, contentType: string, cacheControl: string, extra: Record<string, string> = {}): Response {
  const headers = { 'Cache-Control': cacheControl, ETag: etag, 'X-Content-Type-Options': 'nosniff', ...extra };
  const match = c.req.header('if-none-match');
  if (match?.split(',').some((tag) => tag.trim() === etag)) return new Response(null, { status: 304, headers });
  return new Response(bytes, { status: 200, headers: { ...headers, 'Content-Type': contentType } });
}

/**
 * Mounts the documentation routes on the mock's app.
 * @example
 * buildApp({ state, clock, extend: (app) => mountDocs(app) });
 */
export function mountDocs(app: Hono, { credentials }: DocsRouteOptions = {}): void {
  // Built on first request, so starting a mock (tests start hundreds) costs nothing for the docs.
  let page: Body | undefined;
  const pageBody = (): Body =>
    (page ??= body(
      renderPage({
        title: referenceDocument().info.title,
        assetBase: `${DOCS_PATH}/`,
        yamlHref: SPEC_YAML_PATH,
        config: { specUrl: SPEC_JSON_PATH, prefill: prefillFor(referenceDocument(), credentials ?? demoCredentials()) },
      }),
    ));

  // The serialized copies for the last origin asked (in practice always the same one).
  let last: { origin: string; document: OpenAPIObject; json?: Body; yaml?: Body } | undefined;
  const served = (c: Context): NonNullable<typeof last> => {
    const { origin } = new URL(c.req.url);
    if (last?.origin !== origin) last = { origin, document: withServerFirst(referenceDocument(), origin, MOCK_SERVER_DESCRIPTION) };
    return last;
  };
  // Any page may fetch the spec (an editor or a hosted viewer pointed at the mock).
  const cors = { 'Access-Control-Allow-Origin': '*' };
  const asset = (c: Context, name: string): Response | Promise<Response> => {
    const found = docsAssets().get(name);
    return found ? send(c, { bytes: found.body, etag: found.etag }, found.contentType, ASSET_MAX_AGE) : c.notFound();
  };

  app.get(SPEC_JSON_PATH, (c) => {
    const s = served(c);
    return send(c, (s.json ??= body(specJson(s.document))), 'application/json; charset=utf-8', REVALIDATE, cors);
  });
  app.get(SPEC_YAML_PATH, (c) => {
    const s = served(c);
    return send(c, (s.yaml ??= body(specYaml(s.document))), 'application/yaml; charset=utf-8', REVALIDATE, cors);
  });
  app.get(DOCS_PATH, (c) => send(c, pageBody(), 'text/html; charset=utf-8', REVALIDATE));
  app.get(`${DOCS_PATH}/`, (c) => send(c, pageBody(), 'text/html; charset=utf-8', REVALIDATE));
  app.get(`${DOCS_PATH}/:name`, (c) => asset(c, c.req.param('name')));
  app.get('/favicon.ico', (c) => asset(c, 'favicon.ico'));
}
