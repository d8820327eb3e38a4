/**
 * POST /api/hackatime/v1/users/{id}/heartbeats and …/heartbeats.bulk: statuses, bodies and every
 * per-item error string of the reference, the body shapes the controller reads, bulk limits, auth,
 * de-duplication, and that what is accepted is visible to the next read.
 */
import { expect, it } from 'vitest';
import { lagSeconds } from '../helpers/heartbeats.js';
import { basic, bearer, DEMO_KEY, describeBoth, type MockTarget, NOW, READ_TOKEN } from '../helpers/mock.js';
import { type HeartbeatJson, rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { responseSchema, validator } from '../helpers/spec.js';
import { mockStats, wakatimeCliParseProblems } from './heartbeats-support.js';

const SINGLE = '/api/hackatime/v1/users/current/heartbeats';
const BULK = '/api/hackatime/v1/users/current/heartbeats.bulk';
const UA = 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0';
const INVALID_TIME = 'HeartbeatIngest::InvalidHeartbeatTime';
const ERR_EPOCH = 'time must be a Unix epoch timestamp';
const ERR_RANGE = 'time must be Unix epoch seconds between 1000000000 and 1999999999';
const ERR_DATE = 'time must be a Unix epoch timestamp or parseable date';
const NO_DATA = { error: 'No data provided...' };
const ERROR_PAGE = { error: 'Bad Request', message: 'The server cannot process your request due to invalid syntax.', status: 400 };

/** Distinct times, so that no two tests' heartbeats are duplicates of each other. */
let clock = NOW / 1000 - 3 * 3600;
const nextTime = () => (clock += 7.25);

interface Sent {
  status: number;
  body: unknown;
}

async function post(t: MockTarget, path: string, body: string | undefined, headers: Record<string, string> = {}): Promise<Sent> {
  const res = await t.fetch(path, {
    method: 'POST',
    headers: { ...basic(DEMO_KEY), 'User-Agent': UA, ...headers },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}
const postJson = (t: MockTarget, path: string, value: unknown, headers: Record<string, string> = {}) =>
  post(t, path, JSON.stringify(value), { 'Content-Type': 'application/json', ...headers });

/** Every response must fit the spec's schema of its status. */
function expectValid(operationId: string, sent: Sent): void {
  const check = validator.validate(responseSchema(operationId, String(sent.status)), sent.body);
  expect(check.ok ? [] : check.issues).toEqual([]);
}

const pairs = (sent: Sent) => (sent.body as { responses: [Record<string, unknown>, number][] }).responses;

describeBoth('POST /api/hackatime/v1/users/{id}/heartbeats', (t) => {
  it('answers 202 with the full stored row, normalised from the request', async () => {
    const time = nextTime();
    const sent = await postJson(
      t,
      SINGLE,
      [
        {
          entity: '/home/orpheus/hackatime/app/models/user.rb',
          type: 'file',
          time,
          project: 'hackatime',
          branch: 'main',
          language: 'Ruby',
          is_write: true,
          lineno: 42,
          cursorpos: 12,
          lines: 350,
          dependencies: ['rails'],
          machine: 'body-machine',
          user_agent: UA,
        },
      ],
      {
        'X-Machine-Name': 'orpheus-laptop',
        'CF-Connecting-IP': '203.0.113.10',
      },
    );
    expect(sent.status).toBe(202);
    expectValid('postHeartbeat', sent);
    const demo = await userWithRole(t, 'demo');
    expect(sent.body).toMatchObject({
      user_id: demo.id,
      time,
      category: 'coding',
      editor: 'vscode',
      operating_system: 'linux',
      machine: 'orpheus-laptop',
      ip_address: '203.0.113.10',
      source_type: 'direct_entry',
      created_at: new Date(NOW).toISOString(),
      updated_at: new Date(NOW).toISOString(),
      deleted_at: null,
      dependencies: ['rails'],
    });
    expect(Object.keys(sent.body as object)).toHaveLength(36);
    const stored = await rawHeartbeats(t, demo.username, time, time);
    expect(stored).toEqual([sent.body]);
  });

  it('answers a duplicate with the row already stored (same id), 202 again, and stores nothing', async () => {
    const hb = { entity: 'src/dup.rb', type: 'file', time: nextTime(), project: 'dup' };
    const first = await postJson(t, SINGLE, hb, { 'CF-Connecting-IP': '203.0.113.10' });
    const before = await mockStats(t);
    // The IP is not part of the hash: a retry from elsewhere is still the same heartbeat.
    const again = await postJson(t, SINGLE, hb, { 'CF-Connecting-IP': '203.0.113.20' });
    const after = await mockStats(t);
    expect(again.status).toBe(202);
    expect(again.body).toEqual(first.body);
    expect(after.heartbeats.posted).toBe(before.heartbeats.posted);
    expect(after.ingest.duplicates).toBe(before.ingest.duplicates + 1);
  });

  it.each([
    ['a bare JSON object', (time: number) => ({ body: JSON.stringify({ entity: 'a.rb', time }), type: 'application/json' })],
    [
      'the hackatime wrapper',
      (time: number) => ({ body: JSON.stringify({ hackatime: { entity: 'a.rb', time } }), type: 'application/json' }),
    ],
    [
      'a JSON array (first element)',
      (time: number) => ({
        body: JSON.stringify([
          { entity: 'a.rb', time },
          { entity: 'ignored.rb', time: time + 1 },
        ]),
        type: 'application/json',
      }),
    ],
    ['a text/plain JSON object', (time: number) => ({ body: JSON.stringify({ entity: 'a.rb', time }), type: 'text/plain' })],
    [
      'a text/plain JSON array',
      (time: number) => ({ body: JSON.stringify([{ entity: 'a.rb', time }]), type: 'text/plain; charset=utf-8' }),
    ],
    ['form fields', (time: number) => ({ body: `entity=a.rb&time=${time}`, type: 'application/x-www-form-urlencoded' })],
  ])('reads one heartbeat from %s', async (_what, make) => {
    const time = nextTime();
    const { body, type } = make(time);
    const sent = await post(t, SINGLE, body, { 'Content-Type': type });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ entity: 'a.rb', time, language: 'Ruby' });
    const demo = await userWithRole(t, 'demo');
    expect((await rawHeartbeats(t, demo.username, time, time + 1)).map((r) => r.entity)).toEqual(['a.rb']);
  });

  it('reads the fields of the query string when the body has none', async () => {
    const time = nextTime();
    const sent = await post(t, `${SINGLE}?entity=query.rb&time=${time}`, undefined);
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ entity: 'query.rb', time });
  });

  it.each([
    ['no body', undefined, undefined],
    ['an empty JSON array', '[]', 'application/json'],
    ['[{}]', '[{}]', 'application/json'],
    ['an item with no accepted key', '[{"foo": 1, "id": 5}]', 'application/json'],
    ['a first item that is not an object', '["not-a-heartbeat", {"time": 1787400000}]', 'application/json'],
    ['an empty JSON object', '{}', 'application/json'],
    ['an empty hackatime wrapper', '{"hackatime": {}}', 'application/json'],
    ['a scalar text/plain body', '42', 'text/plain'],
    ['an unparseable text/plain body', 'not json', 'text/plain'],
    ['a blank text/plain body', '   ', 'text/plain'],
  ])('answers 400 No data provided... for %s', async (_what, body, type) => {
    const sent = await post(t, SINGLE, body, type === undefined ? {} : { 'Content-Type': type });
    expect(sent).toEqual({ status: 400, body: NO_DATA });
    expectValid('postHeartbeat', sent);
  });

  it('answers the error page for a malformed JSON body', async () => {
    const sent = await post(t, SINGLE, '[{"time": ', { 'Content-Type': 'application/json' });
    expect(sent).toEqual({ status: 400, body: ERROR_PAGE });
  });

  it.each([
    ['a year instead of an epoch', { time: 2026 }, ERR_RANGE, INVALID_TIME],
    ['no time', { entity: 'a.rb' }, ERR_EPOCH, INVALID_TIME],
    ['a null time', { entity: 'a.rb', time: null }, ERR_EPOCH, INVALID_TIME],
    ['a boolean time', { time: true }, ERR_EPOCH, INVALID_TIME],
    ['a numeric string with a trailing dot', { time: '1787400000.' }, ERR_EPOCH, INVALID_TIME],
    ['a string that is no date', { time: 'yesterday-ish' }, ERR_DATE, INVALID_TIME],
    ['an empty string', { time: '' }, ERR_DATE, INVALID_TIME],
    ['a date before 2001', { time: '1999-12-31T00:00:00Z' }, ERR_RANGE, INVALID_TIME],
    ['a numeric string too large for a float', { time: '9'.repeat(400) }, INVALID_TIME, INVALID_TIME],
    [
      'a date string with an hour too big for a C int',
      { time: '99999999999 pm' },
      "integer 99999999999 too big to convert to `int'",
      'RangeError',
    ],
    [
      'a project that is a number',
      { time: 1787400100, project: 42 },
      "undefined method 'gsub' for an instance of Integer",
      'NoMethodError',
    ],
    ['an entity that is a number', { time: 1787400100, entity: 7 }, 'no implicit conversion of Integer into String', 'TypeError'],
    [
      'a line number beyond 32 bits',
      { time: 1787400100, lineno: 2 ** 31 },
      '2147483648 is out of range for ActiveModel::Type::Integer with limit 4 bytes',
      'ActiveModel::RangeError',
    ],
    [
      'token counts beyond 64 bits',
      { time: 1787400100, ai_input_tokens: '9223372036854775808' },
      '9223372036854775808 is out of range for ActiveModel::Type::Integer with limit 8 bytes',
      'ActiveModel::RangeError',
    ],
  ])('answers 422 for %s, with the exact message and type', async (_what, hb, error, type) => {
    const before = await mockStats(t);
    const sent = await postJson(t, SINGLE, hb);
    expect(sent).toEqual({ status: 422, body: { error, type } });
    expectValid('postHeartbeat', sent);
    expect((await mockStats(t)).heartbeats.posted).toBe(before.heartbeats.posted);
  });

  it('answers a huge JSON number with the bare class name too', async () => {
    const sent = await post(t, SINGLE, '{"time": 1e400}', { 'Content-Type': 'application/json' });
    expect(sent).toEqual({ status: 422, body: { error: INVALID_TIME, type: INVALID_TIME } });
  });

  it('accepts the key as Bearer, Basic base64(key) and ?api_key, and nothing else', async () => {
    const hb = () => JSON.stringify({ entity: 'auth.rb', time: nextTime() });
    const json = { 'Content-Type': 'application/json' };
    expect((await t.fetch(SINGLE, { method: 'POST', headers: { ...bearer(DEMO_KEY), ...json }, body: hb() })).status).toBe(202);
    expect((await t.fetch(SINGLE, { method: 'POST', headers: { ...basic(DEMO_KEY), ...json }, body: hb() })).status).toBe(202);
    expect((await t.fetch(`${SINGLE}?api_key=${DEMO_KEY}`, { method: 'POST', headers: json, body: hb() })).status).toBe(202);
    for (const headers of [{}, bearer(READ_TOKEN), basic(`${DEMO_KEY}:`), bearer('00000000-0000-4000-8000-000000000000')]) {
      const res = await t.fetch(SINGLE, { method: 'POST', headers: { ...headers, ...json }, body: hb() });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'Unauthorized' });
    }
  });

  it('answers 403 to an account pending deletion (before reading the body) and accepts a banned one', async () => {
    const leaving = await userWithRole(t, 'pendingDeletion');
    for (const path of [SINGLE, BULK]) {
      const res = await t.fetch(path, {
        method: 'POST',
        headers: { ...basic(leaving.api_keys[0]!), 'Content-Type': 'application/json' },
        body: '[{"time": ',
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ error: 'Account pending deletion' });
    }
    const banned = await userWithRole(t, 'banned');
    const res = await t.fetch(SINGLE, {
      method: 'POST',
      headers: { ...basic(banned.api_keys[0]!), 'Content-Type': 'application/json' },
      body: JSON.stringify({ entity: 'a.rb', time: nextTime() }),
    });
    expect(res.status).toBe(202);
    expect(((await res.json()) as HeartbeatJson).user_id).toBe(banned.id);
  });

  it('makes an accepted heartbeat visible to the next read: status bar and currently_hacking', async () => {
    const demo = await userWithRole(t, 'demo');
    const quiet = (
      (await t.fetch('/__mock/credentials').then((r) => r.json())) as {
        users: { id: number; username: string; roles: string[]; api_keys: string[]; pending_deletion: boolean; display_name: string }[];
      }
    ).users.find(
      // An admin level is no role that changes a user's own answers.
      (u) => u.roles.every((r) => ['viewer', 'superadmin', 'ultraadmin'].includes(r)) && !u.pending_deletion && u.api_keys.length > 0,
    )!;
    const hacking = async () =>
      (await (await t.fetch('/api/v1/currently_hacking')).json()) as { count: number; users: { display_name: string }[] };
    const status = async () =>
      (
        (await (await t.fetch('/api/hackatime/v1/users/current/statusbar/today', { headers: bearer(DEMO_KEY) })).json()) as {
          data: { grand_total: { total_seconds: number } };
        }
      ).data.grand_total.total_seconds;

    const before = await hacking();
    const res = await t.fetch(SINGLE, {
      method: 'POST',
      headers: { ...bearer(quiet.api_keys[0]!), 'Content-Type': 'application/json' },
      body: JSON.stringify({ entity: 'now.rb', time: NOW / 1000 - 30, project: 'live' }),
    });
    expect(res.status).toBe(202);
    const after = await hacking();
    expect(after.count).toBe(before.count + 1);
    expect(after.users.map((u) => u.display_name)).toContain(quiet.display_name);

    // The last minute of demo's day, one heartbeat 90 s after another: the status bar grows by 90.
    const statusBefore = await status();
    const rowsBefore = await rawHeartbeats(t, demo.username);
    const at = NOW / 1000 - 1.5;
    await postJson(t, BULK, [
      { entity: 'late.rb', time: at - 90 },
      { entity: 'late.rb', time: at },
    ]);
    const rowsAfter = await rawHeartbeats(t, demo.username);
    const today = (rows: HeartbeatJson[]) => rows.filter((r) => r.time >= NOW / 1000 - 14.5 * 3600);
    expect((await status()) - statusBefore).toBe(lagSeconds(today(rowsAfter)) - lagSeconds(today(rowsBefore)));
  });
});

describeBoth('POST /api/hackatime/v1/users/{id}/heartbeats.bulk', (t) => {
  it('answers 201 with one [body, status] pair per item, in order, each failure on its own', async () => {
    const [a, b] = [nextTime(), nextTime()];
    const sent = await postJson(t, BULK, [
      { entity: 'one.ts', time: a },
      'not-a-heartbeat',
      { time: 2026 },
      {},
      [1, 2],
      { time: 'garbage' },
      { time: '9'.repeat(400) },
      { entity: 'two.ts', time: b },
    ]);
    expect(sent.status).toBe(201);
    expectValid('postHeartbeatsBulk', sent);
    expect(wakatimeCliParseProblems(sent.body)).toEqual([]);
    const out = pairs(sent);
    expect(out.map(([, status]) => status)).toEqual([201, 422, 422, 422, 422, 422, 422, 201]);
    expect(out.slice(1, 7).map(([body]) => body)).toEqual([
      { error: ERR_EPOCH, type: INVALID_TIME },
      { error: ERR_RANGE, type: INVALID_TIME },
      { error: ERR_EPOCH, type: INVALID_TIME },
      { error: ERR_EPOCH, type: INVALID_TIME },
      { error: ERR_DATE, type: INVALID_TIME },
      { error: INVALID_TIME, type: INVALID_TIME },
    ]);
    expect(out[0]![0]).toMatchObject({ entity: 'one.ts', time: a, language: 'TypeScript' });
    expect(out[7]![0]).toMatchObject({ entity: 'two.ts', time: b });
  });

  it('drops JSON nulls inside the array, as Rails does, but a text/plain null is an item', async () => {
    const json = await postJson(t, BULK, [{ entity: 'n.ts', time: nextTime() }, null]);
    expect(pairs(json).map(([, s]) => s)).toEqual([201]);
    const text = await post(t, BULK, JSON.stringify([{ entity: 'n.ts', time: nextTime() }, null]), { 'Content-Type': 'text/plain' });
    expect(pairs(text).map(([, s]) => s)).toEqual([201, 422]);
    expect(pairs(text)[1]![0]).toEqual({ error: ERR_EPOCH, type: INVALID_TIME });
  });

  it('rescales ms, µs and ns epochs and reads numeric strings and dates', async () => {
    const base = Math.floor(nextTime()) + 0.5;
    const sent = await postJson(t, BULK, [
      { entity: 's.ts', time: base },
      { entity: 'ms.ts', time: (base + 1) * 1e3 },
      { entity: 'us.ts', time: (base + 2) * 1e6 },
      { entity: 'ns.ts', time: String((base + 3) * 1e9) },
      { entity: 'str.ts', time: ` ${base + 4} ` },
      { entity: 'iso.ts', time: new Date((base + 5.5) * 1000).toISOString() },
      { entity: 'rfc.ts', time: 'Sat, 22 Aug 2026 14:00:00 -0400' },
    ]);
    expect(pairs(sent).map(([row]) => row['time'])).toEqual([
      base,
      base + 1,
      base + 2,
      base + 3,
      base + 4,
      base + 5.5,
      Date.parse('2026-08-22T18:00:00Z') / 1000,
    ]);
  });

  it('fails every valid item with the database error when one integer is out of range, and stores nothing', async () => {
    const before = await mockStats(t);
    const sent = await postJson(t, BULK, [
      { entity: 'ok.ts', time: nextTime() },
      { time: 2026 },
      { entity: 'big.ts', time: nextTime(), lines: -(2 ** 31) - 1 },
    ]);
    expect(sent.status).toBe(201);
    const dbError = {
      error: '-2147483649 is out of range for ActiveModel::Type::Integer with limit 4 bytes',
      type: 'ActiveModel::RangeError',
    };
    expect(pairs(sent)).toEqual([
      [dbError, 422],
      [{ error: ERR_RANGE, type: INVALID_TIME }, 422],
      [dbError, 422],
    ]);
    expect((await mockStats(t)).heartbeats.posted).toBe(before.heartbeats.posted);
  });

  it('stores a heartbeat repeated within one request once and answers both with that row', async () => {
    const hb = { entity: 'twice.ts', time: nextTime() };
    const before = await mockStats(t);
    const sent = await postJson(t, BULK, [hb, hb]);
    const [[first], [second]] = pairs(sent) as [[HeartbeatJson, number], [HeartbeatJson, number]];
    expect(second).toEqual(first);
    expect((await mockStats(t)).heartbeats.posted).toBe(before.heartbeats.posted + 1);
  });

  it('accepts up to 100 heartbeats and refuses 101', async () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => ({ entity: `f${i}.ts`, time: nextTime() }));
    const hundred = await postJson(t, BULK, items(100));
    expect(hundred.status).toBe(201);
    expect(pairs(hundred)).toHaveLength(100);
    expectValid('postHeartbeatsBulk', hundred);
    const before = await mockStats(t);
    const tooMany = await postJson(t, BULK, items(101));
    expect(tooMany).toEqual({ status: 400, body: { error: 'Too many heartbeats in a single request (max 100)' } });
    expectValid('postHeartbeatsBulk', tooMany);
    expect((await mockStats(t)).heartbeats.posted).toBe(before.heartbeats.posted);
  });

  it.each([
    ['a top-level array', (hb: object) => ({ body: JSON.stringify([hb]), type: 'application/json' })],
    ['{"heartbeats": [...]}', (hb: object) => ({ body: JSON.stringify({ heartbeats: [hb] }), type: 'application/json' })],
    [
      '{"hackatime": {"heartbeats": [...]}}',
      (hb: object) => ({ body: JSON.stringify({ hackatime: { heartbeats: [hb] } }), type: 'application/json' }),
    ],
    ['a text/plain array', (hb: object) => ({ body: JSON.stringify([hb]), type: 'text/plain' })],
  ])('reads the heartbeats of %s', async (_what, make) => {
    const hb = { entity: 'shape.ts', time: nextTime() };
    const { body, type } = make(hb);
    const sent = await post(t, BULK, body, { 'Content-Type': type });
    expect(sent.status).toBe(201);
    expect(pairs(sent)[0]![0]).toMatchObject(hb);
  });

  it.each([
    ['an empty array', '[]', 'application/json', NO_DATA],
    ['an empty heartbeats key', '{"heartbeats": []}', 'application/json', NO_DATA],
    ['heartbeats that are not an array', '{"heartbeats": "x"}', 'application/json', NO_DATA],
    ['a text/plain object', '{"entity": "a.rb", "time": 1787400000}', 'text/plain', NO_DATA],
    ['unparseable text/plain', 'nope', 'text/plain', NO_DATA],
    ['an empty JSON object', '{}', 'application/json', ERROR_PAGE],
    ['a JSON request without a body', undefined, 'application/json', ERROR_PAGE],
    ['a form', 'entity=a.rb&time=1787400000', 'application/x-www-form-urlencoded', ERROR_PAGE],
    ['malformed JSON', '[{', 'application/json', ERROR_PAGE],
  ])('answers 400 for %s', async (_what, body, type, expected) => {
    const sent = await post(t, BULK, body, { 'Content-Type': type });
    expect(sent).toEqual({ status: 400, body: expected });
    expectValid('postHeartbeatsBulk', sent);
  });
});
