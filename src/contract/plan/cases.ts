/**
 * @module
 * Plans every case of one operation: valid requests built from the spec (one per security
 * alternative), the recorded cases of `fixtures/cases/`, and the negative cases the spec promises.
 * A case that cannot run says why, in the words a person needs to fix it.
 */
import type { IndexedOperation } from '../../spec/operations.js';
import { isSuccess, type PlannedCase } from '../case.js';
import { alternativesOf, applyAuth } from './auth.js';
import { invariantCases } from './invariant-cases.js';
import { invalidParamCases, noAuthCases, unknownUserCases } from './negative-cases.js';
import { optionalParameterCases } from './optional-cases.js';
import { withOrigin } from './origin.js';
import type { PlanContext } from './plan-context.js';
import { underProfile } from './profile.js';
import { buildParts, fillPath } from './request-parts.js';
import { howToSet, interpolate } from './variables.js';
import { blockWrites } from './writes.js';

/** Browser flows (the OAuth server's pages and forms) are replayed only as recorded. */
const isBrowserFlow = (op: IndexedOperation): boolean => op.path.startsWith('/oauth/');

function positiveCases(op: IndexedOperation, ctx: PlanContext): PlannedCase[] {
  if (ctx.recorded.some((r) => r.replacesPositive)) return [];
  const base = { operationId: op.operationId, kind: 'positive' as const };
  if (isBrowserFlow(op)) {
    return [
      {
        skip: {
          ...base,
          id: `${op.operationId}/positive`,
          title: 'valid request',
          reason: 'a browser flow (OAuth): only recorded cases are replayed',
        },
      },
    ];
  }
  if (op.requestBody && op.method !== 'get') {
    return [
      {
        skip: {
          ...base,
          id: `${op.operationId}/positive`,
          title: 'valid request',
          reason: 'changes state: only recorded cases are replayed',
        },
      },
    ];
  }
  const expected = op.responses.map((r) => Number(r.status)).filter((s) => isSuccess(s));
  return alternativesOf(op).map((alt): PlannedCase => {
    const title = `valid request (${alt.scheme === 'none' ? 'anonymous' : alt.scheme})`;
    const id = `${op.operationId}/positive/${alt.scheme}`;
    const parts = buildParts(op, ctx.target, alt);
    if (!parts.ok) return { skip: { ...base, id, title, reason: parts.missing } };
    return {
      run: {
        ...base,
        id,
        title,
        method: op.method.toUpperCase(),
        pathTemplate: op.path,
        ...parts.value,
        expectedStatuses: expected,
        auth: alt.scheme,
      },
    };
  });
}

function recordedCases(op: IndexedOperation, ctx: PlanContext): PlannedCase[] {
  return ctx.recorded.map((r, i): PlannedCase => {
    const base = { id: `${op.operationId}/recorded/${i + 1}`, operationId: op.operationId, kind: 'recorded' as const, title: r.title };
    const alt = alternativesOf(op).find((a) => a.scheme === r.auth) ?? { scheme: 'none', scopes: [] };
    const auth = applyAuth(alt, ctx.target.credentials);
    if ('missing' in auth) return { skip: { ...base, reason: auth.missing } };
    const path = fillPath(op, ctx.target, r.path);
    if (!path.ok) return { skip: { ...base, reason: path.missing } };
    const request = interpolate({ query: r.query, headers: r.headers, body: r.body }, ctx.target);
    if (!request.ok) return { skip: { ...base, reason: howToSet(request.missing) } };
    const { query, headers, body } = request.value;
    return {
      run: {
        ...base,
        method: op.method.toUpperCase(),
        pathTemplate: op.path,
        path: path.value,
        query: [...query, ...auth.query],
        headers: { ...headers, ...auth.headers },
        ...(body === undefined ? {} : { body }),
        expectedStatuses: r.expect,
        auth: alt.scheme,
      },
    };
  });
}

/** Whether `op` is planned as what the server answers today for a removed route: its 404. */
export const plannedAsRemoved = (op: IndexedOperation, run: Pick<PlanContext, 'legacyEndpoints'>): boolean =>
  op.extensions['x-removed'] !== undefined && run.legacyEndpoints !== true;

/** A removed operation: its route is gone, so a request that once was valid is an unknown route. */
function removedCase(op: IndexedOperation, ctx: PlanContext): PlannedCase {
  const base = { id: `${op.operationId}/removed`, operationId: op.operationId, kind: 'removed' as const, title: 'removed: no route' };
  const path = fillPath(op, ctx.target, {}, 'hackatime-kit');
  if (!path.ok) return { skip: { ...base, reason: path.missing } };
  return {
    run: {
      ...base,
      method: op.method.toUpperCase(),
      pathTemplate: op.path,
      path: path.value,
      query: [],
      headers: {},
      expectedStatuses: [404],
      auth: 'none',
    },
  };
}

/** Every case of `op`, in report order. */
export function planOperation(op: IndexedOperation, run: PlanContext): PlannedCase[] {
  if (plannedAsRemoved(op, run)) return [removedCase(op, run)];
  const ctx = { ...run, recorded: run.recorded.filter((r) => r.operationId === op.operationId) };
  const negatives = isBrowserFlow(op) ? [] : [...noAuthCases(op, ctx), ...unknownUserCases(op, ctx), ...invalidParamCases(op, ctx)];
  const positives = positiveCases(op, ctx);
  const extras = [...optionalParameterCases(op, positives, ctx), ...invariantCases(op, positives)];
  const planned = [...positives, ...extras, ...recordedCases(op, ctx), ...negatives];
  return planned
    .map((p) => ('run' in p ? { run: withOrigin(op, underProfile(op, p.run, run.profile ?? 'hackatime')) } : p))
    .map((p) => (run.allowWrites === false ? blockWrites(op, p, run.target.baseUrl) : p));
}
