/**
 * @module
 * A query parameter read inside a Rails action without a rescue: blank means the default, and
 * whatever Ruby's parser raises on a present value escapes the action as the 500 error page.
 */
import { fromTemplate, INTERNAL_ERROR_PAGE } from '../../errors.js';
import { isBlankString } from '../ruby/blank.js';
import { railsParam } from '../ruby/rails-params.js';

export function raisingParam<T>(search: URLSearchParams, name: string, fallback: T, parse: (value: string) => T): T {
  const value = railsParam(search, name);
  if (isBlankString(value)) return fallback;
  try {
    return parse(value);
  } catch {
    throw fromTemplate(INTERNAL_ERROR_PAGE);
  }
}
