/**
 * @module
 * The OpenAPI formats Ajv does not know, as the kit defines them: the integer widths checked, the
 * float widths and `password` accepted. One definition for the Ajv made at run time (`ajv-setup.ts`)
 * and for the validators generated at build time (`precompile.ts`), which take these as they take
 * ajv-formats' own.
 */

/** A number format: the type it applies to and its check. */
interface NumberFormat {
  type: 'number';
  validate: (n: number) => boolean;
}

const integerIn = (min: number, max: number): NumberFormat => ({
  type: 'number',
  validate: (n) => Number.isInteger(n) && n >= min && n <= max,
});

const anyNumber: NumberFormat = { type: 'number', validate: () => true };

/**
 * The kit's formats by name, as `ajv.addFormat` takes them.
 * @example
 * KIT_FORMATS.int32.validate(2 ** 31) // false
 */
export const KIT_FORMATS = {
  int32: integerIn(-2147483648, 2147483647),
  int64: integerIn(Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER),
  float: anyNumber,
  double: anyNumber,
  password: true,
} as const;
