/**
 * @module
 * Request parameters the way Rails hands them to Doorkeeper: the body's (form or JSON) merged with
 * the query string's, the query winning, the last of repeated query keys counting.
 */

export type Params = Readonly<Record<string, string>>;

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

export function requestParams(body: unknown, search: URLSearchParams): Params {
  const out: Record<string, string> = {};
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    for (const [name, value] of Object.entries(body)) {
      const text = scalar(value);
      if (text !== undefined) out[name] = text;
    }
  }
  for (const name of new Set(search.keys())) out[name] = search.getAll(name).at(-1)!;
  return out;
}

/** Ruby's `blank?` for a string parameter. */
export const isBlank = (value: string | undefined): boolean => value === undefined || value.trim() === '';

/** The parameter, or `undefined` when it is blank. */
export const present = (params: Params, name: string): string | undefined => (isBlank(params[name]) ? undefined : params[name]);
