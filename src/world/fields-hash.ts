/**
 * @module
 * `fields_hash`: the MD5 the real server stores on every heartbeat and de-duplicates by
 * (`Heartbeat.generate_fields_hash`: `Digest::MD5.hexdigest(indexed.to_json)`).
 *
 * The hashed JSON is Rails' encoding of a hash holding the indexed attributes in a fixed order,
 * then each AI attribute that is not null. Rails writes floats the Ruby way (`1787407234.0`) and
 * escapes `<`, `>`, `&`, U+2028 and U+2029, so we do too.
 */
import { md5Hex } from './platform.js';
import type { Heartbeat } from './types.js';

/** Always hashed, in this order (`Heartbeat.indexed_attributes`). */
export const INDEXED_ATTRIBUTES = [
  'user_id',
  'branch',
  'category',
  'dependencies',
  'editor',
  'entity',
  'language',
  'machine',
  'operating_system',
  'project',
  'type',
  'user_agent',
  'line_additions',
  'line_deletions',
  'lineno',
  'lines',
  'cursorpos',
  'project_root_count',
  'time',
  'is_write',
] as const satisfies readonly (keyof Heartbeat)[];

/** Hashed only when not null, after the others (`Heartbeat.ai_indexed_attributes`). */
export const AI_INDEXED_ATTRIBUTES = [
  'ai_model',
  'ai_session',
  'ai_subscription_plan',
  'ai_input_tokens',
  'ai_output_tokens',
  'ai_prompt_length',
  'ai_line_changes',
  'human_line_changes',
] as const satisfies readonly (keyof Heartbeat)[];

export type FieldsHashInput = Pick<Heartbeat, (typeof INDEXED_ATTRIBUTES)[number] | (typeof AI_INDEXED_ATTRIBUTES)[number]>;

const ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

// Generation hashes tens of thousands of rows that share a few hundred strings.
const encoded = new Map<string, string>();
const ENCODED_CACHE_LIMIT = 20_000;

function encodeString(value: string): string {
  const hit = encoded.get(value);
  if (hit !== undefined) return hit;
  const json = JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => ESCAPES[c] ?? c);
  if (encoded.size < ENCODED_CACHE_LIMIT) encoded.set(value, json);
  return json;
}

/** Ruby's `Float#to_s` for the values a heartbeat holds: integral floats keep `.0`. */
export function rubyFloat(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite float: ${value}`);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e16 || abs < 1e-4)) {
    const [mantissa = '', exponent = ''] = value.toExponential().split('e');
    const m = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
    const sign = exponent.startsWith('-') ? '-' : '+';
    return `${m}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
  }
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

function str(value: string | null): string {
  return value === null ? 'null' : encodeString(value);
}

function num(value: number | null): string {
  return value === null ? 'null' : String(value);
}

// Rows share a handful of dependency arrays, so their JSON is worth remembering.
const encodedArrays = new WeakMap<readonly string[], string>();

function strings(values: readonly string[]): string {
  let json = encodedArrays.get(values);
  if (json === undefined) {
    json = `[${values.map(encodeString).join(',')}]`;
    encodedArrays.set(values, json);
  }
  return json;
}

function anyValue(value: string | number | null): string {
  return typeof value === 'string' ? encodeString(value) : num(value);
}

/** The JSON text the real server feeds to MD5 (exported for tests and debugging). */
export function fieldsHashSource(row: FieldsHashInput): string {
  // One template over the fixed key order of INDEXED_ATTRIBUTES: this runs once per heartbeat.
  let out =
    `{"user_id":${row.user_id},"branch":${str(row.branch)},"category":${str(row.category)}` +
    `,"dependencies":${strings(row.dependencies)},"editor":${str(row.editor)},"entity":${str(row.entity)}` +
    `,"language":${str(row.language)},"machine":${str(row.machine)},"operating_system":${str(row.operating_system)}` +
    `,"project":${str(row.project)},"type":${str(row.type)},"user_agent":${str(row.user_agent)}` +
    `,"line_additions":${num(row.line_additions)},"line_deletions":${num(row.line_deletions)}` +
    `,"lineno":${num(row.lineno)},"lines":${num(row.lines)},"cursorpos":${num(row.cursorpos)}` +
    `,"project_root_count":${num(row.project_root_count)},"time":${rubyFloat(row.time)}` +
    `,"is_write":${row.is_write === null ? 'null' : row.is_write ? 'true' : 'false'}`;
  for (const key of AI_INDEXED_ATTRIBUTES) {
    const value = row[key];
    if (value !== null && value !== undefined) out += `,"${key}":${anyValue(value)}`;
  }
  return `${out}}`;
}

/**
 * MD5 hex of a heartbeat's dedup fields. Two heartbeats of a user with the same hash are one
 * heartbeat to the real server.
 * @example
 * fieldsHash({ ...row, user_id: 1 }) // '3f1c…' (32 hex digits)
 */
export function fieldsHash(row: FieldsHashInput): string {
  return md5Hex(fieldsHashSource(row));
}

/**
 * A row's hash, computed on first need and kept. Generated rows start without it (an empty
 * string): the MD5 of every row was a third of the world's generation, and most rows are never shown.
 */
export function ensureFieldsHash(row: Heartbeat): string {
  if (row.fields_hash === '') row.fields_hash = fieldsHash(row);
  return row.fields_hash;
}

/**
 * The prototype of generated rows: serialising one (every way a row leaves the process is JSON)
 * fills its hash first.
 */
export const LAZY_HASH_ROW: object = Object.defineProperty({}, 'toJSON', {
  value(this: Heartbeat) {
    ensureFieldsHash(this);
    return this;
  },
});
