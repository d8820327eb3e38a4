/**
 * @module
 * Rails' `(.:format)` suffix on a route's last segment: the parameter stops at the first dot and the
 * rest, if it is one more dot-free word, is a response format the controller never sees.
 */
import { fromTemplate, NOT_FOUND_PAGE } from '../../errors.js';

/**
 * The parameter without its format (`pimlico.dev` → `pimlico`, `U0266FRGP.json` → `U0266FRGP`).
 * @throws ApiError the 404 page when the segment cannot be split that way (`a.b.c`, `.json`, `a.`):
 *   no route matches.
 */
export function withoutFormat(segment: string): string {
  const [name = '', format, ...more] = segment.split('.');
  if (format !== undefined && (name === '' || format === '' || more.length > 0)) throw fromTemplate(NOT_FOUND_PAGE);
  return name;
}
