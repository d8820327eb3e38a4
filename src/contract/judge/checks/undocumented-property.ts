/**
 * @module
 * `undocumented_property`: the body has no object property its schema does not declare. A warning
 * (open schemas are legal JSON Schema), an error with `--strict`.
 */

import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { type Check, onlyDocumentedMedia, onlyDocumentedStatus, onlyJson } from './check.js';
import { PropertyWalker } from './declared-properties.js';

const walkers = new WeakMap<OpenAPIObject, PropertyWalker>();

export const undocumentedProperty: Check = {
  name: 'undocumented_property',
  summary: 'Every property in the body is declared by its schema.',
  run: onlyDocumentedStatus(
    onlyDocumentedMedia(
      onlyJson((ctx, _kase, res) => {
        let walker = walkers.get(ctx.spec.document);
        if (!walker) walkers.set(ctx.spec.document, (walker = new PropertyWalker(ctx.spec.document, ctx.validator)));
        const body = res.body.kind === 'json' ? res.body.value : undefined;
        return walker.undeclared(res.media!.schemaPointer!, body).map((p) => ({
          title: 'Undocumented property',
          message: `${p.pointer} ("${p.name}") is not declared by the schema at ${p.schemaPointer}.`,
          severity: ctx.strict ? 'error' : 'warning',
          pointer: p.pointer,
          schemaPath: p.schemaPointer,
          key: `${p.schemaPointer}:${p.name}`,
          received: p.value,
        }));
      }),
    ),
  ),
};
