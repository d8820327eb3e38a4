/**
 * @module
 * The findings of one header value against its documented schema, shared by the checks that judge
 * headers (`response_headers_conformance`, `cors_headers`).
 */
import type { FindingDraft } from '../../findings.js';
import { keywordSnippet } from '../schema-snippet.js';
import type { CheckContext } from './check.js';

/**
 * One finding per schema keyword `value` fails; none when it fits.
 * @example
 * headerValueFindings(ctx, 'cache-control', '/components/headers/Cache-Control/schema', 'public') // [{ title: 'Invalid header value', … }]
 */
export function headerValueFindings(ctx: CheckContext, name: string, schemaPointer: string, value: string): FindingDraft[] {
  const result = ctx.validator.validateParameter(schemaPointer, value);
  if (result.ok) return [];
  return result.issues.map((issue) => ({
    title: 'Invalid header value',
    message: `The ${name} header ${issue.message.replace(/^(the value|\/value) /, '')}.`,
    header: name,
    schemaPath: issue.schemaPath,
    key: `${name}:${issue.schemaPath}`,
    expected: keywordSnippet(ctx.spec.document, issue.schemaPath),
    received: value,
  }));
}
