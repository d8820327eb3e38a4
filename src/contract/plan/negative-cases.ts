/**
 * @module
 * The negative cases the spec promises: no (or an invalid) credential gets the documented 401, an
 * unknown user the documented 404, an invalid parameter the status its `x-invalid-response` names
 * (an unroutable path parameter: 404).
 */
import type { IndexedOperation } from '../../spec/operations.js';
import type { Case, PlannedCase } from '../case.js';
import { type Alternative, allowsAnonymous, alternativesOf, applyAuth, invalidAuth } from './auth.js';
import { documents, invalidStatus, noAuthStatus } from './expectations.js';
import { invalidValue } from './invalid-values.js';
import type { PlanContext } from './plan-context.js';
import { buildParts, exampleBody, fillPath, requiredInputs } from './request-parts.js';
import { interpolate, PATH_VARIABLES } from './variables.js';

/** The first alternative this run can authenticate with (anonymous first when allowed). */
function usableAlternative(op: IndexedOperation, ctx: PlanContext): Alternative | { missing: string } {
  const alternatives = alternativesOf(op);
  const usable = alternatives.find((a) => !('missing' in applyAuth(a, ctx.target.credentials)));
  if (usable) return usable;
  const first = applyAuth(alternatives[0]!, ctx.target.credentials);
  return { missing: 'missing' in first ? first.missing : 'no usable credential' };
}

function withBody(op: IndexedOperation, ctx: PlanContext, kase: Case): PlannedCase {
  if (!op.requestBody) return { run: kase };
  const body = exampleBody(op, ctx.recorded);
  const filled = body === undefined ? undefined : interpolate(body, ctx.target);
  if (!filled?.ok) return { skip: { ...kase, reason: 'needs a request body example' } };
  return { run: { ...kase, body: filled.value } };
}

export function noAuthCases(op: IndexedOperation, ctx: PlanContext): PlannedCase[] {
  if (allowsAnonymous(op)) return [];
  const expected = noAuthStatus(op);
  const base = { operationId: op.operationId, method: op.method.toUpperCase(), pathTemplate: op.path, kind: 'no-auth' as const };
  if (expected === undefined) {
    return [
      {
        skip: { ...base, id: `${op.operationId}/no-auth`, title: 'request without credentials', reason: 'the operation documents no 401' },
      },
    ];
  }
  // The server checks credentials first, so unknown path values are fine here.
  const path = fillPath(op, ctx.target, {}, ctx.target.variables['unknown_user']);
  const inputs = requiredInputs(op, ctx.target);
  if (!path.ok || !inputs.ok) return [];
  const first = alternativesOf(op)[0]!;
  const invalid = invalidAuth(first, ctx.seed);
  const variants: { id: string; title: string; auth: string; headers: Record<string, string>; query: [string, string][] }[] = [
    { id: 'none', title: 'request without credentials', auth: 'none', headers: {}, query: [] },
    { id: `invalid-${first.scheme}`, title: `request with an invalid ${first.scheme} credential`, auth: first.scheme, ...invalid },
  ];
  return variants.map((v) =>
    withBody(op, ctx, {
      ...base,
      id: `${op.operationId}/no-auth/${v.id}`,
      title: v.title,
      auth: v.auth,
      path: path.value,
      query: [...inputs.value.query, ...v.query],
      headers: { ...inputs.value.headers, ...v.headers },
      expectedStatuses: [expected],
    }),
  );
}

const UNKNOWN_VALUE: Readonly<Record<string, (unknown: string) => string>> = {
  username: (u) => u,
  slack_uid: (u) => u,
  email: (u) => `${u}@example.invalid`,
};

export function unknownUserCases(op: IndexedOperation, ctx: PlanContext): PlannedCase[] {
  if (!documents(op, 404)) return [];
  const unknown = ctx.target.variables['unknown_user']!;
  return op.parameters
    .filter((p) => p.in === 'path' && UNKNOWN_VALUE[PATH_VARIABLES[p.name] ?? ''] !== undefined)
    .map((param): PlannedCase => {
      const value = UNKNOWN_VALUE[PATH_VARIABLES[param.name]!]!(unknown);
      const base = {
        id: `${op.operationId}/unknown-user/${param.name}`,
        operationId: op.operationId,
        kind: 'unknown-user' as const,
        title: `unknown ${param.name} "${value}"`,
      };
      const alt = usableAlternative(op, ctx);
      if ('missing' in alt) return { skip: { ...base, reason: alt.missing } };
      const auth = applyAuth(alt, ctx.target.credentials);
      // Other path values (a project) are not looked up once the user is unknown.
      const path = fillPath(op, ctx.target, { [param.name]: value }, 'hackatime-kit');
      const inputs = requiredInputs(op, ctx.target);
      if ('missing' in auth || !path.ok || !inputs.ok)
        return { skip: { ...base, reason: !path.ok ? path.missing : !inputs.ok ? inputs.missing : 'no credential' } };
      return withBody(op, ctx, {
        ...base,
        method: op.method.toUpperCase(),
        pathTemplate: op.path,
        path: path.value,
        query: [...inputs.value.query, ...auth.query],
        headers: { ...inputs.value.headers, ...auth.headers },
        expectedStatuses: [404],
        auth: alt.scheme,
      });
    });
}

export function invalidParamCases(op: IndexedOperation, ctx: PlanContext): PlannedCase[] {
  const out: PlannedCase[] = [];
  const alt = usableAlternative(op, ctx);
  for (const param of op.parameters) {
    const status = invalidStatus(op, param);
    if (status === undefined || param.in === 'cookie') continue;
    const value = invalidValue(param, ctx.validator);
    const variants: { id: string; title: string; value: string | undefined }[] = [];
    if (value !== undefined)
      variants.push({
        id: 'invalid',
        title: `${param.in === 'path' ? 'unroutable' : 'invalid'} ${param.in} parameter ${param.name} = ${JSON.stringify(value)}`,
        value,
      });
    if (param.required && param.in !== 'path')
      variants.push({ id: 'missing', title: `missing required ${param.in} parameter ${param.name}`, value: undefined });
    for (const v of variants) {
      const base = {
        id: `${op.operationId}/invalid-param/${param.in}-${param.name}-${v.id}`,
        operationId: op.operationId,
        kind: 'invalid-param' as const,
        title: v.title,
      };
      if ('missing' in alt) {
        out.push({ skip: { ...base, reason: alt.missing } });
        continue;
      }
      const parts = buildParts(op, ctx.target, alt, param.in === 'path' ? 'hackatime-kit' : undefined);
      if (!parts.ok) {
        out.push({ skip: { ...base, reason: parts.missing } });
        continue;
      }
      let { path, query, headers } = parts.value;
      if (param.in === 'path') {
        const filled = fillPath(op, ctx.target, { [param.name]: v.value! }, 'hackatime-kit');
        if (!filled.ok) continue;
        path = filled.value;
      } else if (param.in === 'query') {
        // In place, so the invalid case differs from the valid one in this one value only.
        const at = query.findIndex(([n]) => n === param.name);
        const rest = query.filter(([n]) => n !== param.name);
        if (v.value !== undefined) rest.splice(at < 0 ? rest.length : at, 0, [param.name, v.value]);
        query = rest;
      } else {
        headers = Object.fromEntries(Object.entries(headers).filter(([n]) => n.toLowerCase() !== param.name.toLowerCase()));
        if (v.value !== undefined) headers[param.name] = v.value;
      }
      out.push(
        withBody(op, ctx, {
          ...base,
          method: op.method.toUpperCase(),
          pathTemplate: op.path,
          path,
          query,
          headers,
          expectedStatuses: [status],
          auth: alt.scheme,
        }),
      );
    }
  }
  return out;
}
