/**
 * @module
 * `undocumented_property`: the body has no object property its schema does not declare. A warning
 * (open schemas are legal JSON Schema), an error with `--strict`. One that looks like a secret or
 * personal data is `sensitive_data_leak`'s, an error either way.
 */
import { type Check, onlyDocumentedJson } from './check.js';
import { undeclaredOf } from './undeclared.js';

export const undocumentedProperty: Check = {
  name: 'undocumented_property',
  summary: 'Every property in the body is declared by its schema (a warning; an error with --strict).',
  run: onlyDocumentedJson((ctx, _kase, res) =>
    undeclaredOf(ctx, res)
      .filter((p) => p.sensitive === undefined)
      .map((p) => ({
        title: 'Undocumented property',
        message: `${p.pointer} ("${p.name}") is not declared by the schema at ${p.schemaPointer}.`,
        severity: ctx.strict ? 'error' : 'warning',
        pointer: p.pointer,
        schemaPath: p.schemaPointer,
        key: `${p.schemaPointer}:${p.name}`,
        received: p.value,
      })),
  ),
};
