/**
 * @module
 * The parts every case is built from: the path filled from variables (user and project names never
 * come from examples), the required query and header values, the credential of a security
 * alternative and a request body.
 */
import type { IndexedOperation, IndexedParameter } from '../../spec/operations.js';
import type { CaseBody } from '../case.js';
import { type Alternative, applyAuth } from './auth.js';
import type { RecordedCase } from './fixtures.js';
import { type Filled, howToSet, interpolate, PATH_VARIABLES, type Target, variable } from './variables.js';

export interface RequestParts {
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
}

const exampleOf = (param: IndexedParameter): string | undefined => {
  const schema = param.schema as { examples?: unknown[]; default?: unknown };
  const value = schema.examples?.[0] ?? schema.default;
  return value === undefined ? undefined : String(value);
};

const encodeSegment = (param: IndexedParameter, value: string): string =>
  param.glob ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);

/** The value a path parameter gets from the run: the variable it names, else its example. */
export function pathValue(param: IndexedParameter, target: Target): string | undefined {
  const name = PATH_VARIABLES[param.name];
  return name === undefined ? (variable(target, param.name) ?? exampleOf(param)) : variable(target, name);
}

/**
 * The operation's path with every parameter filled: `overrides` first (interpolated), then the
 * variable the parameter names (`PATH_VARIABLES`), else (for other parameters) its example.
 * With `placeholder`, a missing variable is filled with it instead of failing — for requests the
 * server rejects before it looks the value up.
 */
export function fillPath(
  op: IndexedOperation,
  target: Target,
  overrides: Record<string, string> = {},
  placeholder?: string,
): Filled<string> {
  let path = op.path;
  for (const param of op.parameters.filter((p) => p.in === 'path')) {
    let value: string | undefined;
    const override = overrides[param.name];
    if (override !== undefined) {
      const filled = interpolate(override, target);
      if (!filled.ok) return { ok: false, missing: howToSet(filled.missing) };
      value = filled.value;
    } else {
      const name = PATH_VARIABLES[param.name];
      value = pathValue(param, target) ?? placeholder;
      if (value === undefined) return { ok: false, missing: howToSet(name ?? param.name) };
    }
    path = path.replace(`{${param.name}}`, encodeSegment(param, value));
  }
  return { ok: true, value: path };
}

/** A value for a required query or header parameter: a date range ending today, a variable, an example. */
function requiredValue(param: IndexedParameter, target: Target): string | undefined {
  const format = (param.schema as { format?: unknown }).format;
  const ending = /end|to|until/i.test(param.name) && !/start|from|since/i.test(param.name);
  const day = variable(target, ending ? 'today' : 'today-6')!;
  if (format === 'date') return day;
  if (format === 'date-time') return `${day}T${ending ? '23:59:59' : '00:00:00'}Z`;
  return variable(target, param.name) ?? exampleOf(param);
}

/** Query pairs and headers of every required query/header parameter, except those in `omit`. */
export function requiredInputs(
  op: IndexedOperation,
  target: Target,
  omit: ReadonlySet<string> = new Set(),
): Filled<Omit<RequestParts, 'path'>> {
  const query: [string, string][] = [];
  const headers: Record<string, string> = {};
  for (const param of op.parameters) {
    if (!param.required || (param.in !== 'query' && param.in !== 'header') || omit.has(`${param.in}:${param.name}`)) continue;
    const value = requiredValue(param, target);
    if (value === undefined) return { ok: false, missing: howToSet(param.name) };
    if (param.in === 'query') query.push([param.name, value]);
    else headers[param.name] = value;
  }
  return { ok: true, value: { query, headers } };
}

/** Path, required inputs and the credential of `alt`, or what is missing. */
export function buildParts(op: IndexedOperation, target: Target, alt: Alternative, placeholder?: string): Filled<RequestParts> {
  const auth = applyAuth(alt, target.credentials);
  if ('missing' in auth) return { ok: false, missing: auth.missing };
  const path = fillPath(op, target, {}, placeholder);
  if (!path.ok) return path;
  const inputs = requiredInputs(op, target);
  if (!inputs.ok) return inputs;
  return {
    ok: true,
    value: { path: path.value, query: [...inputs.value.query, ...auth.query], headers: { ...inputs.value.headers, ...auth.headers } },
  };
}

/**
 * A body for a generated request to an operation that takes one: a recorded success's body (known
 * to be harmless to replay) when there is one, else the spec's first example (JSON first).
 */
export function exampleBody(op: IndexedOperation, recorded: readonly RecordedCase[]): CaseBody | undefined {
  const safe = recorded.find((r) => r.body !== undefined && r.expect.some((s) => s < 300));
  if (safe?.body) return safe.body;
  const media = [...(op.requestBody?.content ?? [])].sort(
    (a, b) => Number(!a.mediaType.includes('json')) - Number(!b.mediaType.includes('json')),
  );
  for (const m of media) {
    const first = Object.values(m.examples)[0];
    if (first !== undefined) return { mediaType: m.mediaType, value: first };
  }
  return undefined;
}
