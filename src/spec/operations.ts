/**
 * @module
 * The index of operations: one entry per method + path of the bundled spec, with its references
 * resolved, so that the mock and the contract runner read parameters, security and responses from
 * here and never restate them.
 */
import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  PathItemObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
  SecurityRequirementObject,
} from 'openapi3-ts/oas31';
import { SpecError } from './errors.js';
import { escapePointerSegment as escapePointer, resolvePointer } from './json-pointer.js';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type HttpMethod = (typeof HTTP_METHODS)[number];

export interface IndexedParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: SchemaObject;
  /** JSON pointer of the schema in the bundled document (for the shared validator). */
  schemaPointer: string;
  /** The parameter matches the rest of the path, slashes included (`x-path-glob`). */
  glob: boolean;
  /** The parameter's `x-…` extensions. */
  extensions: Record<string, unknown>;
}

export interface IndexedMedia {
  mediaType: string;
  schemaPointer: string | undefined;
  examples: Record<string, unknown>;
}

export interface IndexedResponse {
  status: string;
  description: string;
  /** Header name (lower case) → whether the spec marks it required, its schema pointer and example value. */
  headers: Record<string, { required: boolean; schemaPointer: string | undefined; example: unknown }>;
  content: IndexedMedia[];
}

export interface IndexedOperation {
  operationId: string;
  method: HttpMethod;
  path: string;
  tags: string[];
  summary: string;
  deprecated: boolean;
  parameters: IndexedParameter[];
  /** Alternatives: any one requirement object satisfies; `{}` means anonymous access is allowed. */
  security: SecurityRequirementObject[];
  requestBody: { required: boolean; content: IndexedMedia[] } | undefined;
  responses: IndexedResponse[];
  /** JSON pointer of the operation object in the bundled document. */
  pointer: string;
  /**
   * The headers its answers carry for a cross-origin request (`Origin` sent), from the root's
   * `x-cors`; undefined when the server sends no CORS headers on its path.
   */
  cors: IndexedResponse['headers'] | undefined;
  /** The operation's `x-…` extensions. */
  extensions: Record<string, unknown>;
}

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && typeof (value as { $ref?: unknown }).$ref === 'string';

/** Follows internal `$ref`s until a concrete object, returning it with its pointer. */
function deref<T>(doc: OpenAPIObject, value: T | ReferenceObject, pointer: string): { value: T; pointer: string } {
  let current: unknown = value;
  let at = pointer;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 20) throw new SpecError(`$ref loop at ${pointer}`);
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new SpecError(`unresolved external $ref ${ref} at ${at}`);
    at = ref.slice(1);
    current = resolvePointer(doc, at);
    if (current === undefined) throw new SpecError(`dangling $ref ${ref} at ${pointer}`);
  }
  return { value: current as T, pointer: at };
}

function indexMedia(doc: OpenAPIObject, content: Record<string, unknown> | undefined, base: string): IndexedMedia[] {
  return Object.entries(content ?? {}).map(([mediaType, raw]) => {
    const media = raw as { schema?: unknown; examples?: Record<string, unknown> };
    const at = `${base}/content/${escapePointer(mediaType)}`;
    const examples: Record<string, unknown> = {};
    for (const [name, example] of Object.entries(media.examples ?? {})) {
      examples[name] = deref<{ value?: unknown }>(doc, example as { value?: unknown }, `${at}/examples/${escapePointer(name)}`).value.value;
    }
    return { mediaType, schemaPointer: media.schema === undefined ? undefined : `${at}/schema`, examples };
  });
}

type IndexedHeaders = IndexedResponse['headers'];

/** The headers of a response (or of `x-cors`) at `pointer`, references resolved, names lower case. */
function indexHeaders(doc: OpenAPIObject, raw: Record<string, unknown>, pointer: string): IndexedHeaders {
  const headers: IndexedHeaders = {};
  for (const [name, header] of Object.entries(raw)) {
    const resolved = deref<{
      required?: boolean;
      schema?: { examples?: unknown[] };
      example?: unknown;
      examples?: Record<string, { value?: unknown }>;
    }>(doc, header as ReferenceObject, `${pointer}/headers/${escapePointer(name)}`);
    const h = resolved.value;
    headers[name.toLowerCase()] = {
      required: h.required === true,
      schemaPointer: h.schema === undefined ? undefined : `${resolved.pointer}/schema`,
      example: h.example ?? Object.values(h.examples ?? {})[0]?.value ?? h.schema?.examples?.[0],
    };
  }
  return headers;
}

function indexResponse(doc: OpenAPIObject, status: string, raw: ResponseObject | ReferenceObject, at: string): IndexedResponse {
  const { value: response, pointer } = deref<ResponseObject>(doc, raw, at);
  const headers = indexHeaders(doc, response.headers ?? {}, pointer);
  return { status, description: response.description ?? '', headers, content: indexMedia(doc, response.content, pointer) };
}

/**
 * The root's `x-cors` (see openapi/README.md): the path prefixes that answer cross-origin requests
 * and the headers every answer under them carries when the request has an `Origin`.
 */
function indexCors(doc: OpenAPIObject): { prefixes: string[]; headers: IndexedHeaders } | undefined {
  const raw: unknown = doc['x-cors'];
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { paths, headers } = raw as { paths?: unknown; headers?: unknown };
  if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string') || typeof headers !== 'object' || headers === null) {
    throw new SpecError('x-cors needs `paths` (a list of path prefixes) and `headers`');
  }
  return { prefixes: paths, headers: indexHeaders(doc, headers as Record<string, unknown>, '/x-cors') };
}

function indexParameters(doc: OpenAPIObject, item: PathItemObject, op: OperationObject, pathAt: string, opAt: string): IndexedParameter[] {
  const merged = new Map<string, IndexedParameter>();
  const add = (list: (ParameterObject | ReferenceObject)[] | undefined, at: string) => {
    (list ?? []).forEach((raw, i) => {
      const { value: p, pointer } = deref<ParameterObject>(doc, raw, `${at}/parameters/${i}`);
      if (p.schema === undefined) throw new SpecError(`parameter ${p.name} at ${pointer} has no schema`);
      const schema = deref<SchemaObject>(doc, p.schema, `${pointer}/schema`).value;
      merged.set(`${p.in}:${p.name}`, {
        name: p.name,
        in: p.in,
        required: p.required === true,
        schema,
        schemaPointer: `${pointer}/schema`,
        glob: p['x-path-glob'] === true,
        extensions: Object.fromEntries(Object.entries(p).filter(([key]) => key.startsWith('x-'))),
      });
    });
  };
  add(item.parameters, pathAt);
  add(op.parameters, opAt);
  return [...merged.values()];
}

export function indexOperations(doc: OpenAPIObject): IndexedOperation[] {
  const operations: IndexedOperation[] = [];
  const seen = new Set<string>();
  const cors = indexCors(doc);
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const pathAt = `/paths/${escapePointer(path)}`;
    const item = rawItem as PathItemObject;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!op) continue;
      const opAt = `${pathAt}/${method}`;
      if (!op.operationId) throw new SpecError(`${method.toUpperCase()} ${path} has no operationId`);
      if (seen.has(op.operationId)) throw new SpecError(`operationId ${op.operationId} is used twice`);
      seen.add(op.operationId);
      const body = op.requestBody === undefined ? undefined : deref<RequestBodyObject>(doc, op.requestBody, `${opAt}/requestBody`);
      operations.push({
        operationId: op.operationId,
        method,
        path,
        tags: op.tags ?? [],
        summary: op.summary ?? '',
        deprecated: op.deprecated === true,
        parameters: indexParameters(doc, item, op, pathAt, opAt),
        security: op.security ?? doc.security ?? [],
        requestBody: body && { required: body.value.required === true, content: indexMedia(doc, body.value.content, body.pointer) },
        responses: Object.entries(op.responses ?? {}).map(([status, r]) =>
          indexResponse(doc, status, r as ResponseObject | ReferenceObject, `${opAt}/responses/${escapePointer(status)}`),
        ),
        pointer: opAt,
        cors: cors?.prefixes.some((prefix) => path.startsWith(prefix)) ? cors.headers : undefined,
        extensions: Object.fromEntries(Object.entries(op).filter(([key]) => key.startsWith('x-'))),
      });
    }
  }
  return operations;
}

/**
 * The documented response that answers `status`: the exact code first, then its range (`4XX`),
 * then `default` — OpenAPI's precedence ("Responses Object": an explicit code wins over a range).
 * @example
 * responseFor(spec.byOperationId.get('getUserStats')!, 404)?.description
 */
export function responseFor(op: Pick<IndexedOperation, 'responses'>, status: number): IndexedResponse | undefined {
  const code = String(status);
  return (
    op.responses.find((r) => r.status === code) ??
    op.responses.find((r) => r.status.toUpperCase() === `${code[0]}XX`) ??
    op.responses.find((r) => r.status === 'default')
  );
}
