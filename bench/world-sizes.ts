/**
 * The world at three sizes: start-up of `hackatime-kit mock` to its first answer, the slowest first
 * (uncached) reads, and peak RSS after them. Issue 13's targets; phase 1 (a lazy world) reports
 * them, phase 2 (per-user-day aggregates) is what brings the reads under their bounds.
 */
import { spawn } from 'node:child_process';
import { freePort, peakRssMb } from './processes.js';

export interface SizeRow {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

interface Size {
  label: string;
  args: string[];
  startupMs: number;
  rssMb: number;
  readMs: number;
}

const SIZES: Size[] = [
  { label: 'default world', args: [], startupMs: 300, rssMb: 150, readMs: 50 },
  { label: '--users 100 --days 365', args: ['--users', '100', '--days', '365'], startupMs: 1000, rssMb: 400, readMs: 100 },
  { label: '--users 1000 --days 365', args: ['--users', '1000', '--days', '365'], startupMs: 1000, rssMb: 400, readMs: 100 },
];

const DEMO_KEY = '11111111-1111-4111-8111-111111111111';

/** The first reads of issue 13, each on data no earlier request of this process touched. */
function firstReads(now: string): Array<[string, string, Record<string, string>]> {
  const today = now.slice(0, 10);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  return [
    ['all-time stats, projects+languages (user 12)', '/api/v1/users/12/stats?features=projects,languages', {}],
    [
      'a year of summaries (demo)',
      `/api/hackatime/v1/users/current/summaries?start=${yearAgo}&end=${today}`,
      { Authorization: `Bearer ${DEMO_KEY}` },
    ],
    ['weekly leaderboard', '/api/v1/leaderboard/weekly', {}],
  ];
}

async function timed(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

async function measure(root: string, now: string, size: Size): Promise<SizeRow[]> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['bin/hackatime-kit.js', 'mock', '--port', String(port), '--now', now, ...size.args], {
    cwd: root,
    stdio: 'ignore',
  });
  try {
    let startup = Number.NaN;
    for (;;) {
      if (performance.now() - started > 60_000) throw new Error(`mock ${size.label} did not answer within 60 s`);
      try {
        // The cheapest answer of the world: start-up, not a read, is what this times.
        const res = await fetch(`${base}/api/v1/users/demo/trust_factor`);
        await res.arrayBuffer();
        startup = performance.now() - started;
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 2));
      }
    }
    const rows: SizeRow[] = [
      {
        name: `${size.label}: start-up to first answer`,
        value: `${startup.toFixed(0)} ms`,
        target: `< ${size.startupMs} ms`,
        ok: startup < size.startupMs,
      },
    ];
    for (const [label, path, headers] of firstReads(now)) {
      const ms = await timed(`${base}${path}`, headers);
      rows.push({
        name: `${size.label}: first read, ${label}`,
        value: `${ms.toFixed(0)} ms`,
        target: `< ${size.readMs} ms`,
        ok: ms < size.readMs,
      });
    }
    const rss = child.pid === undefined ? undefined : peakRssMb(child.pid);
    rows.push({
      name: `${size.label}: peak RSS after those reads`,
      value: rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`,
      target: `< ${size.rssMb} MB`,
      ok: rss === undefined || rss < size.rssMb,
    });
    return rows;
  } finally {
    child.kill('SIGKILL');
  }
}

/** One row per figure and size, measured in this run. */
export async function worldSizeRows(root: string, now: string): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  for (const size of SIZES) rows.push(...(await measure(root, now, size)));
  return rows;
}
