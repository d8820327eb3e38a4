/**
 * @module
 * Posted heartbeats as JSON lines: one stored row per line, exactly as the API renders it. The data
 * file and the admin export/import share this format; reading a line back checks every field's type
 * so that a hand-edited or foreign file cannot put a row into the world that the API could not render.
 */
import type { Heartbeat, HeartbeatDraft, SourceType } from '../../world/types.js';

/** One row, one line (with its newline). */
export const recordLine = (row: Heartbeat): string => `${JSON.stringify(row)}\n`;

export class RecordError extends Error {
  override readonly name = 'RecordError';
}

const STRING_FIELDS = [
  'entity',
  'type',
  'category',
  'project',
  'branch',
  'language',
  'editor',
  'operating_system',
  'machine',
  'user_agent',
  'ai_model',
  'ai_session',
  'ai_subscription_plan',
  'ip_address',
] as const;
const INT4_FIELDS = [
  'lineno',
  'lines',
  'cursorpos',
  'line_additions',
  'line_deletions',
  'project_root_count',
  'ai_prompt_length',
  'ai_line_changes',
  'human_line_changes',
  'ja4_id',
] as const;
const INT8_FIELDS = ['ai_input_tokens', 'ai_output_tokens'] as const;
const SOURCE_TYPES: readonly SourceType[] = ['direct_entry', 'wakapi_import', 'test_entry'];
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

type Obj = Record<string, unknown>;

function stringOrNull(record: Obj, field: string): string | null {
  const value = record[field] ?? null;
  if (value !== null && typeof value !== 'string') throw new RecordError(`${field} must be a string or null`);
  return value;
}

function integerOrNull(record: Obj, field: string, bits: 32 | 64): number | null {
  const value = record[field] ?? null;
  if (value === null) return null;
  const limit = 2 ** (bits - 1);
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < -limit || value >= limit) {
    throw new RecordError(`${field} must be a ${bits}-bit integer or null`);
  }
  return value;
}

function timestamp(record: Obj, field: string, fallback: string): string {
  const value = record[field] ?? fallback;
  if (typeof value !== 'string' || !ISO_MS.test(value) || Number.isNaN(Date.parse(value))) {
    throw new RecordError(`${field} must be an ISO 8601 time with milliseconds and Z`);
  }
  return value;
}

export interface HeartbeatRecord {
  userId: number;
  draft: HeartbeatDraft;
}

/**
 * The user and insertable row of one parsed line; `id` and `fields_hash` are the store's to assign.
 * Absent optional fields are null (`dependencies` `[]`, `source_type` `direct_entry`, times `nowIso`).
 * @example
 * recordFrom({ user_id: 1, time: 1787407234.5, entity: 'a.rb' }, '2026-08-22T14:00:00.000Z').draft.entity // 'a.rb'
 */
function recordFrom(value: unknown, nowIso: string): HeartbeatRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new RecordError('a heartbeat must be a JSON object');
  const record = value as Obj;
  const userId = record['user_id'];
  if (typeof userId !== 'number' || !Number.isSafeInteger(userId) || userId < 1)
    throw new RecordError('user_id must be a positive integer');
  const time = record['time'];
  if (typeof time !== 'number' || !Number.isFinite(time)) throw new RecordError('time must be a number (Unix seconds)');
  const deps = record['dependencies'] ?? [];
  if (!Array.isArray(deps) || !deps.every((d) => typeof d === 'string')) throw new RecordError('dependencies must be an array of strings');
  const isWrite = record['is_write'] ?? null;
  if (isWrite !== null && typeof isWrite !== 'boolean') throw new RecordError('is_write must be a boolean or null');
  const sourceType = record['source_type'] ?? 'direct_entry';
  if (!SOURCE_TYPES.includes(sourceType as SourceType)) throw new RecordError(`source_type must be one of ${SOURCE_TYPES.join(', ')}`);
  if ((record['deleted_at'] ?? null) !== null) throw new RecordError('deleted_at must be null (deleted heartbeats are not kept)');

  const strings = Object.fromEntries(STRING_FIELDS.map((f) => [f, stringOrNull(record, f)])) as Record<
    (typeof STRING_FIELDS)[number],
    string | null
  >;
  const int4 = Object.fromEntries(INT4_FIELDS.map((f) => [f, integerOrNull(record, f, 32)])) as Record<
    (typeof INT4_FIELDS)[number],
    number | null
  >;
  const int8 = Object.fromEntries(INT8_FIELDS.map((f) => [f, integerOrNull(record, f, 64)])) as Record<
    (typeof INT8_FIELDS)[number],
    number | null
  >;
  const createdAt = timestamp(record, 'created_at', nowIso);
  return {
    userId,
    draft: {
      time,
      ...strings,
      ...int4,
      ...int8,
      is_write: isWrite,
      dependencies: deps as string[],
      source_type: sourceType as SourceType,
      created_at: createdAt,
      updated_at: timestamp(record, 'updated_at', createdAt),
      deleted_at: null,
    },
  };
}

/** A whole line: JSON first, then the record rules. */
export function recordFromLine(line: string, nowIso: string): HeartbeatRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new RecordError('not valid JSON');
  }
  return recordFrom(value, nowIso);
}
