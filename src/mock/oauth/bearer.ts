/**
 * @module
 * The access token of a request as Hackatime's Doorkeeper reads it: `access_token_methods
 * :from_bearer_authorization` (`config/initializers/doorkeeper.rb:10`), i.e. doorkeeper 5.9.6
 * `OAuth::Token.from_bearer_authorization`: an `Authorization` header starting `Bearer ` (any case),
 * everything after that prefix being the token.
 */

/**
 * @example
 * bearerToken('bearer abc') // 'abc'
 * bearerToken('Basic abc') // undefined
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  const match = authorization === undefined ? null : /^Bearer (.*)$/is.exec(authorization);
  return match?.[1] === undefined || match[1] === '' ? undefined : match[1];
}
