/**
 * @module
 * Ruby `String` methods the controllers apply to parameters, where JavaScript's look-alikes differ.
 */

/**
 * `String#split(",")`: trailing empty fields are dropped (`"a,,"` → `["a"]`, `","` → `[]`),
 * leading and inner ones kept.
 */
export function rubySplit(text: string, separator = ','): string[] {
  const fields = text.split(separator);
  while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
  return fields;
}

/** `String#strip`: ASCII white space and NUL at both ends (`trim()` would also take U+00A0…). */
export const rubyStrip = (text: string) => text.replace(/^[\t\n\v\f\r \0]+|[\t\n\v\f\r \0]+$/g, '');
