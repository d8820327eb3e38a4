/**
 * @module
 * What reaches an action, as Rails' router (Journey) decides it, with the routes compiled from the
 * spec's path templates:
 * - the path is normalised first: repeated slashes squeezed, a trailing slash dropped
 *   (`ActionDispatch::Journey::Router::Utils.normalize_path`, called by `RouteSet#call`);
 * - a parameter matches `[^/.?]+` on the raw path (Rails' default segment requirement), so a literal
 *   `.` ends it, while a percent-encoded one (`my%2Esite`) does not; the value is unescaped after
 *   matching (`Utils.unescape_uri`), so the action sees `my.site`;
 * - every route ends in an optional `(.:format)`: `stats.json` reaches the `stats` action, and
 *   `project/pimlico.dev` the project `pimlico` with the format `dev` (`render json:` ignores it);
 *   a route the spec marks `x-format-suffix: false` has none (routes.rb:246, the badge's
 *   `format: false`), and a spec path whose last segment spells its format (`heartbeats.bulk`,
 *   routes.rb:345 with `params["format"] == "bulk"`, hackatime_controller.rb:59) is tried before
 *   the route it is a format of;
 * - `x-path-constraint` replaces a parameter's requirement (routes.rb:255, `lookup_email`'s
 *   `[^/]+`, greedy, so a dot never starts a format there); `x-path-glob` is Rails' `*glob` (`.+`).
 */
import type { IndexedOperation } from '../../../spec/operations.js';

/** Rails' default requirement of a dynamic segment and of `:format`. */
const SEGMENT = '[^/.?]+';

/** A route of the spec, compiled to the regular expression Journey would match it with. */
export interface RailsRoute {
  op: IndexedOperation;
  pattern: RegExp;
  /** The path parameters, in the order of the pattern's groups (the format group is the last). */
  names: string[];
  formatSuffix: boolean;
}

/** What the router recognised: the route, its raw (still escaped) parameters and the format. */
export interface Recognized {
  route: RailsRoute;
  raw: Record<string, string>;
  format: string | undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `normalize_path`: squeezes slashes, drops a trailing one, and writes escapes in upper case.
 * @example
 * normalizePath('//api/v1/leaderboard/'); // '/api/v1/leaderboard'
 */
export function normalizePath(path: string): string {
  const squeezed = `/${path}`.replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
  return squeezed.replace(/%[0-9a-f]{2}/gi, (code) => code.toUpperCase());
}

/** The requirement of one path parameter: `x-path-glob`, `x-path-constraint`, else Rails' default. */
function requirementOf(op: IndexedOperation, name: string): string {
  const param = op.parameters.find((p) => p.in === 'path' && p.name === name);
  if (!param) throw new Error(`${op.operationId}: path parameter {${name}} is not declared`);
  const constraint = param.extensions['x-path-constraint'];
  if (typeof constraint === 'string') return constraint;
  return param.glob ? '.+' : SEGMENT;
}

/**
 * @example
 * compileRoute(spec.byId.get('getUserStats')).pattern; // /^\/api\/v1\/users\/([^/.?]+)\/stats(?:\.([^/.?]+))?$/
 */
export function compileRoute(op: IndexedOperation): RailsRoute {
  const names: string[] = [];
  let source = '';
  for (const part of op.path.split(/(\{[^}]+\})/)) {
    const name = /^\{([^}]+)\}$/.exec(part)?.[1];
    if (name === undefined) {
      source += escapeRegExp(part);
      continue;
    }
    names.push(name);
    source += `(${requirementOf(op, name)})`;
  }
  const lastSegment = op.path.slice(op.path.lastIndexOf('/') + 1);
  const spellsFormat = !lastSegment.includes('{') && lastSegment.includes('.');
  const formatSuffix = op.extensions['x-format-suffix'] !== false && !spellsFormat;
  if (formatSuffix) source += `(?:\\.(${SEGMENT}))?`;
  return { op, pattern: new RegExp(`^${source}$`), names, formatSuffix };
}

/** A path that spells its format in its last segment is tried before the route it is a format of. */
const spellsFormat = (route: RailsRoute) => !route.formatSuffix && route.op.extensions['x-format-suffix'] !== false;

/**
 * Compiles the routes once; the returned function recognises a method and a normalised raw path.
 * @example
 * const recognize = routeRecognizer(spec.operations);
 * recognize('get', '/api/v1/users/demo/project/my%2Esite')?.raw; // { username: 'demo', project_name: 'my%2Esite' }
 */
export function routeRecognizer(
  operations: readonly IndexedOperation[],
  order: (a: IndexedOperation, b: IndexedOperation) => number,
): (method: string, path: string) => Recognized | undefined {
  const routes = [...operations]
    .sort(order)
    .map(compileRoute)
    .sort((a, b) => Number(spellsFormat(b)) - Number(spellsFormat(a)));
  return (method, path) => {
    const verb = method.toLowerCase() === 'head' ? 'get' : method.toLowerCase();
    for (const route of routes) {
      if (route.op.method !== verb) continue;
      const match = route.pattern.exec(path);
      if (!match) continue;
      const raw: Record<string, string> = {};
      route.names.forEach((name, i) => {
        raw[name] = match[i + 1] ?? '';
      });
      return { route, raw, format: route.formatSuffix ? match[route.names.length + 1] : undefined };
    }
    return undefined;
  };
}

/**
 * The route's own path with the raw parameters in place and no format: what the app routes on,
 * so that each operation keeps one plain route.
 */
export function canonicalPath(recognized: Recognized): string {
  return recognized.route.op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => recognized.raw[name] ?? '');
}
