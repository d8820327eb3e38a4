/**
 * @module
 * The browser half of the reference page (`docs.js`): starts Swagger UI on the spec and pre-fills the
 * demo credentials. Kept as plain ES2020 source in a string because it runs in the browser, not in
 * Node, and must reach `dist/` with the rest of the build; the browser test executes it for real.
 */

/** Read by the script from `<script type="application/json" id="hackatime-docs-config">`. */
export interface PageConfig {
  /** Where Swagger UI fetches the spec; absent = `window.HACKATIME_SPEC` (the static build's `spec.js`). */
  specUrl?: string;
  prefill: Prefill[];
}

/** One security scheme to authorize on load, typed by how Swagger UI takes it. */
export type Prefill =
  | { kind: 'apiKey'; scheme: string; value: string }
  | { kind: 'basic'; scheme: string; username: string }
  | { kind: 'oauth2'; scheme: string; token: string; scopes: string[] };

export const CONFIG_ELEMENT_ID = 'hackatime-docs-config';

/**
 * Where the admin API's operations live: each lists `AdminToken` then `OAuth2: [admin]`, and Swagger
 * UI applies every authorized alternative in order (swagger-client's `applySecurities`, whatever the
 * scopes), so the pre-filled demo OAuth token, which has no `admin` scope, would replace the pre-filled
 * admin key. On these paths the page's request interceptor puts the admin key back in its place.
 */
export const ADMIN_API_PREFIX = '/api/admin/v1/';

export const PAGE_SCRIPT = `'use strict';
(() => {
  const config = JSON.parse(document.getElementById('${CONFIG_ELEMENT_ID}').textContent);

  // WakaTime clients send "Basic base64(key)": no user name, no colon. Swagger UI always encodes
  // "username:password", so a lone trailing colon (empty password) is dropped before sending.
  const wakatimeBasic = (request) => {
    for (const name of ['Authorization', 'authorization']) {
      const match = /^Basic\\s+(\\S+)$/.exec(request.headers[name] || '');
      if (!match) continue;
      let decoded;
      try {
        decoded = atob(match[1]);
      } catch {
        continue;
      }
      if (decoded.indexOf(':') === decoded.length - 1) request.headers[name] = 'Basic ' + btoa(decoded.slice(0, -1));
    }
    return request;
  };

  // The admin API takes the pre-filled admin key rather than the pre-filled demo OAuth token (see
  // ADMIN_API_PREFIX in src/docs/page-script.ts); a token the reader authorized is left alone.
  const find = (scheme) => config.prefill.find((item) => item.scheme === scheme);
  const adminKey = find('AdminToken');
  const demoToken = find('OAuth2');
  const adminApiKey = (request) => {
    if (!adminKey || !demoToken || adminKey.kind !== 'apiKey' || demoToken.kind !== 'oauth2') return request;
    if (new URL(request.url, window.location.href).pathname.indexOf('${ADMIN_API_PREFIX}') !== 0) return request;
    for (const name of ['Authorization', 'authorization']) {
      if (request.headers[name] === 'Bearer ' + demoToken.token) request.headers[name] = 'Bearer ' + adminKey.value;
    }
    return request;
  };

  const prefill = (ui) => {
    const schemes = ui.specSelectors.specJson().getIn(['components', 'securitySchemes']);
    for (const item of config.prefill) {
      if (item.kind === 'apiKey') ui.preauthorizeApiKey(item.scheme, item.value);
      else if (item.kind === 'basic') ui.preauthorizeBasic(item.scheme, item.username, '');
      else if (item.kind === 'oauth2' && schemes && schemes.get(item.scheme)) {
        ui.authActions.authorizeOauth2({
          auth: { name: item.scheme, schema: schemes.get(item.scheme).toJS(), scopes: item.scopes },
          token: { access_token: item.token, token_type: 'Bearer' },
        });
      }
    }
  };

  const ui = SwaggerUIBundle({
    ...(config.specUrl ? { url: config.specUrl } : { spec: window.HACKATIME_SPEC }),
    dom_id: '#swagger-ui',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: true,
    // Every operation listed with its summary, none expanded: the page reads as a table of contents.
    docExpansion: 'list',
    defaultModelsExpandDepth: 0,
    tryItOutEnabled: true,
    displayRequestDuration: true,
    // The default validator badge loads an image from validator.swagger.io: the page stays offline.
    validatorUrl: null,
    queryConfigEnabled: false,
    requestInterceptor: (request) => adminApiKey(wakatimeBasic(request)),
    onComplete: () => {
      prefill(ui);
      document.documentElement.dataset.docsReady = 'true';
    },
  });
  window.ui = ui;
})();
`;
