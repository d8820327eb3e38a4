/**
 * @module
 * Redirect URIs as Doorkeeper treats them: what may be registered, when a requested URI matches a
 * registered one, and how the answer is put on it.
 */
import { isBlankString } from '../rails/ruby/blank.js';

/** The out-of-band URI: the code is shown to the user instead of being sent anywhere. */
export const OOB_URI = 'urn:ietf:wg:oauth:2.0:oob';

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HYPERTEXT = new Set(['http:', 'https:']);

function parse(uri: string): URL | undefined {
  // An opaque URI (`mailto:x`, no slash after the scheme) is never a redirect target.
  if (!SCHEME.test(uri) || !/^[A-Za-z][A-Za-z0-9+.-]*:\//.test(uri)) return undefined;
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/**
 * Why a URI cannot be registered as a redirect URI, in Doorkeeper's words, or `undefined` when it
 * can (plain `http` is allowed: Hackatime turns `force_ssl_in_redirect_uri` off).
 */
export function registrationProblem(uri: string): string | undefined {
  if (uri === OOB_URI) return undefined;
  if (/\s/.test(uri)) return 'must be a valid URI.';
  if (!SCHEME.test(uri)) return uri.startsWith('/') ? 'must be an absolute URI.' : 'must specify a scheme.';
  const url = parse(uri);
  if (!url) return 'must be a valid URI.';
  if (url.hash !== '' || uri.includes('#')) return 'cannot contain a fragment.';
  if (HYPERTEXT.has(url.protocol) && url.hostname === '') return 'must be an absolute URI.';
  return undefined;
}

/** RFC 8252 §7.3 loopback literals, whose port may vary. `localhost` by name is not one. */
const isLoopback = (url: URL) => /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(url.hostname) || url.hostname === '[::1]';

const sameQuery = (a: string, b: string) => a.split('&').sort().join('&') === b.split('&').sort().join('&');

function matches(requested: URL, registered: URL): boolean {
  const wantedQuery = registered.search.replace(/^\?/, '');
  // A registered query must come back (in any order); otherwise the requested one is ignored.
  if (wantedQuery !== '' && !sameQuery(requested.search.replace(/^\?/, ''), wantedQuery)) return false;
  const ignorePort = isLoopback(requested) && isLoopback(registered);
  return (
    requested.protocol === registered.protocol &&
    requested.username === registered.username &&
    requested.password === registered.password &&
    requested.hostname === registered.hostname &&
    (ignorePort || requested.port === registered.port) &&
    requested.pathname === registered.pathname
  );
}

/** Whether `requested` may be used with an app that registered `registered`. */
export function isRegisteredRedirect(requested: string, registered: readonly string[]): boolean {
  if (requested === OOB_URI) return registered.includes(OOB_URI);
  const url = parse(requested);
  if (url?.hash !== '' || requested.includes('#')) return false;
  if (HYPERTEXT.has(url.protocol) && url.hostname === '') return false;
  return registered.some((candidate) => {
    const other = candidate === OOB_URI ? undefined : parse(candidate);
    return other !== undefined && matches(url, other);
  });
}

export type ResponseMode = 'query' | 'fragment' | 'form_post';

/**
 * `uri` with `params` added: merged into its query (keeping what it had) or as the whole fragment.
 * Blank values are left out, as Doorkeeper does.
 */
export function withParams(uri: string, params: Record<string, string | undefined>, mode: 'query' | 'fragment'): string {
  const url = new URL(uri);
  const present = Object.entries(params).filter((entry): entry is [string, string] => !isBlankString(entry[1]));
  if (mode === 'fragment') {
    url.hash = new URLSearchParams(present).toString();
    return url.toString();
  }
  for (const [name, value] of present) url.searchParams.set(name, value);
  return url.toString();
}

/** Whether an answer can be sent to `uri` at all (the Cancel branch checks nothing else). */
export const canCarryAnswer = (uri: string | undefined): uri is string =>
  uri !== undefined && (uri === OOB_URI || parse(uri) !== undefined);
