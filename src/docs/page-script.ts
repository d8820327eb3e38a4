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
    requestInterceptor: wakatimeBasic,
    onComplete: () => {
      prefill(ui);
      document.documentElement.dataset.docsReady = 'true';
    },
  });
  window.ui = ui;
})();
`;
