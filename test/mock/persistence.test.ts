/**
 * `--data-file`: every acknowledged heartbeat survives a SIGKILL; a torn last line is reported, cut
 * and the rest loaded; a corrupt line never stops the start; a reset empties the file. And the admin
 * API's export / import / stats.
 */
import { appendFileSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ADMIN_SPEC } from '../../src/mock/admin/routes.js';
import { DataFile } from '../../src/mock/persistence/data-file.js';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import { createWorld } from '../../src/world/store.js';
import { runCli } from '../helpers/cli.js';
import { draft } from '../helpers/heartbeats.js';
import { basic, DEMO_KEY, describeBoth, NOW } from '../helpers/mock.js';
import { type HeartbeatJson, userWithRole } from '../helpers/mock-admin.js';
import { tempDir } from '../helpers/temp.js';
import { type MockStats, mockStats } from './heartbeats-support.js';
import { type MockProcess, startMockProcess } from './persistence-support.js';

const work = tempDir('hackatime-data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const BULK = '/api/hackatime/v1/users/current/heartbeats.bulk';
const SINGLE = '/api/hackatime/v1/users/current/heartbeats';
const headers = { ...basic(DEMO_KEY), 'Content-Type': 'application/json' };
const heartbeat = (i: number) => ({
  entity: `src/file${i % 9}.ts`,
  type: 'file',
  project: 'durable',
  lineno: i,
  time: NOW / 1000 - 7200 + i * 3.5,
});

async function statsOf(mock: MockProcess): Promise<MockStats> {
  return (await (await fetch(`${mock.url}/__mock/stats`)).json()) as MockStats;
}
async function exportOf(url: string): Promise<HeartbeatJson[]> {
  const text = await (await fetch(`${url}/__mock/heartbeats`)).text();
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as HeartbeatJson);
}

/** Posts heartbeats 0..n-1 as bulks of 25 and single posts, all at once; resolves with the acknowledged rows. */
async function postAll(url: string, from: number, n: number, onAck?: (acked: number) => void): Promise<HeartbeatJson[]> {
  const requests: Promise<HeartbeatJson[]>[] = [];
  let acked = 0;
  const ack = (rows: HeartbeatJson[]) => {
    acked += 1;
    onAck?.(acked);
    return rows;
  };
  for (let i = from; i < from + n; ) {
    if (i % 3 === 0) {
      const body = JSON.stringify(heartbeat(i));
      requests.push(
        fetch(`${url}${SINGLE}`, { method: 'POST', headers, body }).then(async (r) =>
          r.status === 202 ? ack([(await r.json()) as HeartbeatJson]) : [],
        ),
      );
      i += 1;
    } else {
      const batch = Array.from({ length: Math.min(25, from + n - i) }, (_, k) => heartbeat(i + k));
      requests.push(
        fetch(`${url}${BULK}`, { method: 'POST', headers, body: JSON.stringify(batch) }).then(async (r) =>
          r.status === 201 ? ack(((await r.json()) as { responses: [HeartbeatJson, number][] }).responses.map(([row]) => row)) : [],
        ),
      );
      i += batch.length;
    }
  }
  return (await Promise.allSettled(requests)).flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
}

describe('--data-file', () => {
  it('keeps every acknowledged heartbeat across a SIGKILL right after the last acknowledgement', async () => {
    const file = join(work, 'kill.jsonl');
    let mock = await startMockProcess(file);
    expect(mock.stderr()).toContain(`data file ${file}: 0 heartbeats loaded`);
    let acked: HeartbeatJson[];
    try {
      acked = await postAll(mock.url, 0, 120);
    } finally {
      await mock.kill();
    }
    expect(acked).toHaveLength(120);

    mock = await startMockProcess(file);
    try {
      expect(mock.stderr()).toContain(`data file ${file}: 120 heartbeats loaded`);
      expect((await statsOf(mock)).heartbeats.posted).toBe(120);
      const reloaded = new Map((await exportOf(mock.url)).map((r) => [r.id, r]));
      for (const row of acked) expect(reloaded.get(row.id)).toEqual(row);
    } finally {
      await mock.kill();
    }
  }, 90_000);

  it('never loses an acknowledged heartbeat when killed while requests are still in flight', async () => {
    const file = join(work, 'inflight.jsonl');
    let mock = await startMockProcess(file);
    let acked: HeartbeatJson[];
    try {
      // 60 requests at once; the process dies as soon as 20 of them were answered.
      acked = await postAll(mock.url, 0, 600, (n) => {
        if (n === 20) mock.child.kill('SIGKILL');
      });
    } finally {
      await mock.kill();
    }
    expect(acked.length).toBeGreaterThan(0);

    mock = await startMockProcess(file);
    try {
      const rows = await exportOf(mock.url);
      const reloaded = new Map(rows.map((r) => [r.id, r]));
      for (const row of acked) expect(reloaded.get(row.id)).toEqual(row);
      // What reached the file is a prefix of the acceptance order: ids without gaps.
      expect(rows.map((r) => r.id)).toEqual(rows.map((_, i) => rows[0]!.id + i));
      expect(mock.stderr()).not.toContain('skipped');
    } finally {
      await mock.kill();
    }
  }, 90_000);

  it('loads the rest of a file whose last line is torn, says so, and cuts the torn bytes', async () => {
    const file = join(work, 'torn.jsonl');
    let mock = await startMockProcess(file);
    try {
      await postAll(mock.url, 1000, 30);
    } finally {
      await mock.kill();
    }
    const whole = statSync(file).size;
    appendFileSync(file, '{"id":99999,"user_id":1,"time":17874');

    mock = await startMockProcess(file);
    try {
      expect(mock.stderr()).toContain(`data file ${file}: line 31 is incomplete`);
      expect(mock.stderr()).toContain(`data file ${file}: 30 heartbeats loaded`);
      expect((await statsOf(mock)).heartbeats.posted).toBe(30);
      expect(statSync(file).size).toBe(whole);
      // The next append starts on a clean line.
      await postAll(mock.url, 2000, 1);
    } finally {
      await mock.kill();
    }
    mock = await startMockProcess(file);
    try {
      expect(mock.stderr()).not.toContain('incomplete');
      expect((await statsOf(mock)).heartbeats.posted).toBe(31);
    } finally {
      await mock.kill();
    }
  }, 90_000);

  it('reports and skips bad lines anywhere in the file, keeping the good ones on both sides', async () => {
    const file = join(work, 'corrupt.jsonl');
    const row = (i: number) =>
      JSON.stringify({ user_id: 1, time: NOW / 1000 - 600 + i, entity: `r${i}.ts`, created_at: '2026-08-22T18:00:00.000Z' });
    writeFileSync(
      file,
      [
        row(1),
        'garbage',
        JSON.stringify({ user_id: 99999, time: NOW / 1000 }),
        '',
        row(2),
        `${JSON.stringify({ user_id: 1, time: 'soon' })}`,
        row(3),
      ].join('\n'),
    );
    const mock = await startMockProcess(file);
    try {
      expect(mock.stderr()).toContain('line 2 skipped: not valid JSON');
      expect(mock.stderr()).toContain('line 3 skipped: user_id 99999 is not a user of this world');
      expect(mock.stderr()).toContain('line 6 skipped: time must be a number (Unix seconds)');
      // The last line had no newline but was a whole row: kept, and the file ended properly.
      expect(mock.stderr()).toContain('3 heartbeats loaded');
      expect((await exportOf(mock.url)).map((r) => r.entity)).toEqual(['r1.ts', 'r2.ts', 'r3.ts']);
      expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
    } finally {
      await mock.kill();
    }
  }, 60_000);

  it('empties the file on reset, so that a restart does not bring back what was reset away', async () => {
    const file = join(work, 'reset.jsonl');
    let mock = await startMockProcess(file);
    try {
      await postAll(mock.url, 3000, 10);
      expect(statSync(file).size).toBeGreaterThan(0);
      expect((await fetch(`${mock.url}/__mock/reset`, { method: 'POST' })).status).toBe(200);
      expect(statSync(file).size).toBe(0);
      await postAll(mock.url, 4000, 2);
    } finally {
      await mock.kill();
    }
    mock = await startMockProcess(file);
    try {
      expect((await statsOf(mock)).heartbeats.posted).toBe(2);
    } finally {
      await mock.kill();
    }
  }, 90_000);

  it('refuses to start with a data file it cannot open, in one line', async () => {
    const result = await runCli(['mock', '--port', '0', '--data-file', join(work, 'no-such-dir', 'x.jsonl')], { timeoutMs: 30_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^hackatime-kit mock: --data-file .*no-such-dir.*: folder .*no-such-dir does not exist\n$/);
  }, 40_000);
});

describe('the data file on its own', () => {
  const unit = (time: number) => draft({ time, entity: `e${time}.ts`, type: 'file', category: 'coding', project: 'unit' });
  const linesOf = (file: string) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => (JSON.parse(l) as HeartbeatJson).entity);

  it('writes rows in acceptance order, one batch for what arrives together', async () => {
    const file = join(work, 'unit-order.jsonl');
    const world = createWorld({ seed: 7, now: NOW, users: 9, days: 2 });
    const { file: data } = DataFile.open(file, world, NOW);
    for (let i = 0; i < 50; i++) world.addHeartbeat(1, unit(1787400000 + i));
    await world.flushed();
    expect(linesOf(file)).toEqual(Array.from({ length: 50 }, (_, i) => `e${1787400000 + i}.ts`));
    await data.close();
  });

  it('drops what a reset discarded even when its write had not started, and keeps what came after', async () => {
    const file = join(work, 'unit-reset.jsonl');
    const world = createWorld({ seed: 7, now: NOW, users: 9, days: 2 });
    const { file: data } = DataFile.open(file, world, NOW);
    world.addHeartbeat(1, unit(1787400001));
    world.addHeartbeat(1, unit(1787400002));
    world.reset();
    world.addHeartbeat(1, unit(1787400003));
    await world.flushed();
    expect(linesOf(file)).toEqual(['e1787400003.ts']);
    await data.close();
    // What the file holds is what a restart brings back.
    const again = createWorld({ seed: 7, now: NOW, users: 9, days: 2 });
    const { file: reopened, report } = DataFile.open(file, again, NOW);
    expect(report).toMatchObject({ accepted: 1, errors: [], tornTail: undefined });
    expect(again.postedHeartbeats().map((r) => r.entity)).toEqual(['e1787400003.ts']);
    await reopened.close();
  });
});

const admin = loadSpec(ADMIN_SPEC);
const adminValidator = validatorFor(admin.document);
const adminSchema = (operationId: string, status: string) =>
  admin.byOperationId.get(operationId)!.responses.find((r) => r.status === status)!.content[0]!.schemaPointer!;

describeBoth('the admin API of posted heartbeats', (t) => {
  it('exports the posted heartbeats as JSON lines in acceptance order, and imports them back after a reset', async () => {
    const demo = await userWithRole(t, 'demo');
    await t.fetch(BULK, { method: 'POST', headers, body: JSON.stringify([heartbeat(1), heartbeat(2), heartbeat(3)]) });
    await t.fetch(SINGLE, { method: 'POST', headers, body: JSON.stringify(heartbeat(0)) });
    const res = await t.fetch('/__mock/heartbeats');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const exported = await res.text();
    const rows = exported
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as HeartbeatJson);
    expect(rows.map((r) => r['lineno'])).toEqual([1, 2, 3, 0]);
    expect(rows.every((r) => r.user_id === demo.id)).toBe(true);
    expect(await (await t.fetch(`/__mock/heartbeats?username=${demo.username}`)).text()).toBe(exported);
    expect((await t.fetch('/__mock/heartbeats?username=nobody-at-all')).status).toBe(404);

    const statsBefore = await mockStats(t);
    expect((await t.fetch('/__mock/reset', { method: 'POST' })).status).toBe(200);
    expect(await (await t.fetch('/__mock/heartbeats')).text()).toBe('');
    expect((await mockStats(t)).heartbeats.posted).toBe(0);
    expect((await mockStats(t)).ingest.requests).toBe(0);

    const imported = await t.fetch('/__mock/heartbeats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-ndjson' },
      body: exported,
    });
    const report = await imported.json();
    expect(imported.status).toBe(200);
    expect(report).toEqual({ lines: 4, accepted: 4, duplicates: 0, errors: [] });
    const check = adminValidator.validate(adminSchema('mockImportHeartbeats', '200'), report);
    expect(check.ok ? [] : check.issues).toEqual([]);
    // Same world, same order: the same ids, the same rows.
    expect(await (await t.fetch('/__mock/heartbeats')).text()).toBe(exported);
    expect((await mockStats(t)).heartbeats).toEqual(statsBefore.heartbeats);
  });

  it('reports each bad line of an import and imports the others; duplicates are recognised', async () => {
    const demo = await userWithRole(t, 'demo');
    const good = { user_id: demo.id, time: NOW / 1000 - 50, entity: 'imported.ts', project: 'imp' };
    const body = [
      JSON.stringify(good),
      '{oops',
      JSON.stringify({ user_id: demo.id }),
      JSON.stringify({ ...good, lineno: 2 ** 40 }),
      JSON.stringify(good),
      '',
    ].join('\n');
    const res = await t.fetch('/__mock/heartbeats', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body });
    expect(await res.json()).toEqual({
      lines: 5,
      accepted: 1,
      duplicates: 1,
      errors: [
        { line: 2, error: 'not valid JSON' },
        { line: 3, error: 'time must be a number (Unix seconds)' },
        { line: 4, error: 'lineno must be a 32-bit integer or null' },
      ],
    });
    const asJson = await t.fetch('/__mock/heartbeats', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify([{ ...good, time: good.time + 1 }]),
    });
    expect(await asJson.json()).toEqual({ lines: 1, accepted: 1, duplicates: 0, errors: [] });
    const empty = await t.fetch('/__mock/heartbeats', { method: 'POST', headers: { 'Content-Type': 'application/x-ndjson' }, body: '\n' });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: 'No heartbeats to import' });
  });

  it('counts what was accepted, per user, in the shape its spec gives', async () => {
    const stats = await mockStats(t);
    const check = adminValidator.validate(adminSchema('mockStats', '200'), stats);
    expect(check.ok ? [] : check.issues).toEqual([]);
    expect(stats.heartbeats.total).toBe(stats.heartbeats.generated + stats.heartbeats.posted);
    expect(stats.users.reduce((n, u) => n + u.posted, 0)).toBe(stats.heartbeats.posted);
  });
});
