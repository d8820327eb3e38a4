/**
 * The mock under fire, over a real socket: each hostile body gets its exact status and error shape
 * (and the answer validates against the spec), odd text is stored with NULs removed, slow and
 * half-open clients are dropped without leaking. Floods of parallel requests are `npm run soak`'s:
 * their outcome depends on the machine's load, so they are measured there, not asserted here.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMock, type RunningMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import { ACCEPT_JSON, basic, DEMO_KEY, NOW, SEED } from '../helpers/mock.js';

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

// The body tests get the default socket timeouts: a large upload on a busy machine must never be cut
// short by a timeout meant for idle clients. The slow-client tests below start their own mock.
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0, seed: SEED, now: NOW });
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
    headers: { ...basic(DEMO_KEY), ...ACCEPT_JSON, ...headers },
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

/**
 * A raw client that connects to `url`, writes `text` and then nothing more: resolves when the server
 * closes the connection. It waits for the server's decision, however long the machine takes (the
 * test's own timeout is the only limit), so a busy machine cannot fail it.
 */
function closedByServer(url: string, text: string): Promise<void> {
  return new Promise((resolve) => {
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1', () => {
      if (text !== '') socket.write(text);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => undefined);
    socket.resume();
  });
}

describe('slow and half-open clients', () => {
  // Short socket timeouts, so that the server's decision comes soon; nothing else is sent to this mock.
  let slow: RunningMock;
  beforeAll(async () => {
    slow = await startMock({ port: 0, seed: SEED, now: NOW, users: 9, days: 2, timeouts: { headers: 300, request: 600, keepAlive: 300 } });
  });
  afterAll(async () => slow?.close());

  it('drops a client that stops half way through its body', async () => {
    const head = `POST ${SINGLE} HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(DEMO_KEY).Authorization}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{"entity":`;
    await closedByServer(slow.url, head);
  });

  it('drops 50 idle connections (open, nothing sent) and keeps answering', async () => {
    await Promise.all(Array.from({ length: 50 }, () => closedByServer(slow.url, '')));
    expect((await fetch(`${slow.url}/api/v1/banned_users/counts`)).status).toBe(200);
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
