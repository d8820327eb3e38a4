/**
 * @module
 * Media types as the mock and the runner compare them: the bare type of a Content-Type header, and
 * whether it is JSON (`application/json` or any `+json` suffix, RFC 6839), the types Rails' JSON
 * params parser takes.
 */

/**
 * The media type of a Content-Type value: lower case, without parameters; `''` for none.
 * @example
 * mediaTypeOf('Application/JSON; charset=utf-8') // 'application/json'
 */
export const mediaTypeOf = (contentType: string | null | undefined): string => (contentType ?? '').split(';')[0]!.trim().toLowerCase();

/**
 * @example
 * isJsonMediaType('application/problem+json') // true
 */
export const isJsonMediaType = (mediaType: string): boolean => mediaType === 'application/json' || mediaType.endsWith('+json');
