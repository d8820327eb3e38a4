/**
 * `npm run soak`: the built mock under steady mixed load, to show it loses nothing and leaks nothing.
 *   - SOAK_CONNECTIONS (default 100) keep-alive connections on loopback for SOAK_SECONDS (default 60)
 *     after a 5 s warm-up of the same traffic: 8 of every 10 requests are reads across the read
 *     endpoints with the demo user's credentials, 2 are bulk heartbeat posts of unique heartbeats
 *     (SOAK_BATCH per post, default 1).
 *   - Then two floods, SOAK_FLOOD (default 2,000) requests at once each: stats and leaderboard reads,
 *     every one 200 with its body; single heartbeat posts, every one 202 and counted.
 *   - Targets: 0 errors (connection errors, timeouts, non-2xx); every heartbeat the mock acknowledged
 *     (201 per item) is counted by its admin API (`GET /__mock/stats`), and nothing is counted that
 *     was not sent; RSS at the end within 10% of RSS after the warm-up (issue 13: memory stays flat while heartbeats flow in).
 * Stored heartbeats are part of RSS (about 140 bytes each, kept as columns), so the batch is small:
 * the load is mostly reads, and the RSS target is about leaks, not about data the mock is asked to keep.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { kitArgs, startServer, stop } from './processes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = '2026-08-22T18:30:00Z';
const SECONDS = Number(process.env['SOAK_SECONDS'] ?? 60);
const CONNECTIONS = Number(process.env['SOAK_CONNECTIONS'] ?? 100);
const BATCH = Number(process.env['SOAK_BATCH'] ?? 1);
const WARM_UP_SECONDS = 5;
const BULK = '/api/hackatime/v1/users/current/heartbeats.bulk';

interface Demo {
  username: string;
  apiKey: string;
}

interface Tally {
  sent: number;
  acknowledged: number;
  rejected: number;
  /** The instant of the next heartbeat (Unix seconds): each heartbeat has its own, so none is a duplicate. */
  time: number;
}

interface MockStats {
  heartbeats: { posted: number };
  ingest: { created: number; duplicates: number; rejected: number };
}

/** Resident set size of a process, in MB (Linux `VmRSS`). */
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(m[1]) / 1024;
}

async function demoOf(url: string): Promise<Demo> {
  const body = (await (await fetch(`${url}/__mock/credentials`)).json()) as {
    users: { username: string; roles: string[]; api_keys: string[] }[];
  };
  const demo = body.users.find((u) => u.roles.includes('demo'));
  if (!demo?.api_keys[0]) throw new Error('the mock has no demo user with an API key');
  return { username: demo.username, apiKey: demo.api_keys[0] };
}

const mockStats = async (url: string): Promise<MockStats> => (await (await fetch(`${url}/__mock/stats`)).json()) as MockStats;

/** One cycle of 10 requests: 8 reads, 2 posts of fresh heartbeats (each heartbeat at its own instant). */
function requests(demo: Demo, tally: Tally): autocannon.Request[] {
  const bearer = { authorization: `Bearer ${demo.apiKey}` };
  const basic = { authorization: `Basic ${Buffer.from(demo.apiKey).toString('base64')}` };
  const user = encodeURIComponent(demo.username);
  const post: autocannon.Request = {
    method: 'POST',
    path: BULK,
    headers: {
      ...basic,
      'content-type': 'application/json',
      'user-agent': 'wakatime/v1.115.2 (linux-6.8.0) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0',
    },
    setupRequest: (request) => {
      const heartbeats = Array.from({ length: BATCH }, () => ({
        entity: 'src/soak.ts',
        type: 'file',
        time: (tally.time += 0.25),
        project: 'soak',
        language: 'TypeScript',
        is_write: true,
      }));
      tally.sent += BATCH;
      return { ...request, body: JSON.stringify(heartbeats) };
    },
    onResponse: (status, body) => {
      if (status !== 201) return;
      const pairs = (JSON.parse(body) as { responses: [unknown, number][] }).responses;
      for (const [, itemStatus] of pairs) {
        if (itemStatus === 201) tally.acknowledged++;
        else tally.rejected++;
      }
    },
  };
  const get = (path: string, headers: Record<string, string> = {}): autocannon.Request => ({ method: 'GET', path, headers });
  return [
    get(`/api/v1/users/${user}/stats`),
    get(`/api/hackatime/v1/users/current/statusbar/today`, basic),
    post,
    get(`/api/v1/users/${user}/projects`),
    get(`/api/v1/my/heartbeats/most_recent`, bearer),
    get(`/api/v1/users/${user}/stats?features=languages,projects,editors`, bearer),
    post,
    get(`/api/hackatime/v1/users/current/summaries?start=2026-08-16&end=2026-08-22`, basic),
    get(`/api/v1/leaderboard/daily`),
    get(`/api/hackatime/v1/users/current/stats/last_7_days`, bearer),
  ];
}

interface Load {
  served: number;
  errors: number;
  /** The errors by kind, as `connection · timeout · non-2xx · mismatch`, so a failed run says which. */
  errorKinds: [number, number, number, number];
  rps: number;
  p99: number;
}

async function load(url: string, seconds: number, demo: Demo, tally: Tally): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, requests: requests(demo, tally), timeout: 10 });
  return {
    served: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    errorKinds: [result.errors, result.timeouts, result.non2xx, result.mismatches],
    rps: result.requests.average,
    p99: result.latency.p99,
  };
}

const FLOOD = Number(process.env['SOAK_FLOOD'] ?? 2_000);

interface Flood {
  /** Answers that were not the expected status, or had no JSON body of the right shape. */
  failures: number;
  seconds: number;
}

/**
 * FLOOD requests at once, each on its own connection (Node's fetch opens one per request in flight):
 * every one must be answered with `status` and a body `valid` accepts.
 */
async function flood(
  count: number,
  send: (i: number) => Promise<Response>,
  status: number,
  valid: (body: unknown) => boolean,
): Promise<Flood> {
  const started = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      try {
        const res = await send(i);
        const text = await res.text();
        return res.status === status && valid(JSON.parse(text));
      } catch {
        return false;
      }
    }),
  );
  return { failures: outcomes.filter((ok) => !ok).length, seconds: (performance.now() - started) / 1000 };
}

/** Parallel reads of stats and the daily board, then parallel single heartbeat posts, all counted. */
async function floods(url: string, demo: Demo, tally: Tally): Promise<{ reads: Flood; posts: Flood; counted: number }> {
  const user = encodeURIComponent(demo.username);
  const reads = await flood(
    FLOOD,
    (i) => fetch(`${url}${i % 2 === 0 ? `/api/v1/users/${user}/stats` : '/api/v1/leaderboard/daily'}`),
    200,
    (body) => typeof body === 'object' && body !== null && ('data' in body || 'entries' in body),
  );
  const before = await mockStats(url);
  const headers = { authorization: `Bearer ${demo.apiKey}`, 'content-type': 'application/json' };
  const posts = await flood(
    FLOOD,
    () => {
      const heartbeat = { entity: 'src/flood.ts', type: 'file', time: (tally.time += 0.25), project: 'flood', language: 'TypeScript' };
      return fetch(`${url}/api/hackatime/v1/users/current/heartbeats`, { method: 'POST', headers, body: JSON.stringify(heartbeat) });
    },
    202,
    (body) => typeof body === 'object' && body !== null && 'id' in body,
  );
  const after = await mockStats(url);
  return { reads, posts, counted: after.heartbeats.posted - before.heartbeats.posted };
}

async function main(): Promise<void> {
  const mock = await startServer(
    process.execPath,
    kitArgs(ROOT, [
      'mock',
      '--port',
      '0',
      '--now',
      NOW,
      '--quiet',
      ...(process.env['SOAK_DAYS'] ? ['--days', process.env['SOAK_DAYS']] : []),
    ]),
    ROOT,
  );
  const pid = mock.child.pid!;
  try {
    const demo = await demoOf(mock.url);
    const before = await mockStats(mock.url);
    const tally: Tally = { sent: 0, acknowledged: 0, rejected: 0, time: Date.parse(NOW) / 1000 - 2 * 86_400 };
    const rssStart = rssMb(pid);
    const warm = await load(mock.url, WARM_UP_SECONDS, demo, tally);
    const rssWarm = rssMb(pid);
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(rssMb(pid)), 10_000);
    const soak = await load(mock.url, SECONDS, demo, tally).finally(() => clearInterval(sampler));
    // Requests still in flight when the load stopped are answered (or dropped) by now.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rssEnd = rssMb(pid);
    const after = await mockStats(mock.url);
    const burst = await floods(mock.url, demo, tally);
    const counted = after.heartbeats.posted - before.heartbeats.posted;
    const errors = warm.errors + soak.errors;
    const ratio = rssEnd / rssWarm;
    const rows: [string, string, string, boolean][] = [
      ['requests served (warm-up + soak)', `${warm.served} + ${soak.served}`, '', true],
      ['req/s during the soak (mean) · latency p99', `${soak.rps.toFixed(0)} · ${soak.p99} ms`, '', true],
      [
        'errors: connection · timeout · non-2xx · mismatch (warm-up + soak)',
        warm.errorKinds.map((n, k) => n + (soak.errorKinds[k] ?? 0)).join(' · '),
        '0',
        errors === 0,
      ],
      [
        'heartbeats sent / acknowledged / counted',
        `${tally.sent} / ${tally.acknowledged} / ${counted}`,
        'ack ≤ counted ≤ sent',
        tally.acknowledged <= counted && counted <= tally.sent,
      ],
      ['heartbeats rejected per item', String(tally.rejected), '0', tally.rejected === 0],
      ['RSS at start / after warm-up / at end', `${rssStart.toFixed(0)} / ${rssWarm.toFixed(0)} / ${rssEnd.toFixed(0)} MB`, '', true],
      ['RSS every 10 s of the soak', samples.map((m) => m.toFixed(0)).join(' '), 'MB', true],
      ['RSS end / after warm-up', ratio.toFixed(2), '≤ 1.10', ratio <= 1.1],
      [
        `flood: ${FLOOD} parallel reads, failed · seconds`,
        `${burst.reads.failures} · ${burst.reads.seconds.toFixed(1)} s`,
        '0 failed',
        burst.reads.failures === 0,
      ],
      [
        `flood: ${FLOOD} parallel heartbeat posts, failed · counted`,
        `${burst.posts.failures} · ${burst.counted}`,
        `0 failed, ${FLOOD} counted`,
        burst.posts.failures === 0 && burst.counted === FLOOD,
      ],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    process.stdout.write(
      `\nhackatime-kit soak (${SECONDS} s after a ${WARM_UP_SECONDS} s warm-up, ${CONNECTIONS} connections, ${BATCH} heartbeat${BATCH === 1 ? '' : 's'} per post, loopback)\n\n`,
    );
    for (const [name, value, target, ok] of rows)
      process.stdout.write(`${ok ? ' ' : '!'} ${name.padEnd(width)}  ${value.padStart(26)}  ${target}\n`);
    const missed = rows.filter((r) => !r[3]).length;
    process.stdout.write(missed === 0 ? '\nall targets met\n' : `\n${missed} target(s) missed\n`);
    process.exitCode = missed === 0 ? 0 : 1;
  } finally {
    await stop(mock.child);
  }
}

await main();
