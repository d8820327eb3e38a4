/**
 * @module
 * The project's own Spectral rules, on top of the OAS ruleset: what every Hackatime operation must
 * document so that the mock and the contract runner can rely on it.
 */
import { createRulesetFunction, type IFunctionResult, type RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';

interface OperationLike {
  tags?: unknown;
  responses?: Record<string, unknown>;
  security?: Record<string, unknown>[];
}

const OPERATIONS = '$.paths[*][get,put,post,delete,options,head,patch,trace]';

/** At least one 4xx: every endpoint can be called wrongly, and the reader needs to know how it fails. */
const hasClientError = createRulesetFunction<OperationLike, null>({ input: null, options: null }, (op) => {
  const codes = Object.keys(op.responses ?? {});
  return codes.some((c) => /^4(\d\d|XX)$/.test(c)) ? [] : [{ message: 'Operation documents no 4xx response.' }];
});

/** A secured operation (no anonymous alternative) must say how it answers a caller without credentials. */
const securedDocuments401 = createRulesetFunction<OperationLike, null>(
  { input: null, options: null },
  (op, _opts, ctx): IFunctionResult[] => {
    const rootSecurity = (ctx.document.data as { security?: Record<string, unknown>[] }).security;
    const security = op.security ?? rootSecurity ?? [];
    const anonymous = security.length === 0 || security.some((req) => Object.keys(req).length === 0);
    if (anonymous || '401' in (op.responses ?? {})) return [];
    return [{ message: 'Secured operation documents no 401 response.' }];
  },
);

const exactlyOneTag = createRulesetFunction<OperationLike, null>({ input: null, options: null }, (op) =>
  Array.isArray(op.tags) && op.tags.length === 1 ? [] : [{ message: 'Operation must have exactly one tag.' }],
);

/**
 * `x-float` (openapi/README.md) marks a number the server writes as a Ruby Float: `true` or
 * `except-zero`, on a `number` schema with `format: double`, which is what generated clients read.
 */
const floatMark = createRulesetFunction<Record<string, unknown>, null>({ input: null, options: null }, (schema) => {
  const mark = schema['x-float'];
  const types = Array.isArray(schema['type']) ? schema['type'] : [schema['type']];
  const problems: IFunctionResult[] = [];
  if (mark !== true && mark !== 'except-zero') problems.push({ message: "x-float must be true or 'except-zero'." });
  if (!types.includes('number') || schema['format'] !== 'double')
    problems.push({ message: 'x-float needs type: number and format: double.' });
  return problems;
});

export const ruleset: RulesetDefinition = {
  extends: [[oas as RulesetDefinition, 'recommended']],
  rules: {
    'operation-operationId': 'error',
    'operation-tags': 'error',
    'operation-description': 'error',
    'oas3-valid-media-example': 'error',
    'oas3-valid-schema-example': 'error',
    'oas3-unused-component': 'error',
    'hackatime-operation-single-tag': {
      description: 'Every operation has exactly one tag.',
      severity: 'error',
      given: OPERATIONS,
      then: { function: exactlyOneTag },
    },
    'hackatime-operation-4xx': {
      description: 'Every operation documents at least one 4xx response.',
      severity: 'error',
      given: OPERATIONS,
      then: { function: hasClientError },
    },
    'hackatime-x-float': {
      description: "x-float is true or 'except-zero', on a number schema with format: double.",
      severity: 'error',
      given: "$..[?(@ && @['x-float'] !== undefined)]",
      then: { function: floatMark },
    },
    'hackatime-secured-401': {
      description: 'Every operation that needs credentials documents 401.',
      severity: 'error',
      given: OPERATIONS,
      then: { function: securedDocuments401 },
    },
  },
};
