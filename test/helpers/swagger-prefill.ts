/**
 * What Swagger UI's "try it" sends for an operation before the reader types anything: each
 * parameter's pre-filled value and the pre-authorized credentials, computed the way swagger-ui
 * 5.35.0 (the version `/docs` serves) does it, so that a test can send every GET the reference page
 * would send without rendering the page (rendering each operation in Chromium costs about 2 s).
 *
 * - Parameter values: `ParameterRow.setDefaultValue` (swagger-api/swagger-ui,
 *   src/core/components/parameter-row.jsx; in the served bundle,
 *   node_modules/swagger-ui-dist/swagger-ui-bundle.js): for OpenAPI 3, the first of
 *   `examples[<active example>].value` (the first example until the reader picks another),
 *   `content[<media type>].example`, `example`, `schema.example`, `schema.default`, `default`;
 *   a value that is not a string is JSON-stringified. A 3.1 `schema.examples` array is not read.
 * - Credentials: swagger-client's `applySecurities` (src/execute/oas3/build-request.js): every
 *   requirement of the operation's `security` is walked in order and each authorized scheme applied,
 *   so for `Authorization` the last authorized one wins; then the page's own request interceptor,
 *   which gives the admin API (`/api/admin/v1/*`) the pre-filled admin key back.
 */
import type { OpenAPIObject, OperationObject, ParameterObject, SecuritySchemeObject } from 'openapi3-ts/oas31';
import { ADMIN_API_PREFIX, type Prefill } from '../../src/docs/page-script.js';

/** Swagger UI's key for a parameter's value (`specSelectors.parameterValues`): `in.name`. */
export const parameterKey = (p: ParameterObject): string => `${p.in}.${p.name}`;

const stringify = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The value Swagger UI pre-fills for `param`, or undefined when it leaves the field empty. */
export function prefilledValue(param: ParameterObject): string | undefined {
  const firstExample = Object.values(param.examples ?? {})[0];
  const mediaType = Object.keys(param.content ?? {})[0];
  const schema = (param.schema ?? {}) as { example?: unknown; default?: unknown };
  const candidates = [
    firstExample && 'value' in firstExample ? firstExample.value : undefined,
    mediaType === undefined ? undefined : param.content?.[mediaType]?.example,
    param.example,
    schema.example,
    schema.default,
    (param as { default?: unknown }).default,
  ];
  const found = candidates.find((v) => v !== undefined);
  return found === undefined ? undefined : stringify(found);
}

export interface PrefilledRequest {
  /** Path and query, as Swagger UI builds them. */
  url: string;
  headers: Record<string, string>;
  /** Required parameters Swagger UI leaves empty (it would refuse to execute). */
  missing: string[];
}

/** The request "try it" sends for `operation` on `path` with the page's pre-fill, before any typing. */
export function prefilledRequest(
  document: OpenAPIObject,
  path: string,
  operation: OperationObject,
  prefill: readonly Prefill[],
  pathLevel: readonly ParameterObject[] = [],
): PrefilledRequest {
  const params = [...pathLevel, ...((operation.parameters ?? []) as ParameterObject[])];
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  const missing: string[] = [];
  let url = path;
  for (const param of params) {
    const value = prefilledValue(param);
    if (value === undefined || value === '') {
      if (param.required) missing.push(parameterKey(param));
      continue;
    }
    if (param.in === 'path') url = url.replace(`{${param.name}}`, encodeURIComponent(value));
    else if (param.in === 'query') query.append(param.name, value);
    else if (param.in === 'header') headers[param.name] = value;
  }
  const schemes = (document.components?.securitySchemes ?? {}) as Record<string, SecuritySchemeObject>;
  const authorized = new Map(prefill.map((p) => [p.scheme, p]));
  for (const requirement of operation.security ?? document.security ?? []) {
    for (const name of Object.keys(requirement)) {
      const given = authorized.get(name);
      const scheme = schemes[name];
      if (!given || !scheme) continue;
      if (given.kind === 'apiKey' && scheme.type === 'apiKey' && scheme.in === 'query') query.set(scheme.name ?? '', given.value);
      else if (given.kind === 'apiKey' && scheme.type === 'apiKey' && scheme.in === 'header') headers[scheme.name ?? ''] = given.value;
      else if (given.kind === 'apiKey' && scheme.type === 'http') headers['Authorization'] = `Bearer ${given.value}`;
      else if (given.kind === 'oauth2') headers['Authorization'] = `Bearer ${given.token}`;
      else if (given.kind === 'basic') headers['Authorization'] = `Basic ${btoa(given.username)}`;
    }
  }
  // The page's request interceptor: the admin API gets the pre-filled admin key back (src/docs/page-script.ts).
  const adminKey = authorized.get('AdminToken');
  const demoToken = authorized.get('OAuth2');
  if (path.startsWith(ADMIN_API_PREFIX) && adminKey?.kind === 'apiKey' && demoToken?.kind === 'oauth2') {
    if (headers['Authorization'] === `Bearer ${demoToken.token}`) headers['Authorization'] = `Bearer ${adminKey.value}`;
  }
  const search = query.toString();
  return { url: search === '' ? url : `${url}?${search}`, headers, missing };
}
