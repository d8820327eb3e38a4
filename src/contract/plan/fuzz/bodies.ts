/**
 * @module
 * Request bodies: valid ones from the body schema (made harmless: every heartbeat-shaped object is
 * a `test.txt` test entry in a fixed old time window, on the runner's own project), hostile ones —
 * malformed JSON, JSON nested deeper than Rails parses, a JSON body under a content type the
 * operation does not take, an oversized body, a heartbeat with a mistyped field — and, for the OAuth
 * endpoints, bodies that can only fail (an unknown client).
 */
import fc from 'fast-check';
import type { OpenAPIObject } from 'openapi3-ts/oas31';
import { refPointer, resolvePointer } from '../../../spec/json-pointer.js';
import { isJsonMediaType as isJson } from '../../../spec/media-type.js';
import type { IndexedMedia, IndexedOperation } from '../../../spec/operations.js';
import type { SpecValidator } from '../../../spec/validator.js';
import type { CaseBody } from '../../case.js';
import { CONTRACT_PROJECT } from '../variables.js';
import { SchemaArbitraries } from './schema-arbitrary.js';
import { oddString } from './strings.js';

/** 2020-01-01T00:00:00Z: fuzzed heartbeats land in that one day, far from any "today". */
const HARMLESS_FROM = 1_577_836_800;
const HARMLESS_TO = HARMLESS_FROM + 86_400;

/** `JSON.parse`'s default `max_nesting` in Ruby, which Rails decodes JSON parameters with. */
const MAX_NESTING = 100;

/** Bigger than the 1 MiB the mock accepts (PayloadTooLarge.yaml); a real server may allow more. */
const OVERSIZED_BYTES = 1024 * 1024 + 1;

/** Heartbeat fields that keep a fuzzed heartbeat out of everyone's coding time. */
const harmlessHeartbeat: Record<string, fc.Arbitrary<unknown>> = {
  entity: fc.constant('test.txt'),
  time: fc.oneof(
    fc.double({ min: HARMLESS_FROM, max: HARMLESS_TO, noNaN: true }),
    fc.integer({ min: HARMLESS_FROM, max: HARMLESS_TO }).map((s) => s * 1000),
    fc.integer({ min: HARMLESS_FROM, max: HARMLESS_TO }).map((s) => new Date(s * 1000).toISOString()),
  ),
  project: fc.oneof(
    fc.constant(CONTRACT_PROJECT),
    oddString(64).map((s) => `${CONTRACT_PROJECT}-${s}`),
  ),
};

/** OAuth fields that make a request fail: a client no server has registered, no method override. */
const failingOAuth: Record<string, fc.Arbitrary<unknown> | undefined> = {
  client_id: fc.string({ maxLength: 16 }).map((s) => `hackatime-kit-fuzz-${s}`),
  // Rails' `_method` turns the POST into another route (the consent form's Cancel).
  _method: undefined,
  // The local mock's stand-in for the session (who approves): a user pending deletion is sent to
  // `/deletion` before any client check, which is the session's answer, not an OAuth error path.
  user_id: undefined,
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Pointers of the component schemas shaped like a heartbeat (`entity` and `time`). */
function heartbeatSchemas(document: OpenAPIObject): string[] {
  return Object.entries(document.components?.schemas ?? {})
    .filter(([, s]) => isObject(s) && isObject(s['properties']) && 'entity' in s['properties'] && 'time' in s['properties'])
    .map(([name]) => `/components/schemas/${name}`);
}

export const isOAuth = (op: IndexedOperation): boolean => op.path.startsWith('/oauth/');

export class Bodies {
  private readonly harmless: SchemaArbitraries;
  private readonly failing: SchemaArbitraries;
  private readonly heartbeats: Set<string>;

  constructor(
    private readonly document: OpenAPIObject,
    private readonly validator: SpecValidator,
  ) {
    const heartbeats = (this.heartbeats = new Set(heartbeatSchemas(document)));
    this.harmless = new SchemaArbitraries(document, { overrides: (pointer) => (heartbeats.has(pointer) ? harmlessHeartbeat : undefined) });
    // The OAuth bodies are flat objects: each object of theirs gets the failing fields.
    this.failing = new SchemaArbitraries(document, { overrides: () => failingOAuth });
  }

  /** Whether the operation's JSON body is made of heartbeats (which the fuzzer makes harmless). */
  carriesHeartbeats(op: IndexedOperation): boolean {
    const json = op.requestBody?.content.find((m) => isJson(m.mediaType));
    const seen = new Set<unknown>();
    const walk = (node: unknown): boolean => {
      if (typeof node !== 'object' || node === null || seen.has(node)) return false;
      seen.add(node);
      const ref = (node as { $ref?: unknown }).$ref;
      const target = typeof ref === 'string' ? refPointer(ref) : undefined;
      if (target !== undefined) {
        if (this.heartbeats.has(target)) return true;
        return walk(resolvePointer(this.document, target));
      }
      return Object.values(node).some(walk);
    };
    return json?.schemaPointer !== undefined && walk(resolvePointer(this.document, json.schemaPointer));
  }

  /** Valid, harmless bodies of `media` (a text body of an operation that also takes JSON is mostly that JSON). */
  valid(op: IndexedOperation, media: IndexedMedia): fc.Arbitrary<CaseBody> | undefined {
    if (media.schemaPointer === undefined) return undefined;
    const pointer = media.schemaPointer;
    const schema = this.harmless.at(pointer).filter((v) => this.validator.validate(pointer, v).ok);
    const json = op.requestBody?.content.find((m) => isJson(m.mediaType) && m.schemaPointer !== undefined);
    if (media.mediaType.startsWith('text/') && json && !isJson(media.mediaType)) {
      const asText = this.harmless.at(json.schemaPointer!).map((v) => JSON.stringify(v));
      return fc
        .oneof({ weight: 3, arbitrary: asText }, { weight: 1, arbitrary: schema })
        .map((value) => ({ mediaType: media.mediaType, value }));
    }
    return schema.map((value) => ({ mediaType: media.mediaType, value }));
  }

  /**
   * Valid heartbeat bodies with one field of the first heartbeat (never `entity`, which keeps it a
   * test entry) set to a value of the wrong type or out of range: the server casts or rejects such
   * an item (`422`) but must not fail.
   */
  mistyped(op: IndexedOperation, media: IndexedMedia): fc.Arbitrary<CaseBody> | undefined {
    const valid = isJson(media.mediaType) && this.carriesHeartbeats(op) ? this.valid(op, media) : undefined;
    const keys = [
      ...new Set(
        [...this.heartbeats].flatMap((p) => Object.keys((resolvePointer(this.document, `${p}/properties`) as object | undefined) ?? {})),
      ),
    ].filter((k) => k !== 'entity');
    if (!valid || keys.length === 0) return undefined;
    return fc
      .tuple(valid, fc.constantFrom(...keys), hostileValue())
      .map(([body, key, value]) => ({ ...body, value: setInFirstTestEntry(structuredClone(body.value), key, value) }));
  }

  /** Bodies of an OAuth endpoint that cannot succeed: an unknown client, any other field as the schema allows or not. */
  failingOAuth(media: IndexedMedia): fc.Arbitrary<CaseBody> | undefined {
    if (media.schemaPointer === undefined) return undefined;
    const dropped = fc.constantFrom('grant_type', 'client_id', 'redirect_uri', 'response_type', 'token', 'code', '');
    const badGrant = fc.oneof(
      fc.constantFrom('refresh_token', 'password', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code', ''),
      oddString(32),
    );
    return fc.tuple(this.failing.at(media.schemaPointer), dropped, fc.option(badGrant, { nil: undefined })).map(([value, drop, grant]) => {
      const body: Record<string, unknown> = isObject(value) ? { ...value } : {};
      delete body[drop];
      if (grant !== undefined && 'grant_type' in body) body['grant_type'] = grant;
      return { mediaType: media.mediaType, value: body };
    });
  }

  /** JSON text that does not parse: cut short, unbalanced, trailing commas, single quotes, bare words. */
  malformedJson(op: IndexedOperation, media: IndexedMedia): fc.Arbitrary<CaseBody> {
    const start = this.valid(op, media)?.map((b) => JSON.stringify(b.value) ?? '{}') ?? fc.constant('{"a":1}');
    const broken = fc.oneof(
      fc.tuple(start, fc.nat()).map(([text, at]) => text.slice(0, at % Math.max(1, text.length))),
      start.map((text) => `${text}}`),
      start.map((text) => `${text},`),
      fc.constantFrom(
        '{',
        '[',
        '{"a":}',
        '{"a" 1}',
        "{'a': 1}",
        '[1,]',
        '{"a":1,}',
        'NaN',
        'undefined',
        'nul',
        '{"a":"\\x41"}',
        '{"a":01}',
        '"unterminated',
        '\u00a0{}',
        '{"a":1}{"b":2}',
      ),
      oddString(32).map((s) => `{${s}`),
    );
    // An empty body is no body (Rails reads no parameters), not malformed JSON.
    return broken.filter((text) => text !== '' && !parses(text)).map((raw) => ({ mediaType: media.mediaType, value: undefined, raw }));
  }

  /** A valid JSON body under a media type the operation does not document. */
  wrongContentType(op: IndexedOperation): fc.Arbitrary<CaseBody> | undefined {
    const json = op.requestBody?.content.find((m) => isJson(m.mediaType));
    const documented = new Set(op.requestBody?.content.map((m) => m.mediaType.toLowerCase()));
    const types = [
      'application/xml',
      'text/csv',
      'application/octet-stream',
      'image/png',
      'application/x-www-form-urlencoded',
      'text/plain',
    ].filter((t) => !documented.has(t));
    if (!json || types.length === 0) return undefined;
    const value = isOAuth(op) ? this.failingOAuth(json) : this.valid(op, json);
    if (!value) return undefined;
    return fc
      .tuple(value, fc.constantFrom(...types))
      .map(([b, mediaType]) => ({ mediaType, value: undefined, raw: JSON.stringify(b.value) }));
  }

  /** Over the size limit: a JSON object whose one string is padding (shown compactly in curl lines). */
  oversized(op: IndexedOperation): fc.Arbitrary<CaseBody> | undefined {
    const media = op.requestBody?.content.find((m) => isJson(m.mediaType)) ?? op.requestBody?.content[0];
    if (!media) return undefined;
    const head = isJson(media.mediaType)
      ? `{"entity":"test.txt","time":${HARMLESS_FROM},"project":"${CONTRACT_PROJECT}","padding":"`
      : 'padding=';
    const tail = isJson(media.mediaType) ? '"}' : '';
    return fc.integer({ min: OVERSIZED_BYTES, max: OVERSIZED_BYTES + 64 * 1024 }).map((times) => ({
      mediaType: media.mediaType,
      value: undefined,
      runs: [
        { text: head, times: 1 },
        { text: 'x', times },
        { text: tail, times: 1 },
      ],
    }));
  }

  /**
   * Valid JSON nested deeper than Rails' JSON parser accepts (100 levels): rejected like malformed
   * JSON, whatever the depth (up to 100 000 levels, which must not crash the server either).
   */
  deeplyNested(media: IndexedMedia): fc.Arbitrary<CaseBody> {
    const levels = fc.oneof(fc.integer({ min: MAX_NESTING + 1, max: 1_000 }), fc.integer({ min: MAX_NESTING + 1, max: 100_000 }));
    return fc.tuple(levels, fc.constantFrom(['[', ']'], ['{"a":', '}'])).map(([times, [open, close]]) => ({
      mediaType: media.mediaType,
      value: undefined,
      runs: [
        { text: open, times },
        { text: '1', times: 1 },
        { text: close, times },
      ],
    }));
  }
}

/** Values of every JSON type, at the edges of the ranges a server stores (32-bit, 53-bit, doubles). */
function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom<unknown>(
      {},
      [],
      [[1]],
      { a: { b: {} } },
      true,
      false,
      -1,
      0,
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53 + 2,
      1e308,
      -1e308,
      5e-324,
      0.5,
    ),
    fc.constantFrom('', ' ', 'abc', '1e3', '0x1F', '-0', '<<LAST_PROJECT>>', '<<LAST_LANGUAGE>>', '<<LAST_BRANCH>>'),
    oddString(),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** Sets `key` on the first object of `value` (depth first) that is a `test.txt` heartbeat. */
function setInFirstTestEntry(value: unknown, key: string, to: unknown): unknown {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.shift();
    if (Array.isArray(node)) stack.unshift(...node);
    else if (isObject(node)) {
      if (node['entity'] === 'test.txt') {
        node[key] = to;
        break;
      }
      stack.unshift(...Object.values(node));
    }
  }
  return value;
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
