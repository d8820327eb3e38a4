/**
 * @module
 * How Ruby and ActiveRecord turn a parameter into an integer: `to_i`, and an integer column's cast.
 */

/** Raised where Ruby raises NoMethodError (`true.to_i`, `[].to_i`): the action fails with a 500. */
export class RubyMethodMissing extends Error {
  override readonly name = 'RubyMethodMissing';
}

/**
 * `String#to_i`'s reading: leading white space, an optional sign, digits with single underscores.
 * Ruby's white space here, as in its regexps' `\s`, is ASCII only.
 */
const LEADING_INTEGER = /^[\t\n\v\f\r ]*([-+]?)(\d+(?:_\d+)*)/;

/**
 * `String#to_i` (and `nil.to_i`), exactly: anything after the number is ignored (`"5x"` → 5),
 * no number at all is 0 (`"x5"` → 0).
 */
export function rubyStringToI(text: string | undefined): bigint {
  const m = LEADING_INTEGER.exec(text ?? '');
  if (!m) return 0n;
  const value = BigInt((m[2] as string).replaceAll('_', ''));
  return m[1] === '-' ? -value : value;
}

/**
 * `to_i` of any parameter value: a string as {@link rubyStringToI}, a number truncated, nil → 0.
 * @throws RubyMethodMissing for `true`, arrays and hashes
 */
export function rubyToI(value: unknown): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return Math.trunc(value);
  if (typeof value === 'string') return Number(rubyStringToI(value));
  throw new RubyMethodMissing(`undefined method 'to_i' for ${typeof value}`);
}

/** ActiveModel's test for a string an integer column reads as a number (`/\A\s*[+-]?\d/`). */
export const isNumericString = (value: string): boolean => /^[\t\n\v\f\r ]*[+-]?\d/.test(value);

/**
 * What an integer (or enum) column makes of a string: its `to_i` when it looks numeric
 * (`"2"`, `"2abc"` → 2), else `null` (SQL NULL, which matches nothing).
 */
export const integerColumnCast = (value: string): number | null => (isNumericString(value) ? rubyToI(value) : null);
