/**
 * 20 clients post 500 heartbeats each at the same time (bulks of 25, as wakatime-cli sends them), with
 * duplicates within a client (re-sent batches) and across the clients of one user (the same heartbeat
 * from two machines' queues). The mock must store every distinct heartbeat exactly once, answer every
 * copy with the same row, and every read must agree with the raw heartbeats afterwards.
 */
import { expect, it } from 'vitest';
import { lagSeconds } from '../helpers/heartbeats.js';
import { basic, describeBoth, type MockTarget, NOW } from '../helpers/mock.js';
import { type CredentialUser, credentials, type HeartbeatJson, rawHeartbeats } from '../helpers/mock-admin.js';
import { mockStats } from './heartbeats-support.js';

const CLIENTS = 20;
const PER_CLIENT = 500;
const BATCH = 25;
const UA = 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0';

/** Client `j` of a user (0-based among that user's clients): 500 heartbeats, some shared, the first batch sent again. */
function clientHeartbeats(j: number): Record<string, unknown>[] {
  const start = NOW / 1000 - 3 * 3600;
  const fresh = Array.from({ length: PER_CLIENT - BATCH }, (_, k) =>
    k % 50 === 0
      ? { entity: `shared/${k}.ts`, type: 'file', project: 'shared', time: start - 100 - k } // on every client of the user
      : {
          entity: `c${j}/f${k % 7}.ts`,
          type: 'file',
          project: `proj-${j % 3}`,
          branch: 'main',
          lineno: k,
          time: start + (j * PER_CLIENT + k) * 2 + 0.125,
        },
  );
  return [...fresh, ...fresh.slice(0, BATCH).map((hb) => ({ ...hb }))]; // the first batch, re-sent
}

function localMidnight(zone: string): number {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(NOW);
  const fmt = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (let offset = -14 * 3600; offset <= 14 * 3600; offset += 900) {
    const at = Date.parse(`${date}T00:00:00Z`) / 1000 + offset;
    const p = Object.fromEntries(fmt.formatToParts(at * 1000).map((x) => [x.type, x.value]));
    if (`${p['year']}-${p['month']}-${p['day']}` === date && p['hour'] === '00' && p['minute'] === '00') return at;
  }
  throw new Error(`no midnight in ${zone}`);
}

describeBoth('20 clients posting at once', (t: MockTarget) => {
  it('stores each distinct heartbeat once, answers every copy with that row, and every read agrees', async () => {
    // Restricted (red) users may post but not read my/heartbeats: leave them out of the read checks.
    const all = (await credentials(t)).users.filter((u) => !u.pending_deletion && u.trust_level !== 'red' && u.api_keys.length > 0);
    const users = all.slice(0, 4);
    const before = new Map<number, HeartbeatJson[]>();
    for (const u of users) before.set(u.id, await rawHeartbeats(t, u.username));
    const statsBefore = await mockStats(t);

    const clients = Array.from({ length: CLIENTS }, (_, c) => ({
      user: users[c % users.length]!,
      beats: clientHeartbeats(Math.floor(c / users.length)),
    }));
    const answers = await Promise.all(
      clients.map(async ({ user, beats }) => {
        const out: { key: string; id: number; status: number }[] = [];
        for (let i = 0; i < beats.length; i += BATCH) {
          const batch = beats.slice(i, i + BATCH);
          const res = await t.fetch('/api/hackatime/v1/users/current/heartbeats.bulk', {
            method: 'POST',
            headers: { ...basic(user.api_keys[0]!), 'Content-Type': 'application/json', 'User-Agent': UA, 'X-Machine-Name': 'box' },
            body: JSON.stringify(batch),
          });
          expect(res.status).toBe(201);
          const pairs = ((await res.json()) as { responses: [HeartbeatJson, number][] }).responses;
          for (const [n, [row, status]] of pairs.entries()) out.push({ key: `${user.id}:${JSON.stringify(batch[n])}`, id: row.id, status });
        }
        return out;
      }),
    );

    const flat = answers.flat();
    expect(flat).toHaveLength(CLIENTS * PER_CLIENT);
    expect(flat.every((a) => a.status === 201)).toBe(true);
    const idOf = new Map<string, number>();
    for (const a of flat) {
      const known = idOf.get(a.key);
      if (known === undefined) idOf.set(a.key, a.id);
      else expect(a.id).toBe(known);
    }
    const distinct = idOf.size;
    expect(new Set(idOf.values()).size).toBe(distinct);
    expect(distinct).toBeLessThan(CLIENTS * PER_CLIENT);

    const stats = await mockStats(t);
    expect(stats.heartbeats.posted - statsBefore.heartbeats.posted).toBe(distinct);
    expect(stats.ingest.created - statsBefore.ingest.created).toBe(distinct);
    expect(stats.ingest.duplicates - statsBefore.ingest.duplicates).toBe(CLIENTS * PER_CLIENT - distinct);
    expect(stats.heartbeats.total - statsBefore.heartbeats.total).toBe(distinct);

    for (const user of users)
      await expectReadsAgree(t, user, before.get(user.id)!, [...idOf.keys()].filter((k) => k.startsWith(`${user.id}:`)).length);
  }, 120_000);
});

async function expectReadsAgree(t: MockTarget, user: CredentialUser, before: HeartbeatJson[], distinct: number): Promise<void> {
  const after = await rawHeartbeats(t, user.username);
  expect(after.length - before.length).toBe(distinct);
  const exported = await (await t.fetch(`/__mock/heartbeats?username=${encodeURIComponent(user.username)}`)).text();
  expect(exported.split('\n').filter((l) => l !== '').length).toBe(distinct);

  const auth = basic(user.api_keys[0]!);
  const dayStart = localMidnight(user.timezone);
  const status = (await (await t.fetch('/api/hackatime/v1/users/current/statusbar/today', { headers: auth })).json()) as {
    data: { grand_total: { total_seconds: number } };
  };
  expect(status.data.grand_total.total_seconds).toBe(lagSeconds(after.filter((r) => r.time >= dayStart && r.time <= dayStart + 86_399)));

  const mine = (await (await t.fetch('/api/v1/my/heartbeats', { headers: auth })).json()) as {
    total_seconds: number;
    heartbeats: HeartbeatJson[];
  };
  const utc = Date.parse(new Date(NOW).toISOString().slice(0, 10)) / 1000;
  const utcToday = after.filter((r) => r.time >= utc && r.time < utc + 86_400);
  expect(mine.heartbeats.map((r) => r.id)).toEqual([...utcToday].sort((a, b) => a.time - b.time || a.id - b.id).map((r) => r.id));
  expect(mine.total_seconds).toBe(lagSeconds(utcToday));
}
