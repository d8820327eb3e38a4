/**
 * Floats are floats: the real server writes JSON with Oj in Rails mode (`config/initializers/oj.rb`
 * of hackclub/hackatime, `Oj.optimize_rails`), which writes a whole Ruby Float as `1795180000.0`.
 * Every place the spec marks `x-float` comes out of the mock that way; everything else is byte for
 * byte what `JSON.stringify` writes.
 */
import { describe, expect, it } from 'vitest';
import { stringifyWithFloats } from '../../src/mock/float-json.js';
import { floatShape } from '../../src/spec/floats.js';
import { basic, bearer, DEMO_KEY, describeBoth, type MockTarget, NOW, READ_TOKEN } from '../helpers/mock.js';
import { rawHeartbeats, userWithRole } from '../helpers/mock-admin.js';
import { spec } from '../helpers/spec.js';

const shapeOf = (name: string) => floatShape(spec.document, `/components/schemas/${name}`);

describe('the serialiser', () => {
  it('writes whole floats with .0, other floats and integers as JSON.stringify does', () => {
    const span = { start_time: 1795180000, end_time: 1795180120.5, duration: 120 };
    expect(stringifyWithFloats(span, shapeOf('Span'))).toBe('{"start_time":1795180000.0,"end_time":1795180120.5,"duration":120}');
    expect(stringifyWithFloats({ a: [1, { b: 'x' }], c: null }, undefined)).toBe(JSON.stringify({ a: [1, { b: 'x' }], c: null }));
  });

  it('leaves out what JSON.stringify leaves out, and writes nulls and non-numbers at a float place as they are', () => {
    const item = { name: 'Ruby', percent: null, total_seconds: 5, skipped: undefined };
    expect(stringifyWithFloats(item, shapeOf('StatsItem'))).toBe('{"name":"Ruby","percent":null,"total_seconds":5}');
    expect(stringifyWithFloats([{ percent: 100 }, undefined], { items: shapeOf('StatsItem')! })).toBe('[{"percent":100.0},null]');
  });

  it('calls toJSON first, as JSON.stringify does (generated rows fill their fields_hash so)', () => {
    const row = Object.create({
      toJSON(this: { fields_hash: string }) {
        this.fields_hash = 'filled';
        return this;
      },
    }) as Record<string, unknown>;
    Object.assign(row, { time: 1795180000, fields_hash: '' });
    expect(stringifyWithFloats({ heartbeats: [row] }, shapeOf('MyHeartbeats'))).toBe(
      '{"heartbeats":[{"time":1795180000.0,"fields_hash":"filled"}]}',
    );
  });

  it('writes an array in one go around its whole floats, and item by item when a value looks like its mark', () => {
    const spans = [1.5, 2, 3.5, 4].map((t) => ({ start_time: t, end_time: t + 0.5, duration: 120 }));
    const shape = floatShape(spec.document, '/components/schemas/Span');
    expect(stringifyWithFloats(spans, { items: shape! })).toBe(
      '[{"start_time":1.5,"end_time":2.0,"duration":120},{"start_time":2.0,"end_time":2.5,"duration":120},' +
        '{"start_time":3.5,"end_time":4.0,"duration":120},{"start_time":4.0,"end_time":4.5,"duration":120}]',
    );
    const tricky = [
      { entity: '\u0000hackatime-kit-float:1', time: 1 },
      { entity: 'x', time: 2 },
    ];
    expect(stringifyWithFloats({ heartbeats: tricky }, shapeOf('MyHeartbeats'))).toBe(
      '{"heartbeats":[{"entity":"\\u0000hackatime-kit-float:1","time":1.0},{"entity":"x","time":2.0}]}',
    );
    // A value that is a mark, float text and all: written member by member, the value as it is.
    const mark = [{ entity: '\u0000hackatime-kit-float:5.0', time: 3 }];
    expect(stringifyWithFloats({ heartbeats: mark }, shapeOf('MyHeartbeats'))).toBe(
      '{"heartbeats":[{"entity":"\\u0000hackatime-kit-float:5.0","time":3.0}]}',
    );
  });

  it('writes last_7_days daily_average 0 as the Integer 0 (`: 0` branch, hackatime_controller.rb:118) and 5040 as 5040.0', () => {
    const shape = floatShape(spec.document, '/components/schemas/Last7Days');
    expect(stringifyWithFloats({ data: { daily_average: 0 } }, shape)).toBe('{"data":{"daily_average":0}}');
    expect(stringifyWithFloats({ data: { daily_average: 5040 } }, shape)).toBe('{"data":{"daily_average":5040.0}}');
  });

  it('follows tuples: the bulk answer [heartbeat, 201] has a float time, [error, 422] none', () => {
    const shape = floatShape(spec.document, '/components/schemas/HeartbeatBulkResponse');
    const body = {
      responses: [
        [{ time: 1787400000, id: 1 }, 201],
        [{ error: 'x', type: 'y' }, 422],
      ],
    };
    expect(stringifyWithFloats(body, shape)).toBe('{"responses":[[{"time":1787400000.0,"id":1},201],[{"error":"x","type":"y"},422]]}');
  });
});

/** Whole seconds after the last generated heartbeat, so it is the latest. */
const LATEST = NOW / 1000 + 30;
const DAY_SECONDS = 86_400;
const UA = 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0';

async function text(t: MockTarget, path: string, init: RequestInit = {}): Promise<string> {
  const res = await t.fetch(path, init);
  const body = await res.text();
  expect(res.status, `${path}: ${body}`).toBeLessThan(300);
  return body;
}

/** A posted day: its date, the next date, and the time of its first posted heartbeat. */
interface QuietDay {
  day: string;
  next: string;
  first: number;
}

/**
 * The latest day before NOW (from a week back) on which the demo user has no heartbeat from its UTC
 * midnight for two days: the UTC windows of spans and stats, and the demo user's local day of
 * summaries (America/New_York runs into the next UTC day), then hold only what the test posts.
 */
async function quietDay(t: MockTarget): Promise<QuietDay> {
  const today = Math.floor(NOW / 1000 / DAY_SECONDS) * DAY_SECONDS;
  for (let start = today - 7 * DAY_SECONDS; start > today - 800 * DAY_SECONDS; start -= DAY_SECONDS) {
    if ((await rawHeartbeats(t, 'demo', start, start + 2 * DAY_SECONDS)).length > 0) continue;
    const date = (s: number) => new Date(s * 1000).toISOString().slice(0, 10);
    return { day: date(start), next: date(start + DAY_SECONDS), first: start + 15 * 3600 };
  }
  throw new Error('the demo user has no quiet day');
}

async function postHeartbeat(t: MockTarget, time: number): Promise<string> {
  const body = JSON.stringify({ time, entity: 'src/app.rb', type: 'file', project: 'floats', language: 'Ruby', category: 'coding' });
  return text(t, '/api/hackatime/v1/users/current/heartbeats', {
    method: 'POST',
    headers: { ...basic(DEMO_KEY), 'User-Agent': UA, 'Content-Type': 'application/json' },
    body,
  });
}

describeBoth('whole Floats on the wire', (t) => {
  let chosen: Promise<QuietDay> | undefined;
  const posted = (): Promise<QuietDay> => {
    chosen ??= quietDay(t);
    return chosen;
  };

  it('heartbeat time: the POST answer, my/heartbeats, most_recent and heartbeats/latest (t.float "time", db/schema.rb:353)', async () => {
    const { day, first } = await posted();
    expect(await postHeartbeat(t, first)).toContain(`"time":${first}.0,`);
    expect(await postHeartbeat(t, first + 60)).toContain(`"time":${first + 60}.0,`);
    const mine = await text(t, `/api/v1/my/heartbeats?start_time=${day}T00:00:00Z&end_time=${day}T23:59:59Z`, {
      headers: bearer(DEMO_KEY),
    });
    expect(mine).toContain(`"time":${first}.0,`);
    expect(mine).toContain(`"time":${first + 60}.0,`);
    await postHeartbeat(t, LATEST);
    const recent = await text(t, '/api/v1/my/heartbeats/most_recent', { headers: bearer(DEMO_KEY) });
    expect(recent).toContain(`"time":${LATEST}.0,`);
    const latest = await text(t, '/api/v1/authenticated/heartbeats/latest', { headers: bearer(READ_TOKEN) });
    expect(latest).toContain(`"time":${LATEST}.0,`);
  });

  it('span start_time and end_time (heartbeatable.rb:52-69: the float time, + 120 integer)', async () => {
    const { day, next, first } = await posted();
    const body = await text(t, `/api/v1/users/demo/heartbeats/spans?start_date=${day}&end_date=${next}`);
    expect(body).toBe(`{"spans":[{"start_time":${first}.0,"end_time":${first + 60}.0,"duration":60}]}`);
  });

  it('stats percent ((100.0 * value / total).round(2), wakatime_service.rb:125)', async () => {
    const { day, next } = await posted();
    const body = await text(t, `/api/v1/users/demo/stats?start_date=${day}&end_date=${next}&features=projects,languages`);
    expect(body).toContain('"name":"floats","total_seconds":60,"text":"1m","hours":0,"minutes":1,"percent":100.0,');
    expect(body).toContain('"name":"Ruby","total_seconds":60,"text":"1m","hours":0,"minutes":1,"percent":100.0,');
  });

  it('summaries project percent (((seconds.to_f / total) * 100).round(2), wakatime_service.rb:234)', async () => {
    const { day } = await posted();
    const body = await text(t, `/api/hackatime/v1/users/current/summaries?start=${day}&end=${day}`, { headers: bearer(DEMO_KEY) });
    expect(body).toContain('"name":"floats","percent":100.0}');
  });

  it('last_7_days: categories[0].percent is the literal 100.0, daily_average the Integer 0 without activity', async () => {
    const idle = await userWithRole(t, 'noHeartbeats');
    const body = await text(t, '/api/hackatime/v1/users/current/stats/last_7_days', { headers: bearer(idle.api_keys[0]!) });
    expect(body).toContain('"daily_average":0,');
    expect(body).toContain('"name":"coding","total_seconds":0,"percent":100.0,');
  });

  it('documented examples keep their floats too (Prefer: example=)', async () => {
    const body = await text(t, '/api/hackatime/v1/users/current/stats/last_7_days', {
      headers: { ...bearer(DEMO_KEY), Prefer: 'example=active' },
    });
    expect(body).toMatch(/"percent":100\.0,/);
  });
});
