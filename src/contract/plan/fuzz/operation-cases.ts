/**
 * @module
 * The two arbitraries of generated requests of one operation: valid requests (every parameter from
 * its schema, the body harmless, a credential of any alternative the run has), and requests with
 * exactly one bad part (a parameter value, a missing parameter, an unroutable path, a missing or
 * wrong credential, a malformed, mistyped, oversized or absent body), each with the statuses it may
 * get. What changes state is only generated where it cannot: heartbeats are harmless test entries,
 * OAuth requests name an unknown client, other writes get only what is rejected before the server
 * reads them (no credential, a body it cannot parse or take).
 */
import fc from 'fast-check';
import type { IndexedOperation, IndexedParameter } from '../../../spec/operations.js';
import type { Case, CaseBody, CaseKind } from '../../case.js';
import { type Alternative, allowsAnonymous, alternativesOf, applyAuth } from '../auth.js';
import {
  crashingParameters,
  documents,
  gateStatuses,
  invalidStatus,
  noAuthStatus,
  rejectedBodyStatuses,
  validStatuses,
} from '../expectations.js';
import { fillPath, pathValue, requiredInputs } from '../request-parts.js';
import { type Bodies, isOAuth } from './bodies.js';
import { type FuzzPlanContext, generatorsOf } from './context.js';
import { invalidValues, validValues } from './parameter-values.js';
import { headerString } from './strings.js';

/** A generated request before the driver numbers it. */
export type FuzzCase = Omit<Case, 'id'>;

export interface FuzzArbitraries {
  valid?: fc.Arbitrary<FuzzCase>;
  negative?: fc.Arbitrary<FuzzCase>;
  /** Why valid requests are not generated, for the report. */
  skipped: string[];
}

interface Parts {
  auth: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body?: CaseBody | undefined;
}

const encodeSegment = (param: IndexedParameter, value: string): string =>
  param.glob ? value.split('/').map(encodeURIComponent).join('/') : encodeURIComponent(value);

/**
 * Node answers a request line and headers over 16 KiB with 431 before any route sees it (so does
 * every proxy in front of a real server, with 414 or 431): generated query strings stay under half.
 */
const QUERY_BUDGET = 8 * 1024;

function withinBudget(query: Record<string, string>): Record<string, string> {
  const out = { ...query };
  const size = () => new URLSearchParams(out).toString().length;
  while (size() > QUERY_BUDGET) {
    const [name, value] = Object.entries(out).sort((a, b) => b[1].length - a[1].length)[0]!;
    out[name] = [...value].slice(0, Math.floor([...value].length / 2)).join('');
  }
  return out;
}

const shown = (v: string): string => JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}…` : v);

class OperationFuzz {
  private readonly bodies: Bodies;
  private readonly crashing: Set<string>;
  private readonly usable: Alternative[];

  constructor(
    private readonly op: IndexedOperation,
    private readonly ctx: FuzzPlanContext,
  ) {
    this.bodies = generatorsOf(ctx).bodies;
    this.crashing = crashingParameters(ctx.spec.document, op);
    this.usable = alternativesOf(op).filter((a) => !('missing' in applyAuth(a, ctx.target.credentials)));
  }

  private params(where: IndexedParameter['in']): IndexedParameter[] {
    return this.op.parameters.filter((p) => p.in === where);
  }

  /** Statuses of a valid request, plus a documented 500 when a parameter documented to crash is set. */
  private validExpected(parts: Parts): number[] {
    const set = [...Object.keys(parts.query).map((n) => `query:${n}`), ...Object.keys(parts.headers).map((n) => `header:${n}`)];
    const crash = set.some((k) => this.crashing.has(k));
    return crash ? [...validStatuses(this.op), 500] : validStatuses(this.op);
  }

  build(parts: Parts, kind: CaseKind, title: string, expected: number[]): FuzzCase {
    let path = this.op.path;
    for (const param of this.params('path')) path = path.replace(`{${param.name}}`, encodeSegment(param, parts.path[param.name] ?? ''));
    const alt = alternativesOf(this.op).find((a) => a.scheme === parts.auth);
    const auth = alt ? applyAuth(alt, this.ctx.target.credentials) : { headers: {}, query: [] as [string, string][] };
    const credential = 'missing' in auth ? { headers: {}, query: [] as [string, string][] } : auth;
    return {
      operationId: this.op.operationId,
      method: this.op.method.toUpperCase(),
      pathTemplate: this.op.path,
      path,
      query: [...Object.entries(withinBudget(parts.query)), ...credential.query],
      headers: { ...parts.headers, ...credential.headers },
      ...(parts.body === undefined ? {} : { body: parts.body }),
      expectedStatuses: expected,
      kind,
      title: `fuzz: ${title}`,
      auth: parts.auth,
    };
  }

  private record(where: 'query' | 'header'): fc.Arbitrary<Record<string, string>> {
    const params = this.params(where);
    const model = Object.fromEntries(params.map((p) => [p.name, this.valueOf(p)]));
    return fc.record(model, { requiredKeys: params.filter((p) => p.required).map((p) => p.name) });
  }

  /** OAuth requests name a client no server has: they can only take the error paths. */
  private valueOf(param: IndexedParameter): fc.Arbitrary<string> {
    if (isOAuth(this.op) && param.name === 'client_id') return fc.string({ maxLength: 16 }).map((s) => `hackatime-kit-fuzz-${s}`);
    return validValues(param, this.ctx);
  }

  private validBody(): fc.Arbitrary<CaseBody | undefined> {
    const media = this.op.requestBody?.content ?? [];
    const arbs = media.flatMap((m) => (isOAuth(this.op) ? this.bodies.failingOAuth(m) : this.bodies.valid(this.op, m)) ?? []);
    return arbs.length === 0 ? fc.constant(undefined) : fc.oneof(...arbs);
  }

  private validParts(alts: readonly Alternative[]): fc.Arbitrary<Parts> {
    return fc.record({
      auth: fc.constantFrom(...alts.map((a) => a.scheme)),
      path: fc.record(Object.fromEntries(this.params('path').map((p) => [p.name, this.valueOf(p)]))),
      query: this.record('query'),
      headers: this.record('header'),
      body: this.validBody(),
    });
  }

  valid(): fc.Arbitrary<FuzzCase> {
    return this.validParts(this.usable).map((parts) =>
      this.build(parts, 'positive', `valid request (${parts.auth === 'none' ? 'anonymous' : parts.auth})`, this.validExpected(parts)),
    );
  }

  /**
   * OAuth: everything the schema allows, with an unknown client (the consent page's GET answers its
   * errors with 200; a GET that reads a token itself, token info, answers a 401 it documents).
   */
  oauthErrors(): fc.Arbitrary<FuzzCase> {
    const handlerRendered = this.op.method === 'get';
    const expected = handlerRendered
      ? [...validStatuses(this.op), ...(documents(this.op, 401) ? [401] : [])]
      : rejectedBodyStatuses(this.op, true);
    const required = this.op.parameters.filter((p) => p.required && p.in === 'query').map((p) => p.name);
    return fc
      .tuple(this.validParts([{ scheme: 'none', scopes: [] }]), fc.option(fc.constantFrom(...required, ''), { nil: undefined }))
      .map(([parts, drop]) => {
        const query = Object.fromEntries(Object.entries(parts.query).filter(([n]) => n !== drop));
        const title = `request with an unknown OAuth client${drop ? ` and without ${drop}` : ''}`;
        return this.build({ ...parts, query }, handlerRendered ? 'positive' : 'invalid-param', title, expected);
      });
  }

  /** The realistic request every negative case changes one part of. */
  private base(): Parts | undefined {
    const alt = this.usable[0];
    const inputs = requiredInputs(this.op, this.ctx.target);
    if (!alt || !inputs.ok) return undefined;
    const values: Record<string, string> = {};
    for (const param of this.params('path')) {
      const value = pathValue(param, this.ctx.target);
      if (value === undefined) return undefined;
      values[param.name] = value;
    }
    return { auth: alt.scheme, path: values, query: Object.fromEntries(inputs.value.query), headers: inputs.value.headers };
  }

  negatives(writes: 'all' | 'rejected-early'): fc.Arbitrary<FuzzCase>[] {
    const out: fc.Arbitrary<FuzzCase>[] = [];
    const op = this.op;
    const base = this.base();
    const body = this.validBody();
    const withBody = (change: (b: Parts) => Parts) => (b: CaseBody | undefined) => change({ ...base!, body: b });
    if (base && writes === 'all') {
      for (const param of op.parameters.filter((p) => p.in !== 'cookie')) {
        const status = invalidStatus(op, param);
        if (status === undefined || param.extensions['x-invalid-response'] === 'handler') continue;
        const where = param.in === 'header' ? 'headers' : param.in === 'path' ? 'path' : 'query';
        const values = invalidValues(param, this.ctx);
        if (values) {
          const title = (v: string) =>
            `${param.in === 'path' ? 'unroutable' : 'invalid'} ${param.in} parameter ${param.name} = ${shown(v)}`;
          out.push(
            fc
              .tuple(values, body)
              .map(([v, b]) =>
                this.build(withBody((p) => ({ ...p, [where]: { ...p[where], [param.name]: v } }))(b), 'invalid-param', title(v), [status]),
              ),
          );
        }
        if (param.required && param.in !== 'path') {
          const drop = (p: Parts): Parts => ({
            ...p,
            [where]: Object.fromEntries(Object.entries(p[where]).filter(([n]) => n !== param.name)),
          });
          out.push(
            body.map((b) =>
              this.build(withBody(drop)(b), 'invalid-param', `missing required ${param.in} parameter ${param.name}`, [status]),
            ),
          );
        }
      }
    }
    const noAuth = noAuthStatus(op);
    if (!allowsAnonymous(op) && noAuth !== undefined) {
      const path = fillPath(op, this.ctx.target, {}, this.ctx.target.variables['unknown_user']);
      const inputs = requiredInputs(op, this.ctx.target);
      if (path.ok && inputs.ok) {
        const anon: Parts = { auth: 'none', path: {}, query: Object.fromEntries(inputs.value.query), headers: inputs.value.headers };
        const built = (parts: Parts, title: string, extra: { headers: Record<string, string>; query: [string, string][] }): FuzzCase => {
          const kase = this.build(parts, 'no-auth', title, [noAuth]);
          return { ...kase, path: path.value, headers: { ...kase.headers, ...extra.headers }, query: [...kase.query, ...extra.query] };
        };
        out.push(body.map((b) => built({ ...anon, body: b }, 'request without credentials', { headers: {}, query: [] })));
        out.push(fc.tuple(body, badCredential(alternativesOf(op))).map(([b, c]) => built({ ...anon, body: b }, c.title, c)));
      }
    } else if (base && writes === 'all' && alternativesOf(op).some((a) => a.scheme !== 'none')) {
      // Where anonymous access is allowed, a wrong credential makes the caller anonymous (or is refused).
      const expected = [...validStatuses(op), ...(documents(op, 401) ? [401] : [])];
      const anonymous = { ...base, auth: 'none' };
      out.push(
        fc.tuple(body, badCredential(alternativesOf(op))).map(([b, c]) => {
          const kase = this.build({ ...anonymous, body: b }, 'positive', `${c.title} (anonymous access is allowed)`, expected);
          return { ...kase, headers: { ...kase.headers, ...c.headers }, query: [...kase.query, ...c.query] };
        }),
      );
    }
    if (base && op.requestBody) {
      // A body is judged only behind the operation's own key check; without the key, its answer comes first.
      const gate = gateStatuses(op);
      const rejected = [...rejectedBodyStatuses(op, isOAuth(op)), ...gate];
      const json = op.requestBody.content.find((m) => m.mediaType === 'application/json');
      if (json && documents(op, 400)) {
        out.push(
          this.bodies
            .malformedJson(op, json)
            .map((b) => this.build({ ...base, body: b }, 'invalid-param', `malformed JSON body ${shown(b.raw ?? '')}`, [400, ...gate])),
        );
        out.push(
          this.bodies
            .deeplyNested(json)
            .map((b) => this.build({ ...base, body: b }, 'invalid-param', `JSON nested ${b.runs![0]!.times} levels deep`, [400, ...gate])),
        );
      }
      const oversized = this.bodies.oversized(op);
      const size = (b: CaseBody) => (b.runs ?? []).reduce((n, r) => n + r.text.length * r.times, 0);
      if (oversized && documents(op, 413))
        out.push(
          oversized.map((b) => this.build({ ...base, body: b }, 'invalid-param', `oversized body (${size(b)} bytes)`, [413, ...gate])),
        );
      const mistyped = writes === 'all' && json ? this.bodies.mistyped(op, json) : undefined;
      if (mistyped)
        out.push(
          mistyped.map((b) =>
            this.build({ ...base, body: b }, 'positive', 'heartbeat with a mistyped or out-of-range field', validStatuses(op)),
          ),
        );
      const wrong = this.bodies.wrongContentType(op);
      if (writes === 'all' && wrong && rejected.length > 0)
        out.push(wrong.map((b) => this.build({ ...base, body: b }, 'invalid-param', `JSON body sent as ${b.mediaType}`, rejected)));
      if (writes === 'all' && op.requestBody.required && rejected.length > 0)
        out.push(fc.constant(this.build({ ...base }, 'invalid-param', 'no body', rejected)));
    }
    return out;
  }
}

interface BadCredential {
  title: string;
  headers: Record<string, string>;
  query: [string, string][];
}

/** A credential no server knows: random text in each place a key of the operation can go. */
function badCredential(alts: readonly Alternative[]): fc.Arbitrary<BadCredential> {
  const schemes = alts.filter((a) => a.scheme !== 'none').map((a) => a.scheme);
  return fc
    .tuple(fc.constantFrom(...(schemes.length > 0 ? schemes : ['ApiKeyBearer'])), headerString(128))
    .map(([scheme, junk]): BadCredential => {
      const title = `request with a wrong ${scheme} credential ${shown(junk)}`;
      if (scheme === 'ApiKeyBasic')
        return { title, headers: { Authorization: `Basic ${Buffer.from(junk).toString('base64')}` }, query: [] };
      if (scheme.endsWith('Query')) return { title, headers: {}, query: [['api_key', junk]] };
      return { title, headers: { Authorization: `Bearer ${junk}` }, query: [] };
    });
}

/** The arbitraries of one operation; a group left out is not generated (`skipped` says why for valid requests). */
export function fuzzArbitraries(op: IndexedOperation, ctx: FuzzPlanContext): FuzzArbitraries {
  const fuzz = new OperationFuzz(op, ctx);
  const skipped: string[] = [];
  const changesState = op.requestBody !== undefined && op.method !== 'get';
  const harmlessWrites = changesState && generatorsOf(ctx).bodies.carriesHeartbeats(op);
  if (isOAuth(op)) {
    const negatives = [fuzz.oauthErrors(), ...fuzz.negatives('all')];
    return {
      negative: fc.oneof(...negatives),
      skipped: ['OAuth: a valid request would sign someone in; only requests with an unknown client (error paths) are generated'],
    };
  }
  const writes = !changesState || harmlessWrites ? 'all' : 'rejected-early';
  const negatives = fuzz.negatives(writes);
  let valid: fc.Arbitrary<FuzzCase> | undefined;
  if (changesState && !harmlessWrites) skipped.push('changes state: only requests rejected before the server reads them are generated');
  else if (alternativesOf(op).every((a) => 'missing' in applyAuth(a, ctx.target.credentials)))
    skipped.push('valid requests need a credential this run lacks');
  else valid = fuzz.valid();
  return { ...(valid ? { valid } : {}), ...(negatives.length > 0 ? { negative: fc.oneof(...negatives) } : {}), skipped };
}
