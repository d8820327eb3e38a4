/**
 * @module
 * Which heartbeats a request carries, read the way the real controller reads them: Rails' JSON params
 * (a non-object body lands under `_json`, a bare object is wrapped under `hackatime`, nulls inside
 * arrays are dropped), a `text/plain` body parsed as JSON, the `heartbeats` key of the bulk endpoint,
 * and the permitted keys (everything else is silently dropped).
 */
import { isJsonMediaType, mediaTypeOf } from '../../spec/media-type.js';
import { BAD_REQUEST_PAGE, error, fromTemplate, MALFORMED_BODY_PAGE } from '../errors.js';
import { MAX_JSON_NESTING, nestsDeeperThan } from '../request-body.js';

/** The keys the controller permits; `dependencies` only as an array of scalars. */
const ACCEPTED_KEYS = [
  'ai_input_tokens',
  'ai_line_changes',
  'ai_model',
  'ai_output_tokens',
  'ai_prompt_length',
  'ai_session',
  'ai_subscription_plan',
  'branch',
  'category',
  'created_at',
  'cursorpos',
  'editor',
  'entity',
  'human_line_changes',
  'is_write',
  'language',
  'line_additions',
  'line_deletions',
  'lineno',
  'lines',
  'machine',
  'operating_system',
  'project',
  'project_root_count',
  'time',
  'type',
  'user_agent',
  'plugin',
] as const;

const MAX_BULK = 100;
const NO_DATA = 'No data provided...';
const TOO_MANY = `Too many heartbeats in a single request (max ${MAX_BULK})`;

/** One posted heartbeat after the parameter filter: accepted keys with scalar values. */
export type PermittedHeartbeat = Record<string, unknown>;

export interface BodyInput {
  body: unknown;
  contentType: string | undefined;
  search: URLSearchParams;
}

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/** Ruby's `present?`. */
function present(v: unknown): boolean {
  if (v === null || v === undefined || v === false) return false;
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isObject(v)) return Object.keys(v).length > 0;
  return true;
}

/** `permit(*ACCEPTED_KEYS, dependencies: [])`: undefined for anything but an object. */
function permitHeartbeat(value: unknown): PermittedHeartbeat | undefined {
  if (!isObject(value)) return undefined;
  const out: PermittedHeartbeat = {};
  for (const key of ACCEPTED_KEYS) if (key in value && isScalar(value[key])) out[key] = value[key];
  const deps = value['dependencies'];
  if (Array.isArray(deps) && deps.every(isScalar)) out['dependencies'] = deps;
  return out;
}

/** Rails' parameter encoder drops nils inside arrays of JSON params (deep munge). */
function munge(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(munge);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, munge(v)]));
  return value;
}

/** JSON media types the app parses, plus Rails' synonyms it leaves as text. */
const RAILS_JSON_SYNONYMS = new Set(['text/x-json', 'application/jsonrequest']);

/** The JSON params of the request, or undefined when its body is not JSON (or absent). */
function jsonParams(input: BodyInput): { value: unknown } | undefined {
  const type = mediaTypeOf(input.contentType);
  const parsedByApp = isJsonMediaType(type);
  if (parsedByApp) return input.body === undefined ? undefined : { value: munge(input.body) };
  if (!RAILS_JSON_SYNONYMS.has(type) || typeof input.body !== 'string') return undefined;
  try {
    return { value: munge(JSON.parse(input.body)) };
  } catch {
    throw fromTemplate(MALFORMED_BODY_PAGE);
  }
}

/** The raw text of a non-blank `text/plain` body. */
function plainText(input: BodyInput): string | undefined {
  const isPlain = (input.contentType ?? '').toLowerCase().includes('text/plain');
  return isPlain && typeof input.body === 'string' && input.body.trim() !== '' ? input.body : undefined;
}

/** `JSON.parse(raw_post) rescue nil` (Ruby's parser also refuses nesting deeper than 100). */
function parseLoosely(text: string): unknown {
  if (nestsDeeperThan(text, MAX_JSON_NESTING)) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** `request_parameters.merge(query_parameters)` for a form body or none: the query wins. */
function formAndQuery(input: BodyInput): Obj {
  const params: Obj = isObject(input.body) ? { ...input.body } : {};
  for (const [key, value] of input.search) params[key] = value;
  const deps = input.search.getAll('dependencies[]');
  if (deps.length > 0) params['dependencies'] = deps;
  return params;
}

/**
 * The one heartbeat of `POST …/heartbeats`, or `400 {"error":"No data provided..."}`.
 * (A bare JSON number or `true` makes the real server fail with a 500; the mock answers the 400.)
 */
export function singleHeartbeat(input: BodyInput): PermittedHeartbeat {
  const json = jsonParams(input);
  const text = json === undefined ? plainText(input) : undefined;
  let permitted: PermittedHeartbeat | undefined;
  if (json !== undefined && !isObject(json.value)) {
    // `_json`: only the first element of an array counts; a blank one leaves nothing usable.
    permitted = Array.isArray(json.value) && json.value.length > 0 ? permitHeartbeat(json.value[0]) : undefined;
  } else if (json !== undefined) {
    // Rails wraps a bare object under `hackatime` itself; a blank wrapper falls back to all params.
    const body = json.value as Obj;
    const wrapped = 'hackatime' in body ? body['hackatime'] : body;
    permitted = present(wrapped) ? permitHeartbeat(wrapped) : permitHeartbeat({ ...body, ...formAndQuery({ ...input, body: undefined }) });
  } else if (text !== undefined) {
    const parsed = parseLoosely(text);
    permitted = permitHeartbeat(Array.isArray(parsed) ? parsed[0] : parsed);
  } else {
    permitted = permitHeartbeat(formAndQuery(input));
  }
  if (permitted === undefined || Object.keys(permitted).length === 0) throw error(400, NO_DATA);
  return permitted;
}

/** `params.require(:hackatime)` of a request that is neither a JSON array nor text/plain. */
function requireHackatime(json: { value: unknown } | undefined): unknown {
  // Without a JSON body there is no `hackatime` parameter at all (forms are not wrapped).
  if (json === undefined) throw fromTemplate(BAD_REQUEST_PAGE);
  const body = json.value;
  const hackatime = isObject(body) ? ('hackatime' in body ? body['hackatime'] : body) : { _json: body };
  if (!present(hackatime)) throw fromTemplate(BAD_REQUEST_PAGE);
  return hackatime;
}

/**
 * The items of `POST …/heartbeats.bulk` in input order (undefined where an item is not an object: it
 * fails on its own), or the 400s: no heartbeats, more than 100, no JSON body at all.
 */
export function bulkHeartbeats(input: BodyInput): (PermittedHeartbeat | undefined)[] {
  const json = jsonParams(input);
  const text = json === undefined ? plainText(input) : undefined;
  let list: unknown;
  if (json !== undefined && !isObject(json.value) && present(json.value)) list = json.value;
  else if (text !== undefined) list = parseLoosely(text);
  else {
    const hackatime = requireHackatime(json);
    list = isObject(hackatime) ? hackatime['heartbeats'] : undefined;
  }
  const items = Array.isArray(list) ? list.map(permitHeartbeat) : [];
  if (items.length === 0) throw error(400, NO_DATA);
  if (items.length > MAX_BULK) throw error(400, TOO_MANY);
  return items;
}
