/**
 * @module
 * Request parameters the way Rails hands them to Doorkeeper: `params` as every controller sees it
 * (rails/ruby/rails-params.ts: the body's fields, overridden by the query's last values), read as text,
 * since Doorkeeper only ever compares or echoes them as strings.
 */
import { isBlankString } from '../rails/ruby/blank.js';
import { railsParams } from '../rails/ruby/rails-params.js';

export type Params = Readonly<Record<string, string>>;

/** A JSON scalar as the string Doorkeeper compares; arrays and objects are no usable value. */
function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/**
 * @example
 * requestParams({ client_id: 'a', code: 'x' }, new URLSearchParams('code=y&code=z')) // { client_id: 'a', code: 'z' }
 */
export function requestParams(body: unknown, search: URLSearchParams): Params {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(railsParams(body, search))) {
    const text = scalar(value);
    if (text !== undefined) out[name] = text;
  }
  return out;
}

/** `params[name].presence`: the parameter, or `undefined` when it is blank (Rails' `blank?`). */
export const present = (params: Params, name: string): string | undefined => (isBlankString(params[name]) ? undefined : params[name]);
