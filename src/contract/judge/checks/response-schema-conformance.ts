/**
 * @module
 * `response_schema_conformance`: the body validates against the documented schema — every error
 * the shared validator finds, each with its JSON pointer, schema path and the value received.
 */
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { escapePointerSegment, resolvePointer } from '../../../spec/json-pointer.js';
import { isJsonMediaType } from '../../../spec/media-type.js';
import type { ValidationIssue } from '../../../spec/validator.js';
import type { FindingDraft } from '../../findings.js';
import { receivedBody } from '../../send/response.js';
import { keywordSnippet } from '../schema-snippet.js';
import { type Check, onlyDocumentedMedia, onlyDocumentedStatus } from './check.js';

function schemaIssueFinding(document: OpenAPIObject, issue: ValidationIssue): FindingDraft {
  const missing = issue.keyword === 'required' ? (issue.message.match(/required property "(.*)"$/)?.[1] ?? undefined) : undefined;
  const keywordValue = resolvePointer(document, issue.schemaPath);
  const branches = Array.isArray(keywordValue) ? keywordValue.length : 0;
  const none =
    issue.keyword === 'anyOf' || issue.keyword === 'oneOf' ? ` (it matches none of the ${branches} ${issue.keyword} branches)` : '';
  return {
    title: 'Response violates schema',
    message: `${issue.message}${none}`,
    // A missing property is pointed at where it should be, not at its parent.
    pointer: missing === undefined ? issue.pointer : `${issue.pointer}/${escapePointerSegment(missing)}`,
    schemaPath: issue.schemaPath,
    key: `${issue.schemaPath}${missing === undefined ? '' : `:${missing}`}`,
    expected: keywordSnippet(document, issue.schemaPath, missing),
    received: missing === undefined ? issue.received : undefined,
  };
}

export const responseSchemaConformance: Check = {
  name: 'response_schema_conformance',
  summary: 'The body validates against the schema documented for its status and media type.',
  run: onlyDocumentedStatus(
    onlyDocumentedMedia((ctx, _kase, res) => {
      const jsonExpected = res.mediaType !== undefined && isJsonMediaType(res.mediaType);
      if (res.body.kind === 'invalid-json' || (jsonExpected && res.body.kind === 'empty')) {
        const reason = res.body.kind === 'invalid-json' ? res.body.error : 'the body is empty';
        return [
          {
            title: 'Response is not valid JSON',
            message: `The ${res.mediaType} body does not parse: ${reason}.`,
            pointer: '',
            key: 'not-json',
            expected: res.media!.mediaType,
            received: receivedBody(res),
          },
        ];
      }
      const value = res.body.kind === 'json' ? res.body.value : res.text;
      const result = ctx.validator.validate(res.media!.schemaPointer!, value);
      return result.ok ? [] : result.issues.map((issue) => schemaIssueFinding(ctx.spec.document, issue));
    }),
  ),
};
