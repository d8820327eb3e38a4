/**
 * @module
 * A case as a curl command a person can paste into a shell and run as printed: each credential of
 * the run is written as its environment variable (`$HACKATIME_API_KEY`, in double quotes so the
 * shell expands it; `curlVariables`), any other secret is redacted.
 */
import type { Case } from '../case.js';
import type { Credentials } from '../plan/auth.js';
import { REDACTED, type Redactor, redactHeaderValue, SECRET_HEADER, SECRET_QUERY } from './redact.js';
import { encodeBody, urlOf } from './request.js';

/** Credential value → the environment variable a curl line reads it from. */
export type CurlVariables = ReadonlyMap<string, string>;

/**
 * The run's credentials as the variables of `hackatime-kit contract`'s own environment.
 * @example
 * curlVariables({ apiKey: 'k', oauthTokens: [] }).get('k') // 'HACKATIME_API_KEY'
 */
export function curlVariables(creds: Credentials): CurlVariables {
  const vars = new Map<string, string>();
  if (creds.apiKey) vars.set(creds.apiKey, 'HACKATIME_API_KEY');
  if (creds.adminKey) vars.set(creds.adminKey, 'HACKATIME_ADMIN_KEY');
  for (const [i, t] of creds.oauthTokens.entries()) vars.set(t.token, i === 0 ? 'HACKATIME_OAUTH_TOKEN' : `HACKATIME_OAUTH_TOKEN_${i + 1}`);
  if (creds.legacyStatsKey) vars.set(creds.legacyStatsKey, 'HACKATIME_LEGACY_STATS_KEY');
  return vars;
}

/** One shell word: literal text, or an expansion (`$VAR`, `$(…)`) kept as is. */
type Piece = { text: string } | { shell: string };

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Single quotes when all literal; else double quotes, literal text escaped, expansions left to the shell. */
const word = (pieces: readonly Piece[]): string =>
  pieces.every((p) => 'text' in p)
    ? quote(pieces.map((p) => ('text' in p ? p.text : '')).join(''))
    : `"${pieces.map((p) => ('text' in p ? p.text.replace(/[\\"$`]/g, '\\$&') : p.shell)).join('')}"`;

/** An Authorization-like header value with a known credential as its variable, else redacted. */
function headerPieces(name: string, value: string, vars: CurlVariables): Piece[] {
  const scheme = /^\s*(Bearer|Token|Basic)\s+(.+)$/i.exec(value);
  const basic = scheme?.[1]?.toLowerCase() === 'basic' ? Buffer.from(scheme[2] ?? '', 'base64').toString() : undefined;
  const known = vars.get(basic ?? scheme?.[2] ?? value);
  if (known === undefined) return [{ text: `${name}: ${redactHeaderValue(value)}` }];
  if (basic !== undefined) return [{ text: `${name}: ${scheme?.[1]} ` }, { shell: `$(printf %s "$${known}" | base64)` }];
  return [{ text: `${name}: ${scheme ? `${scheme[1]} ` : ''}` }, { shell: `$${known}` }];
}

const PLACEHOLDER = /__CURLVAR(\d+)__/g;

export function toCurl(
  baseUrl: string,
  kase: Case,
  extraHeaders: Record<string, string>,
  redactor: Redactor,
  vars: CurlVariables = new Map(),
): string {
  const expansions: string[] = [];
  const query = kase.query.map(([name, value]): [string, string] => {
    if (!SECRET_QUERY.test(name)) return [name, value];
    const known = vars.get(value);
    if (known === undefined) return [name, REDACTED];
    expansions.push(`$${known}`);
    return [name, `__CURLVAR${expansions.length - 1}__`];
  });
  // URLSearchParams would percent-encode the brackets of the placeholder.
  const url = redactor.text(urlOf(baseUrl, { path: kase.path, query }).replace(/%5BREDACTED%5D/g, REDACTED));
  const urlPieces: Piece[] = url.split(PLACEHOLDER).map((part, i) => (i % 2 === 0 ? { text: part } : { shell: expansions[Number(part)]! }));
  const parts = ['curl', '-X', kase.method, word(urlPieces)];
  const headers = { ...extraHeaders, ...kase.headers };
  const body = kase.body;
  const encoded = body === undefined ? undefined : body.runs ? { text: '', contentType: body.mediaType } : encodeBody(body);
  if (encoded && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['Content-Type'] = encoded.contentType;
  for (const [name, value] of Object.entries(headers)) {
    parts.push('-H', word(SECRET_HEADER.test(name) ? headerPieces(name, value, vars) : [{ text: `${name}: ${redactor.text(value)}` }]));
  }
  if (body?.runs) {
    // One argument of a megabyte is over Linux's limit for a single argument: pipe it instead.
    const runs = body.runs.map(({ text, times }) => {
      const shown = quote(redactor.text(text));
      return times === 1 ? `printf %s ${shown}` : `yes ${shown} | head -n ${times} | tr -d '\\n'`;
    });
    parts.push('--data-binary', '@-');
    return `{ ${runs.join('; ')}; } | ${parts.join(' ')}`;
  }
  if (encoded) parts.push('--data-raw', quote(redactor.text(encoded.text)));
  return parts.join(' ');
}
