/**
 * `npm run bench`: the mock's targets, each measured in this run against a baseline from the same run.
 *   - throughput on GET /api/v1/users/demo/stats: mock / bare Hono (same body, same headers) ≥ 0.8
 *   - start-up of `hackatime-kit mock` to its first answer < 400 ms; peak RSS after the load < 150 MB
 *     (and after the contract run, which makes the admin analytics' index of every row); latency p99
 *   - the world at three sizes (world-sizes.ts): start-up, peak RSS, the slowest first read, as a table
 *   - the browser build's size, minified and gzipped (browser-size.ts)
 * Everything talks to 127.0.0.1 only and stops by itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { runContract } from '../src/contract/runner.js';
import { browserSizeRows } from './browser-size.js';
import { firstAnswerMs, freePort, kitArgs, kitNodeOptions, median, peakRssMb, startServer, stop } from './processes.js';
import { worldSizes } from './world-sizes.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NOW = '2026-08-22T18:30:00Z';
const PATH = '/api/v1/users/demo/stats';
const DURATION_S = Number(process.env['BENCH_SECONDS'] ?? 5);
const CONNECTIONS = 10;

interface Row {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

// --quiet: the mock is measured, not its request log (a line per request on a pipe).
const mockArgs = (port: number) => kitArgs(ROOT, ['mock', '--port', String(port), '--now', NOW, '--quiet']);

/** Spawn to the first 200 on PATH, polling every 2 ms. */
async function startupMs(): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, mockArgs(port), { cwd: ROOT, stdio: 'ignore' });
  try {
    return await firstAnswerMs(`http://127.0.0.1:${port}${PATH}`, started, 10_000);
  } finally {
    child.kill('SIGKILL');
  }
}

async function load(url: string): Promise<{ rps: number; p99: number; errors: number }> {
  const result = await autocannon({ url: `${url}${PATH}`, connections: CONNECTIONS, duration: DURATION_S });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx + result.timeouts };
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) startups.push(await startupMs());
  const startup = median(startups);
  rows.push({
    name: 'start-up to first response, median of 5 (min–max)',
    value: `${startup.toFixed(0)} ms (${Math.min(...startups).toFixed(0)}–${Math.max(...startups).toFixed(0)})`,
    target: '< 400 ms',
    ok: startup < 400,
  });

  const mock = await startServer(process.execPath, mockArgs(0), ROOT);
  const body = await (await fetch(`${mock.url}${PATH}`)).text();
  const bodyDir = mkdtempSync(join(tmpdir(), 'hackatime-bench-'));
  const bodyFile = join(bodyDir, 'body.json');
  writeFileSync(bodyFile, body);
  // The bare server runs with the mock's Node options: the ratio compares the servers, not the options.
  const bare = await startServer(process.execPath, [...kitNodeOptions(ROOT), '--import', 'tsx', 'bench/bare-server.ts', bodyFile], ROOT);
  try {
    // Alternate the two so drift of the machine hits both alike.
    const runs = { mock: [] as Awaited<ReturnType<typeof load>>[], bare: [] as Awaited<ReturnType<typeof load>>[] };
    for (let i = 0; i < 2; i++) {
      runs.bare.push(await load(bare.url));
      runs.mock.push(await load(mock.url));
    }
    const mean = (xs: { rps: number }[]) => xs.reduce((s, x) => s + x.rps, 0) / xs.length;
    const ratio = mean(runs.mock) / mean(runs.bare);
    // Each pair ran back to back; its ratio shows how much of the figure is the machine's drift.
    const pairRatios = runs.mock.map((m, i) => m.rps / (runs.bare[i]?.rps ?? Number.NaN));
    const errors = [...runs.mock, ...runs.bare].reduce((s, r) => s + r.errors, 0);
    rows.push({ name: `req/s mock (${PATH}, ${body.length} B)`, value: mean(runs.mock).toFixed(0), target: '', ok: true });
    rows.push({ name: 'req/s bare Hono, same body', value: mean(runs.bare).toFixed(0), target: '', ok: true });
    rows.push({
      name: 'throughput ratio mock / bare (per pair)',
      value: `${ratio.toFixed(2)} (${pairRatios.map((r) => r.toFixed(2)).join(', ')})`,
      target: '≥ 0.80',
      ok: ratio >= 0.8,
    });
    const p99 = Math.max(...runs.mock.map((r) => r.p99));
    const p99Bare = Math.max(...runs.bare.map((r) => r.p99));
    rows.push({ name: 'latency p99 mock / bare', value: `${p99} ms / ${p99Bare} ms`, target: '', ok: true });
    rows.push({ name: 'errors and non-2xx under load', value: String(errors), target: '0', ok: errors === 0 });
    const rssAfterLoad = peakRssMb(mock.child.pid!);
    rows.push({
      name: 'peak RSS of the mock (default world) after the load',
      value: rssAfterLoad === undefined ? 'n/a' : `${rssAfterLoad.toFixed(0)} MB`,
      target: '< 150 MB',
      ok: rssAfterLoad === undefined || rssAfterLoad < 150,
    });
    // The whole contract run, every operation with the deprecated ones, as CI runs it.
    const contractStarted = performance.now();
    const contract = await runContract({ baseUrl: mock.url, includeDeprecated: true, seed: 42 });
    const contractMs = performance.now() - contractStarted;
    const findings = contract.findings.filter((f) => f.severity === 'error').length;
    rows.push({
      name: `contract run against the mock (${contract.summary.cases.run} cases)`,
      value: `${contractMs.toFixed(0)} ms`,
      target: '< 3000 ms',
      ok: contractMs < 3000,
    });
    rows.push({ name: 'contract findings against the mock', value: String(findings), target: '0', ok: findings === 0 });
    // The admin analytics keep an index of every row of the world: the run's admin reads make it.
    const rss = peakRssMb(mock.child.pid!);
    rows.push({
      name: 'peak RSS of the mock after the contract run too',
      value: rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`,
      target: '',
      ok: true,
    });
  } finally {
    await stop(bare.child);
    await stop(mock.child);
    rmSync(bodyDir, { recursive: true, force: true });
  }

  const sizes = await worldSizes(ROOT, NOW);
  rows.push(...sizes.rows);
  rows.push(...browserSizeRows(ROOT));

  const width = Math.max(...rows.map((r) => r.name.length));
  process.stdout.write(`\nhackatime-kit benchmarks (${DURATION_S} s × 2 per server, ${CONNECTIONS} connections, loopback)\n\n`);
  for (const r of rows) process.stdout.write(`${r.ok ? ' ' : '!'} ${r.name.padEnd(width)}  ${r.value.padStart(16)}  ${r.target}\n`);
  process.stdout.write(`\nthe world at three sizes (issue 13)\n\n${sizes.table}`);
  const missed = rows.filter((r) => !r.ok);
  process.stdout.write(missed.length === 0 ? '\nall targets met\n' : `\n${missed.length} target(s) missed\n`);
  process.exitCode = missed.length === 0 ? 0 : 1;
}

await main();
