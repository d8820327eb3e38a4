/**
 * The mock under fire, over a real socket: each hostile body gets its exact status and error shape
 * (and the answer validates against the spec), odd text is stored with NULs removed, slow and
 * half-open clients are dropped without leaking, and a flood of parallel requests is answered in
 * full — every heartbeat acknowledged is counted.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import { basic, DEMO_KEY, NOW, SEED } from '../helpers/mock.js';

const spec = loadSpec();
const validator = validatorFor(spec.document);
const SINGLE = '/api/hackatime/v1/users/current/heartbeats';
const BULK = '/api/hackatime/v1/users/current/heartbeats.bulk';
const LIMIT = 1024 * 1024;

const BAD_REQUEST = { error: 'Bad Request', message: 'The server cannot process your request due to invalid syntax.', status: 400 };
const TOO_LARGE = { error: 'Payload Too Large', message: 'The request body is larger than the server is willing to process.', status: 413 };
const NO_DATA = { error: 'No data provided...' };

/** Heartbeats of these tests: test entries on 2020-01-01, each at its own second. */
let second = 1_577_836_800;
const heartbeat = (extra: Record<string, unknown> = {}) => ({
  entity: 'test.txt',
  type: 'file',
  time: ++second,
  project: 'hostile',
  ...extra,
});

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, seed: SEED, now: NOW, timeouts: { headers: 500, request: 1_500, keepAlive: 1_000 } });
});
afterAll(async () => mock?.close());

interface Answer {
  status: number;
  body: unknown;
  contentType: string | null;
}

async function post(path: string, body: RequestInit['body'], headers: Record<string, string>, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(`${mock.url}${path}`, {
    method: 'POST',
    headers: { ...basic(DEMO_KEY), ...headers },
    ...(body === undefined ? {} : { body }),
    ...init,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text === '' ? undefined : (JSON.parse(text) as unknown),
    contentType: res.headers.get('content-type'),
  };
}

/** The answer fits the schema the spec documents for its status. */
function expectDocumented(operationId: string, answer: Answer): void {
  const response = spec.byOperationId.get(operationId)!.responses.find((r) => r.status === String(answer.status));
  expect(response, `${operationId} documents ${answer.status}`).toBeDefined();
  const media = response!.content.find((m) => m.mediaType === 'application/json')!;
  expect(answer.contentType).toMatch(/^application\/json/);
  const check = validator.validate(media.schemaPointer!, answer.body);
  expect(check.ok ? [] : check.issues).toEqual([]);
}

describe('hostile bodies', () => {
  it('a body over 1 MiB with its Content-Length gets 413 in the error-page shape, unread', async () => {
    const answer = await post(SINGLE, `{"entity":"test.txt","padding":"${'x'.repeat(LIMIT)}"}`, { 'Content-Type': 'application/json' });
    expect(answer).toMatchObject({ status: 413, body: TOO_LARGE });
    expectDocumented('postHeartbeat', answer);
  });

  it('a chunked body (no Content-Length) gets the same 413 once it passes 1 MiB', async () => {
    let sent = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Far more than the limit: the server must stop reading, not buffer it all.
        if (sent >= 8 * LIMIT) controller.close();
        else {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        }
      },
    });
    const answer = await post(BULK, stream, { 'Content-Type': 'application/json' }, { duplex: 'half' } as RequestInit);
    expect(answer).toMatchObject({ status: 413, body: TOO_LARGE });
    expectDocumented('postHeartbeatsBulk', answer);
  });

  it('malformed JSON gets the real server\u2019s 400 error page', async () => {
    for (const text of ['{"entity": "test.txt",', "{'a': 1}", '[1,]', 'nul']) {
      const answer = await post(SINGLE, text, { 'Content-Type': 'application/json' });
      expect(answer, text).toMatchObject({ status: 400, body: BAD_REQUEST });
      expectDocumented('postHeartbeat', answer);
    }
  });

  it('JSON under a content type the endpoint does not take is not read as JSON: 400', async () => {
    const json = JSON.stringify([heartbeat()]);
    const single = await post(SINGLE, json, { 'Content-Type': 'application/xml' });
    expect(single).toMatchObject({ status: 400, body: NO_DATA });
    expectDocumented('postHeartbeat', single);
    // The bulk endpoint requires the `hackatime` JSON parameter: without JSON, the error page.
    const bulk = await post(BULK, json, { 'Content-Type': 'text/csv' });
    expect(bulk).toMatchObject({ status: 400, body: BAD_REQUEST });
    expectDocumented('postHeartbeatsBulk', bulk);
  });

  it('an empty body gets 400 (single: no data; bulk: the error page)', async () => {
    const single = await post(SINGLE, '', { 'Content-Type': 'application/json' });
    expect(single).toMatchObject({ status: 400, body: NO_DATA });
    expectDocumented('postHeartbeat', single);
    const bulk = await post(BULK, undefined, {});
    expect(bulk).toMatchObject({ status: 400, body: BAD_REQUEST });
    expectDocumented('postHeartbeatsBulk', bulk);
  });

  it('JSON nested 100 000 levels deep is answered (the server survives), as Rails does: 400', async () => {
    const depth = 100_000;
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ] as const) {
      const answer = await post(SINGLE, `${open.repeat(depth)}1${close.repeat(depth)}`, { 'Content-Type': 'application/json' });
      expect(answer).toMatchObject({ status: 400, body: BAD_REQUEST });
      expectDocumented('postHeartbeat', answer);
    }
    const after = await post(SINGLE, JSON.stringify(heartbeat()), { 'Content-Type': 'application/json' });
    expect(after.status).toBe(202);
  });

  it('stores odd unicode as sent with NUL bytes removed (and the project without format characters)', async () => {
    const odd = {
      branch: 'feat/\u202Eevil\u0000',
      language: 'Ru\u0000by',
      project: 'host\u0000ile 👩\u200D💻 e\u0301 日本語',
      dependencies: ['a\u0000b', '𝕳𝖆𝖈𝖐'],
    };
    const answer = await post(SINGLE, JSON.stringify(heartbeat(odd)), { 'Content-Type': 'application/json' });
    expect(answer.status).toBe(202);
    expectDocumented('postHeartbeat', answer);
    const row = answer.body as Record<string, unknown>;
    // The project is `gsub(/[[:cntrl:]]/, "")`: Ruby's class also holds format characters (the ZWJ).
    expect(row).toMatchObject({
      branch: 'feat/\u202Eevil',
      language: 'Ruby',
      project: 'hostile 👩💻 e\u0301 日本語',
      dependencies: ['ab', '𝕳𝖆𝖈𝖐'],
    });
    const stored = (await (await fetch(`${mock.url}/__mock/users/demo/heartbeats?start=${second}&end=${second}`)).json()) as {
      heartbeats: Record<string, unknown>[];
    };
    expect(stored.heartbeats).toEqual([row]);
    expect(JSON.stringify(stored.heartbeats)).not.toContain('\\u0000');
  });
});

/** A raw client: connects, writes `text`, and resolves with whether the server closed it within `ms`. */
function closedByServer(text: string, ms: number): Promise<{ closed: boolean; socket: Socket }> {
  return new Promise((resolve) => {
    const { port } = new URL(mock.url);
    const socket = connect(Number(port), '127.0.0.1', () => {
      if (text !== '') socket.write(text);
    });
    const timer = setTimeout(() => resolve({ closed: false, socket }), ms);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ closed: true, socket });
    });
    socket.on('error', () => undefined);
    socket.resume();
  });
}

describe('slow and half-open clients', () => {
  it('drops a client that stops half way through its body', async () => {
    const head = `POST ${SINGLE} HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(DEMO_KEY).Authorization}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"entity":`;
    const { closed } = await closedByServer(head, 5_000);
    expect(closed).toBe(true);
  });

  it('drops 50 idle connections (open, nothing sent) and keeps answering', async () => {
    const results = await Promise.all(Array.from({ length: 50 }, () => closedByServer('', 5_000)));
    expect(results.every((r) => r.closed)).toBe(true);
    expect((await fetch(`${mock.url}/api/v1/banned_users/counts`)).status).toBe(200);
  });
});

describe('a flood', () => {
  it('answers 2,000 parallel reads, every one 200 with the documented body, in bounded time', async () => {
    const started = performance.now();
    // Node's fetch opens as many connections as there are requests in flight: 2,000 sockets.
    const answers = await Promise.all(
      Array.from({ length: 2_000 }, async (_, i) => {
        const path = i % 2 === 0 ? '/api/v1/users/demo/stats' : '/api/v1/leaderboard/daily';
        const res = await fetch(`${mock.url}${path}`);
        return { status: res.status, body: (await res.json()) as unknown, path };
      }),
    );
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    const stats = spec.byOperationId.get('getUserStats')!.responses.find((r) => r.status === '200')!.content[0]!.schemaPointer!;
    expect(validator.validate(stats, answers[0]!.body)).toEqual({ ok: true });
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('acknowledges 2,000 parallel heartbeat posts and counts every one', async () => {
    const before = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { heartbeats: { posted: number } };
    const statuses = await Promise.all(
      Array.from({ length: 2_000 }, async () => {
        const res = await fetch(`${mock.url}${SINGLE}`, {
          method: 'POST',
          headers: { ...basic(DEMO_KEY), 'Content-Type': 'application/json' },
          body: JSON.stringify(heartbeat()),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(statuses.filter((s) => s !== 202)).toEqual([]);
    const after = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as { heartbeats: { posted: number } };
    expect(after.heartbeats.posted - before.heartbeats.posted).toBe(2_000);
  });
});

describe('a text/plain bulk body nested deeper than Rails parses', () => {
  it('is no data at all, as `JSON.parse(raw_post) rescue nil` makes it', async () => {
    const { app } = createMock({ seed: SEED, now: NOW, users: 9, days: 2 });
    const body = `[${'['.repeat(150)}${']'.repeat(150)}]`;
    const res = await app.request('/api/hackatime/v1/users/current/heartbeats.bulk', {
      method: 'POST',
      headers: { ...basic(DEMO_KEY), 'Content-Type': 'text/plain' },
      body,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'No data provided...' });
  });
});
