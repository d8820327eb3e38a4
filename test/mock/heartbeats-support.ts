/**
 * Shared by the heartbeat and persistence tests: the mock's ingest counters (`/__mock/stats`), the
 * summaries' LEAD rule written again independently of the mock, the recorded wakatime-cli session,
 * a raw HTTP/1.1 client that puts a request on the wire byte for byte, and the JSON types
 * wakatime-cli's Go structs accept. (Builders, the 2-minute rule and the admin API's users and rows
 * are in ../helpers/.)
 */
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Heartbeat } from '../../src/world/types.js';
import { pgRound } from '../helpers/heartbeats.js';
import type { MockTarget } from '../helpers/mock.js';

export interface MockStats {
  heartbeats: { generated: number; posted: number; total: number; estimated: boolean };
  ingest: { requests: number; received: number; created: number; duplicates: number; rejected: number };
  users: { user_id: number; username: string | null; posted: number }[];
}

export async function mockStats(t: MockTarget): Promise<MockStats> {
  return (await (await t.fetch('/__mock/stats')).json()) as MockStats;
}

// --- the summaries' rule, independently ---------------------------------------------------

/**
 * LEAD within one local day (the summaries): a heartbeat owns the gap to the next one, at most 120 s,
 * summed per (project, AI model) and cast per group; rows must all be of that day.
 */
export function leadSecondsOfDay(rows: readonly Heartbeat[]): { total: number; byProject: Map<string, number> } {
  const sorted = [...rows].sort((a, b) => a.time - b.time || a.id - b.id);
  const sums = new Map<string, number>();
  sorted.forEach((r, i) => {
    const next = sorted[i + 1];
    const owned = next === undefined ? 0 : Math.min(next.time - r.time, 120);
    const key = JSON.stringify([r.project, r.ai_model]);
    sums.set(key, (sums.get(key) ?? 0) + owned);
  });
  const byProject = new Map<string, number>();
  let total = 0;
  for (const [key, sum] of sums) {
    const [project] = JSON.parse(key) as [string | null];
    const name = project === null || project.trim() === '' ? 'Other' : project;
    byProject.set(name, (byProject.get(name) ?? 0) + pgRound(sum));
    total += pgRound(sum);
  }
  return { total, byProject };
}

// --- the recorded wakatime-cli session ---------------------------------------------------------

const SESSION_DIR = fileURLToPath(new URL('../../fixtures/wakatime-cli/', import.meta.url));

export interface RecordedRequest {
  method: string;
  target: string;
  headers: [string, string][];
  body: string | null;
  expect: { status: number; items?: number };
}

export interface RecordedSession {
  apiKey: string;
  requests: RecordedRequest[];
}

export function loadSession(): RecordedSession & { bodies: (Buffer | null)[] } {
  const session = JSON.parse(readFileSync(`${SESSION_DIR}session.json`, 'utf8')) as RecordedSession;
  return { ...session, bodies: session.requests.map((r) => (r.body === null ? null : readFileSync(`${SESSION_DIR}${r.body}`))) };
}

/** The heartbeats the session sends, in order (a re-sent one included). */
export function sessionHeartbeats(): Record<string, unknown>[] {
  return loadSession().bodies.flatMap((b) => (b === null ? [] : (JSON.parse(b.toString('utf8')) as Record<string, unknown>[])));
}

export interface RawResponse {
  status: number;
  headers: Map<string, string>;
  body: string;
}

/** Decodes a chunked body. */
function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!size) return Buffer.concat(parts);
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
}

/**
 * Sends `bytes` as they are over a fresh TCP connection and reads one response (the request should
 * carry `Connection: close` semantics: the server's response is read until its length is complete).
 */
export function rawRequest(url: string, bytes: Buffer, timeoutMs = 10_000): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('raw request timed out'));
    }, timeoutMs);
    const tryParse = () => {
      const data = Buffer.concat(chunks);
      const end = data.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [statusLine, ...lines] = data.subarray(0, end).toString('latin1').split('\r\n');
      const headers = new Map(lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
      const rest = data.subarray(end + 4);
      let body: Buffer | undefined;
      if (headers.has('content-length')) {
        const length = Number(headers.get('content-length'));
        if (rest.length >= length) body = rest.subarray(0, length);
      } else if (headers.get('transfer-encoding') === 'chunked') {
        if (rest.includes('\r\n0\r\n\r\n') || rest.subarray(0, 5).toString() === '0\r\n\r\n') body = unchunk(rest);
      }
      if (body === undefined) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: body.toString('utf8') });
    };
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      tryParse();
    });
    socket.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on('connect', () => socket.write(bytes));
  });
}

/** A recorded request as bytes for the server at `url` (only `{host}` is filled in). */
export function wireBytes(req: RecordedRequest, body: Buffer | null, url: string): Buffer {
  const host = new URL(url).host;
  const head = [`${req.method} ${req.target} HTTP/1.1`, ...req.headers.map(([k, v]) => `${k}: ${v.replace('{host}', host)}`), '', ''].join(
    '\r\n',
  );
  return Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]);
}

// --- what wakatime-cli's Go structs accept ----------------------------------------------------

/** A Go field type as encoding/json decodes it: null and absent keys are accepted everywhere (zero value). */
export type GoType = 'string' | 'int' | 'float64' | 'bool' | 'any' | { slice: GoType } | { struct: Record<string, GoType> };

/** Why `json.Unmarshal` into `type` would fail, as paths; empty when it would succeed. */
export function goDecodeProblems(value: unknown, type: GoType, path = '$'): string[] {
  if (value === null || value === undefined || type === 'any') return [];
  if (type === 'string') return typeof value === 'string' ? [] : [`${path}: ${JSON.stringify(value)} is not a string`];
  if (type === 'bool') return typeof value === 'boolean' ? [] : [`${path}: ${JSON.stringify(value)} is not a bool`];
  if (type === 'float64') return typeof value === 'number' ? [] : [`${path}: ${JSON.stringify(value)} is not a number`];
  if (type === 'int')
    return typeof value === 'number' && Number.isSafeInteger(value) ? [] : [`${path}: ${JSON.stringify(value)} is not an integer`];
  if ('slice' in type) {
    if (!Array.isArray(value)) return [`${path}: not an array`];
    return value.flatMap((v, i) => goDecodeProblems(v, type.slice, `${path}[${i}]`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: not an object`];
  return Object.entries(type.struct).flatMap(([key, t]) => goDecodeProblems((value as Record<string, unknown>)[key], t, `${path}.${key}`));
}

/** `heartbeat.Heartbeat` of wakatime-cli (the JSON fields of its newest struct and of the older one). */
export const GO_HEARTBEAT: GoType = {
  struct: {
    ai_line_changes: 'int',
    ai_session: 'string',
    ai_subscription_plan: 'string',
    ai_input_tokens: 'int',
    ai_output_tokens: 'int',
    ai_prompt_length: 'int',
    branch: 'string',
    category: 'string',
    cursorpos: 'int',
    dependencies: { slice: 'string' },
    entity: 'string',
    type: 'string',
    human_line_changes: 'int',
    is_write: 'bool',
    language: 'string',
    line_additions: 'int',
    line_deletions: 'int',
    lineno: 'int',
    lines: 'int',
    project: 'string',
    project_root_count: 'int',
    time: 'float64',
    user_agent: 'string',
  },
};

const COUNTER: GoType = {
  struct: {
    decimal: 'string',
    digital: 'string',
    hours: 'int',
    minutes: 'int',
    name: 'string',
    percent: 'float64',
    seconds: 'int',
    text: 'string',
    total_seconds: 'float64',
  },
};

/** `summary.Summary`, what `wakatime-cli --today` decodes the status bar into. */
export const GO_STATUSBAR: GoType = {
  struct: {
    cached_at: 'string',
    has_team_features: 'bool',
    data: {
      struct: {
        categories: { slice: COUNTER },
        dependencies: { slice: COUNTER },
        editors: { slice: COUNTER },
        languages: { slice: COUNTER },
        machines: { slice: COUNTER },
        operating_systems: { slice: COUNTER },
        projects: { slice: COUNTER },
        grand_total: {
          struct: { decimal: 'string', digital: 'string', hours: 'int', minutes: 'int', text: 'string', total_seconds: 'float64' },
        },
        range: { struct: { date: 'string', end: 'string', start: 'string', text: 'string', timezone: 'string' } },
      },
    },
  },
};

/**
 * `api.ParseHeartbeatResponses`: `{"responses": [[body, status], …]}`; the status must be an int; an
 * error status needs a non-empty `error` string (or an `errors` map); a success body is decoded as
 * `{"data": heartbeat.Heartbeat}`.
 */
export function wakatimeCliParseProblems(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !Array.isArray((body as { responses?: unknown }).responses))
    return ['$.responses: not an array'];
  return (body as { responses: unknown[] }).responses.flatMap((pair, i) => {
    const at = `$.responses[${i}]`;
    if (!Array.isArray(pair) || pair.length < 2) return [`${at}: not a [body, status] pair`];
    const [item, status] = pair as [unknown, unknown];
    if (typeof status !== 'number' || !Number.isSafeInteger(status)) return [`${at}[1]: status is not an int`];
    if (status >= 400) {
      const error = (item as { error?: unknown } | null)?.error;
      return typeof error === 'string' && error !== '' ? [] : [`${at}[0]: no error message`];
    }
    return goDecodeProblems(item, { struct: { data: GO_HEARTBEAT } }, `${at}[0]`);
  });
}
