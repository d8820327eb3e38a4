/**
 * @module
 * The token of `authenticate_with_http_token` (actionpack
 * `ActionController::HttpAuthentication::Token.token_and_options`): an `Authorization` header
 * starting `Token` or `Bearer` (that case) and whitespace; the rest split at `,`, `;` or a tab;
 * the first part is the token, written bare (`Token abc`) or as `token="abc"` (quotes dropped).
 */

const TOKEN_REGEX = /^(Token|Bearer)\s+/;

/**
 * The token, `undefined` when the header is of another scheme or the token is blank (Rails then
 * does not call the block: the caller is not authenticated).
 * @example
 * railsHttpToken('Token token="abc", nonce="x"') // 'abc'
 * railsHttpToken('Bearer abc') // 'abc'
 * railsHttpToken('bearer abc') // undefined
 */
export function railsHttpToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || !TOKEN_REGEX.test(authorization)) return undefined;
  const parts = authorization
    .replace(TOKEN_REGEX, '')
    .split(/[,;\t]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const first = parts[0] ?? '';
  const pair = first.startsWith('token=') ? first : `token=${first}`;
  // `param.split(/=(.+)?/)`: the value is everything after the first `=`, quotes at its ends dropped.
  const value = pair.slice(pair.indexOf('=') + 1).replace(/^"|"$/g, '');
  return value.trim() === '' ? undefined : value;
}
