/**
 * @module
 * ActiveSupport's `blank?` / `present?`, which the controllers apply to request parameters.
 */

/**
 * `String#blank?` (`/\A[[:space:]]*\z/`): empty or Unicode white space only — U+0085 counts,
 * U+FEFF does not, unlike JavaScript's `trim()`. `nil` is blank too.
 */
export function isBlankString(value: string | null | undefined): value is null | undefined | '' {
  return value === null || value === undefined || /^\p{White_Space}*$/u.test(value);
}

/**
 * `blank?` of any parameter value (a JSON body's included): nil, false, a blank string, an empty
 * array or hash. Numbers and `true` are present.
 */
export function isRubyBlank(value: unknown): boolean {
  if (value === undefined || value === null || value === false) return true;
  if (typeof value === 'string') return isBlankString(value);
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}
