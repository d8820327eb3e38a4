/**
 * @module
 * The reference page's HTML, shared by the mock's `/docs` and the static build: only the asset base
 * and where the spec comes from differ.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { DemoCredentials } from './credentials.js';
import { CONFIG_ELEMENT_ID, type PageConfig, type Prefill } from './page-script.js';

/**
 * Which demo credential each security scheme of the spec is pre-filled with. The API key goes in as
 * Bearer only: Swagger UI sends every authorized alternative at once, which would clutter each curl
 * line with a Basic header and `?api_key=` as well (a reader can still fill those in).
 */
export const PREFILL_SCHEMES: Readonly<Record<string, keyof DemoCredentials>> = {
  ApiKeyBearer: 'apiKey',
  AdminKeyBearer: 'adminKey',
  AdminToken: 'superadminKey',
  OAuth2: 'oauthToken',
};

/**
 * The pre-fill list for the page, from the spec's own security schemes (a scheme the spec does not
 * define is skipped; one the table does not name is left for the reader to fill).
 */
export function prefillFor(document: OpenAPIObject, credentials: DemoCredentials): Prefill[] {
  const schemes = document.components?.securitySchemes ?? {};
  const out: Prefill[] = [];
  for (const [scheme, credential] of Object.entries(PREFILL_SCHEMES)) {
    const definition = schemes[scheme];
    if (!definition || '$ref' in definition) continue;
    const value = credentials[credential];
    if (definition.type === 'oauth2') {
      // The demo token holds every scope but `admin` (only verified confidential apps get that one).
      const scopes = Object.keys(definition.flows?.authorizationCode?.scopes ?? {}).filter((s) => s !== 'admin');
      out.push({ kind: 'oauth2', scheme, token: value, scopes });
    } else if (definition.type === 'http' && definition.scheme?.toLowerCase() === 'basic') {
      out.push({ kind: 'basic', scheme, username: value });
    } else {
      out.push({ kind: 'apiKey', scheme, value });
    }
  }
  return out;
}

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON that is safe inside a `<script>` element (no `</script>`, no `<!--`). */
const scriptJson = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

export interface PageOptions {
  title: string;
  /** Prefix of every asset URL: `/docs/` on the mock, `` (relative) in the static build. */
  assetBase: string;
  config: PageConfig;
  /** Link to the YAML spec for readers without JavaScript. */
  yamlHref: string;
  /** Extra script loaded before the page script: the static build's `spec.js`. */
  specScript?: string;
}

export function renderPage({ title, assetBase, config, yamlHref, specScript }: PageOptions): string {
  const base = escapeHtml(assetBase);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} reference</title>
<link rel="icon" href="${base}favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="${base}swagger-ui.css">
</head>
<body>
<noscript>This reference needs JavaScript. The spec itself: <a href="${escapeHtml(yamlHref)}">openapi.yaml</a>.</noscript>
<div id="swagger-ui"></div>
<script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptJson(config)}</script>
${specScript === undefined ? '' : `<script src="${escapeHtml(specScript)}"></script>\n`}<script src="${base}swagger-ui-bundle.js"></script>
<script src="${base}docs.js"></script>
</body>
</html>
`;
}
