/**
 * @module
 * Request parameters as a Rails controller sees them (`params`): Rack's reading of the query string
 * (a repeated plain key keeps its last value) and, for the actions that read a body, the body's
 * fields overridden by the query's.
 */
import { isBlankString } from './blank.js';

/** `params`: strings from the query, any JSON value from a body. */
export type Params = Readonly<Record<string, unknown>>;

/**
 * The query string as Rack parses plain keys: the first occurrence of a key fixes its place, the
 * last value wins; an empty key is dropped.
 * @example
 * railsQuery(new URLSearchParams('a=1&b=2&a=3')) // Map { 'a' => '3', 'b' => '2' }
 */
export function railsQuery(search: URLSearchParams): Map<string, string> {
  const params = new Map<string, string>();
  for (const [key, value] of search) if (key !== '') params.set(key, value);
  return params;
}

/** `params[name]` of the query: the last value of a repeated key (`?a=1&a=2` → `"2"`), or undefined. */
export function railsParam(search: URLSearchParams, name: string): string | undefined {
  const all = search.getAll(name);
  return all[all.length - 1];
}

/** `params[name].presence`: the value unless it is absent or blank. */
export function presentParam(search: URLSearchParams, name: string): string | undefined {
  const value = railsParam(search, name);
  return isBlankString(value) ? undefined : value;
}

/**
 * `request_parameters.merge(query_parameters)`: a JSON object or form body, overridden key by key by
 * the query string. A JSON body that is not an object lands under `_json` upstream, so none of its
 * fields are parameters.
 */
export function railsParams(body: unknown, search: URLSearchParams): Params {
  const params: Record<string, unknown> = {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) Object.assign(params, body);
  for (const [key, value] of railsQuery(search)) params[key] = value;
  return params;
}
