/**
 * @module
 * The credential `authenticate_or_request_with_http_token` reads (Rails 8.1,
 * `actionpack/lib/action_controller/metal/http_authentication.rb:427-528`, `Token#token_and_options`):
 * the header must start with `Token` or `Bearer` (case-sensitive) and white space; the rest is split
 * on `,`, `;` or tab, each part stripped and blank parts dropped; the first part gets a `token=`
 * prefix unless it has one, is cut at its first `=`, and loses one leading and one trailing `"`.
 */
import { rubyStrip } from './string-methods.js';

/** `TOKEN_REGEX = /^(Token|Bearer)\s+/`; Ruby's `\s` is ASCII white space only. */
const TOKEN_SCHEME = /^(?:Token|Bearer)[\t\n\v\f\r ]+/;
const PAIR_DELIMITERS = /[,;\t]/;
const TOKEN_KEY = 'token=';

/**
 * The token of an `Authorization` header as Rails reads it, or `undefined` when the header does not
 * use the token scheme or carries a blank credential (both answered with the 401 challenge).
 * @example
 * railsToken('Bearer hka_abc');           // 'hka_abc'
 * railsToken('Token token="hka_abc", a=b'); // 'hka_abc'
 * railsToken('bearer hka_abc');           // undefined (the scheme is case-sensitive)
 */
export function railsToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || !TOKEN_SCHEME.test(authorization)) return undefined;
  const parts = authorization
    .replace(TOKEN_SCHEME, '')
    .split(PAIR_DELIMITERS)
    .map(rubyStrip)
    .filter((part) => part !== '');
  const first = parts[0] === undefined ? TOKEN_KEY : parts[0].startsWith(TOKEN_KEY) ? parts[0] : `${TOKEN_KEY}${parts[0]}`;
  // `param.split(/=(.+)?/)`: the value is everything after the first `=`.
  const value = first
    .slice(first.indexOf('=') + 1)
    .replace(/^"/, '')
    .replace(/"$/, '');
  return value === '' ? undefined : value;
}
