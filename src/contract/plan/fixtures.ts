/**
 * @module
 * Recorded cases: `fixtures/cases/<tag>.yaml` (or `.json`), each a request and the statuses it
 * expects. They cover what the spec's examples cannot do safely: requests that change state (made
 * harmless and idempotent), browser flows, and answers the spec documents for odd inputs.
 * `{{name}}` in any string is a variable (`{{username}}`, `{{today-6}}`, …).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { LoadedSpec } from '../../spec/load.js';
import type { CaseBody } from '../case.js';
import { FixtureError } from '../errors.js';
import { alternativesOf } from './auth.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../../../fixtures/cases', import.meta.url));

export interface RecordedCase {
  /** `file#index`, for messages. */
  source: string;
  operationId: string;
  title: string;
  /** A security scheme of the operation, or `none`. */
  auth: string;
  /** This case stands in for the spec-generated valid request (which cannot succeed on its own). */
  replacesPositive: boolean;
  path: Record<string, string>;
  query: [string, string][];
  headers: Record<string, string>;
  body?: CaseBody;
  expect: number[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function scalars(value: unknown, what: string, fail: (m: string) => never): Record<string, string> {
  if (value === undefined) return {};
  if (!isObject(value)) fail(`${what} must be a map`);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') fail(`${what}.${k} must be a string, number or boolean`);
    out[k] = String(v);
  }
  return out;
}

function parseCase(raw: unknown, source: string, spec: LoadedSpec): RecordedCase {
  const fail = (message: string): never => {
    throw new FixtureError(`${source}: ${message}`);
  };
  if (!isObject(raw)) fail('a case must be a map');
  const c = raw as Record<string, unknown>;
  const op = typeof c['operationId'] === 'string' ? spec.byOperationId.get(c['operationId']) : undefined;
  if (!op) fail(`unknown operationId ${JSON.stringify(c['operationId'])}`);
  const operation = op!;
  const title = typeof c['title'] === 'string' ? c['title'] : fail('title must be a string');
  const schemes = alternativesOf(operation).map((a) => a.scheme);
  const auth = c['auth'] === undefined ? schemes[0]! : String(c['auth']);
  if (auth !== 'none' && !schemes.includes(auth))
    fail(`auth ${auth} is not a security alternative of ${operation.operationId} (${schemes.join(', ')})`);
  const expectRaw = Array.isArray(c['expect']) ? c['expect'] : [c['expect']];
  const expect = expectRaw.map((s) =>
    typeof s === 'number' && Number.isInteger(s) && s >= 100 && s <= 599 ? s : fail('expect must be a status code or a list of them'),
  );
  const path = scalars(c['path'], 'path', fail);
  const known = new Set(operation.parameters.filter((p) => p.in === 'path').map((p) => p.name));
  for (const name of Object.keys(path)) if (!known.has(name)) fail(`path parameter ${name} is not in ${operation.path}`);
  let body: CaseBody | undefined;
  if (c['body'] !== undefined) {
    const b = c['body'];
    if (!isObject(b) || typeof b['mediaType'] !== 'string' || !('value' in b)) fail('body must be {mediaType, value}');
    body = { mediaType: (b as Record<string, unknown>)['mediaType'] as string, value: (b as Record<string, unknown>)['value'] };
  }
  return {
    source,
    operationId: operation.operationId,
    title,
    auth,
    replacesPositive: c['replaces'] === 'positive',
    path,
    query: Object.entries(scalars(c['query'], 'query', fail)),
    headers: scalars(c['headers'], 'headers', fail),
    ...(body === undefined ? {} : { body }),
    expect,
  };
}

/** Every recorded case in `dir`, files in name order; an absent directory has none. */
export function loadRecordedCases(dir: string, spec: LoadedSpec): RecordedCase[] {
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f))
    .sort();
  return files.flatMap((file) => {
    const path = join(dir, file);
    const shown = relative(process.cwd(), path);
    let doc: unknown;
    try {
      doc = parse(readFileSync(path, 'utf8'));
    } catch (err) {
      throw new FixtureError(`${shown}: ${(err as Error).message}`);
    }
    const cases = isObject(doc) ? doc['cases'] : undefined;
    if (!Array.isArray(cases)) throw new FixtureError(`${shown}: expected a map with a "cases" list`);
    return cases.map((raw, i) => parseCase(raw, `${shown}#${i + 1}`, spec));
  });
}
