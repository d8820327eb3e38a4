/**
 * @module
 * Spec path templates as Hono routes. A parameter matches one segment (`x-path-glob` parameters the
 * rest of the path); what it may contain beyond that is the parameter schema's business, checked later.
 */
import type { IndexedOperation } from '../spec/operations.js';

export function honoPath(op: IndexedOperation): string {
  return op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
    if (!param) throw new Error(`${op.operationId}: path parameter {${name}} is not declared`);
    return param.glob ? `:${name}{.+}` : `:${name}`;
  });
}

/**
 * Routes with more literal segments first, so that `/users/current/stats/last_7_days` wins over
 * `/users/{id}/…` whatever order the spec lists them in.
 */
export function routeOrder(a: IndexedOperation, b: IndexedOperation): number {
  const literal = (p: string) => p.split('/').filter((s) => s && !s.startsWith('{')).length;
  const globs = (op: IndexedOperation) => op.parameters.filter((p) => p.glob).length;
  return globs(a) - globs(b) || literal(b.path) - literal(a.path) || a.path.localeCompare(b.path);
}
