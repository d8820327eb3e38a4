/**
 * @module
 * Every documented optional query or header parameter, sent once in the plain run: the operation's
 * first runnable valid request with that one parameter added, so a server that crashes or changes
 * its answer's shape only when `filter_by_project`, `timezone`, `features`, … is sent fails CI. The
 * value is a valid one the run can stand behind: the run's own user or project for a parameter that
 * names one, a date near its today for a date, else the spec's example, default or first enum value,
 * `true` for a boolean, the minimum for a number — the first the parameter's schema accepts.
 */
import type { IndexedOperation, IndexedParameter } from '../../spec/operations.js';
import type { SpecValidator } from '../../spec/validator.js';
import type { Case, PlannedCase } from '../case.js';
import { DATE_NAME, QUERY_VARIABLES, type Target, variable } from './variables.js';

const ENDING = /end|to|until/i;

function dateValue(param: IndexedParameter, target: Target): string {
  const schema = param.schema as { format?: unknown; examples?: unknown[] };
  const ending = ENDING.test(param.name) && !/start|from|since/i.test(param.name);
  const day = variable(target, ending ? 'today' : 'today-6')!;
  const dateTime = schema.format === 'date-time' || (schema.examples ?? []).some((e) => String(e).includes('T'));
  return dateTime ? `${day}T${ending ? '23:59:59' : '00:00:00'}Z` : day;
}

function candidates(param: IndexedParameter, target: Target): string[] {
  const schema = param.schema as { examples?: unknown[]; default?: unknown; enum?: unknown[]; type?: unknown; minimum?: unknown };
  const named = QUERY_VARIABLES[param.name];
  const own = named === undefined ? variable(target, param.name) : variable(target, named);
  const found = [
    own,
    DATE_NAME.test(param.name) ? dateValue(param, target) : undefined,
    ...(schema.examples ?? []),
    schema.default,
    ...(schema.enum ?? []),
    schema.type === 'boolean' ? 'true' : undefined,
    schema.type === 'integer' || schema.type === 'number' ? (schema.minimum ?? 1) : undefined,
  ];
  return found.filter((v) => v !== undefined && v !== null).map(String);
}

/**
 * @example
 * optionalParameterCases(op, positives, run) // [{ run: { id: 'getSummaries/positive/ApiKeyBearer/timezone', … } }]
 */
export function optionalParameterCases(
  op: IndexedOperation,
  positives: readonly PlannedCase[],
  ctx: { target: Target; validator: SpecValidator },
): PlannedCase[] {
  const base = positives.find((p): p is { run: Case } => 'run' in p)?.run;
  if (base === undefined) return [];
  return op.parameters.flatMap((param): PlannedCase[] => {
    if (param.required || (param.in !== 'query' && param.in !== 'header')) return [];
    const id = `${base.id}/${param.name}`;
    const value = candidates(param, ctx.target).find((v) => ctx.validator.validateParameter(param.schemaPointer, v).ok);
    if (value === undefined) {
      const reason = `no valid value for the optional ${param.in} parameter ${param.name} (give its schema an example)`;
      return [{ skip: { id, operationId: op.operationId, kind: 'positive', title: `${base.title} with ${param.name}`, reason } }];
    }
    const title = `${base.title} with ${param.name}=${value}`;
    if (param.in === 'header') return [{ run: { ...base, id, title, headers: { ...base.headers, [param.name]: value } } }];
    return [{ run: { ...base, id, title, query: [...base.query.filter(([k]) => k !== param.name), [param.name, value]] } }];
  });
}
