/**
 * @module
 * One posted heartbeat → the row the real server would store (`HeartbeatIngest`, direct mode), in its
 * order: NUL bytes removed, `time` read and rescaled, `test.txt` marked as a test entry, the project
 * cleaned, placeholders resolved, the language inferred, the category defaulted, the user agent chosen
 * and parsed for editor/OS/AI model, machine and IP taken from the request, then every attribute cast
 * to its column type. A `created_at` in the body is ignored: the row is stamped with the request time.
 */
import type { World } from '../../world/store.js';
import type { HeartbeatDraft } from '../../world/types.js';
import { castBoolean, castInteger, castString, castStringArray, rangeFailure } from './cast.js';
import type { PermittedHeartbeat } from './heartbeat-body.js';
import { normaliseTime } from './heartbeat-time.js';
import { type IngestFailure, noMethodError } from './ingest-error.js';
import { fillMissingLanguage } from './language.js';
import { type PlaceholderState, rememberPlaceholders, resolvePlaceholders } from './placeholders.js';
import { parseUserAgent } from './user-agent.js';

/** What the request itself contributes to every heartbeat it carries. */
export interface IngestRequest {
  nowMs: number;
  /** `CF-Connecting-IP`, else the client address — already cast to an `inet` (null when invalid). */
  ipAddress: string | null;
  /** The `X-Machine-Name` header. */
  machine: string | undefined;
  /** The `User-Agent` header. */
  userAgent: string | undefined;
  ja4Id: number | null;
}

export interface NormalisedHeartbeat {
  draft: HeartbeatDraft;
  /** An integer outside its column: the insert of the whole request fails with it. */
  rangeFailure: IngestFailure | undefined;
}

type Attrs = Record<string, unknown>;

/** Ruby's `present?` for scalars. */
const present = (v: unknown): boolean => v !== null && v !== undefined && v !== false && !(typeof v === 'string' && v.trim() === '');
const presence = (v: unknown): unknown => (present(v) ? v : undefined);

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('\0') ? value.replace(/\0/g, '') : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

/** `[[:cntrl:]]` in Ruby's Unicode regexps: control, format, unassigned, private-use and surrogate code points. */
const CONTROL = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Cs}]/gu;
const RUBY_STRIP = /^[ \t\n\v\f\r\0]+|[ \t\n\v\f\r\0]+$/g;

/** `project&.gsub(/[[:cntrl:]]/, "")&.strip`: a non-string project fails as Ruby would. */
function sanitiseProject(project: unknown): unknown {
  if (project === null || project === undefined) return project;
  if (typeof project !== 'string') throw noMethodError('gsub', project);
  return project.replace(CONTROL, '').replace(RUBY_STRIP, '');
}

function defaultCategory(category: unknown, type: unknown): unknown {
  if (present(category)) return category;
  return type === 'domain' || type === 'url' ? 'browsing' : 'coding';
}

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
] as const;
const INT8_FIELDS = ['ai_input_tokens', 'ai_output_tokens'] as const;
type IntField = (typeof INT4_FIELDS)[number] | (typeof INT8_FIELDS)[number];

/** The integer columns, cast; the first value outside its column's range is the insert's failure. */
function integers(attrs: Attrs): { values: Record<IntField, number | null>; failure: IngestFailure | undefined } {
  const values = {} as Record<IntField, number | null>;
  let failure: IngestFailure | undefined;
  const take = (field: IntField, limit: 4 | 8) => {
    const value = castInteger(attrs[field]);
    failure ??= rangeFailure(value, limit);
    values[field] = value === null ? null : Number(value);
  };
  for (const field of INT4_FIELDS) take(field, 4);
  for (const field of INT8_FIELDS) take(field, 8);
  return { values, failure };
}

/**
 * The row to store for `item` (an item that was not an object counts as `{}`), or an IngestFailure
 * with the real server's message. Updates `state` for the placeholders of later items.
 */
export function normaliseHeartbeat(
  item: PermittedHeartbeat | undefined,
  req: IngestRequest,
  state: PlaceholderState,
  world: World,
  userId: number,
): NormalisedHeartbeat {
  const attrs: Attrs = {};
  for (const [key, value] of Object.entries(item ?? {})) attrs[key] = withoutNul(value);

  const time = normaliseTime(attrs['time'], req.nowMs);
  const sourceType = attrs['entity'] === 'test.txt' ? 'test_entry' : 'direct_entry';
  attrs['project'] = sanitiseProject(attrs['project']);
  resolvePlaceholders(attrs as { project: unknown; language: unknown; branch: unknown }, state, world, userId);
  attrs['language'] = fillMissingLanguage(attrs['language'], attrs['entity']);
  attrs['category'] = defaultCategory(attrs['category'], attrs['type']);
  const userAgent = presence(attrs['user_agent']) ?? presence(attrs['plugin']) ?? presence(req.userAgent) ?? null;
  const parsed = parseUserAgent(userAgent, attrs['category']);

  const ints = integers(attrs);
  const stamp = new Date(req.nowMs).toISOString();
  const draft: HeartbeatDraft = {
    time,
    entity: castString(attrs['entity']),
    type: castString(attrs['type']),
    category: castString(attrs['category']),
    project: castString(attrs['project']),
    branch: castString(attrs['branch']),
    language: castString(attrs['language']),
    editor: castString(parsed.editor || presence(attrs['editor'])),
    operating_system: castString(parsed.os || presence(attrs['operating_system'])),
    machine: castString(presence(req.machine) ?? presence(attrs['machine'])),
    user_agent: castString(userAgent),
    is_write: castBoolean(attrs['is_write']),
    lineno: ints.values.lineno,
    lines: ints.values.lines,
    cursorpos: ints.values.cursorpos,
    line_additions: ints.values.line_additions,
    line_deletions: ints.values.line_deletions,
    project_root_count: ints.values.project_root_count,
    dependencies: castStringArray(attrs['dependencies']),
    ai_model: castString(presence(attrs['ai_model']) ?? parsed.aiModel),
    ai_session: castString(attrs['ai_session']),
    ai_subscription_plan: castString(attrs['ai_subscription_plan']),
    ai_input_tokens: ints.values.ai_input_tokens,
    ai_output_tokens: ints.values.ai_output_tokens,
    ai_prompt_length: ints.values.ai_prompt_length,
    ai_line_changes: ints.values.ai_line_changes,
    human_line_changes: ints.values.human_line_changes,
    source_type: sourceType,
    ip_address: req.ipAddress,
    ja4_id: req.ja4Id,
    created_at: stamp,
    updated_at: stamp,
    deleted_at: null,
  };
  rememberPlaceholders(draft, state);
  return { draft, rangeFailure: ints.failure };
}
