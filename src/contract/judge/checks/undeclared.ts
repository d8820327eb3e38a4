/**
 * @module
 * The undeclared properties of one answer, walked once for the two checks that read them:
 * `sensitive_data_leak` takes those that look like secrets or personal data, `undocumented_property`
 * the rest.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import type { InspectedResponse } from '../../send/response.js';
import { sensitiveKind } from '../sensitive.js';
import type { CheckContext } from './check.js';
import { PropertyWalker, type UndeclaredProperty } from './declared-properties.js';

/** An undeclared property, and what it looks like when it looks like a secret or personal data. */
export interface Undeclared extends UndeclaredProperty {
  sensitive: string | undefined;
}

const walkers = new WeakMap<OpenAPIObject, PropertyWalker>();
const perAnswer = new WeakMap<InspectedResponse, Undeclared[]>();

/** Only for a documented JSON answer with a schema (the checks' guards make sure of it). */
export function undeclaredOf(ctx: CheckContext, res: InspectedResponse): Undeclared[] {
  const known = perAnswer.get(res);
  if (known) return known;
  let walker = walkers.get(ctx.spec.document);
  if (!walker) walkers.set(ctx.spec.document, (walker = new PropertyWalker(ctx.spec.document, ctx.validator)));
  const body = res.body.kind === 'json' ? res.body.value : undefined;
  const pointer = res.media?.schemaPointer;
  const found =
    pointer === undefined ? [] : walker.undeclared(pointer, body).map((p) => ({ ...p, sensitive: sensitiveKind(p.name, p.value) }));
  perAnswer.set(res, found);
  return found;
}
