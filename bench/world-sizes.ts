/**
 * The world at three sizes (issue 13): start-up of `hackatime-kit mock` to its first answer, peak
 * RSS, and the slowest of six first (uncached) reads, each of a user no earlier request touched:
 * all-time stats with projects and languages, a year of summaries, the weekly leaderboard,
 * `/api/summary`, a year of spans and `my/heartbeats` for one day. Printed as one table, with the
 * same reads in a process whose code is already warm (warm-reads.ts) beside them: what the cold
 * figure pays beyond that is the JIT's warm-up of a fresh process, not the reads' own work.
 *
 * One fresh process's figures move by a fifth from run to run on two cores, so each size is
 * measured in {@link RUNS} fresh processes: start-up and each read are the median of the runs,
 * the peak RSS the highest, and the slowest read is the read whose median is the highest.
 */
import { execFileSync, spawn } from 'node:child_process';
import { firstAnswerMs, freePort, kitArgs, kitNodeOptions, median, peakRssMb } from './processes.js';

/** Fresh processes per size (and warm-process runs). */
const RUNS = 3;

export interface SizeRow {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

interface Size {
  label: string;
  options: { users?: number; days?: number };
  startupMs: number;
  rssMb: number;
  readMs: number;
  /** Whether the weekly leaderboard (every user's week) is one of the reads timed. */
  leaderboard: boolean;
}

const SIZES: Size[] = [
  { label: 'default (a year for every user)', options: {}, startupMs: 300, rssMb: 150, readMs: 50, leaderboard: true },
  {
    label: '`--users 1000 --days 365`',
    options: { users: 1000, days: 365 },
    startupMs: 1000,
    rssMb: 400,
    readMs: 100,
    leaderboard: true,
  },
  // The target is one user's reads: a board over 100,000 users' weeks is not one of them.
  {
    label: '`--users 100000 --days 365`',
    options: { users: 100_000, days: 365 },
    startupMs: 2000,
    rssMb: 1024,
    readMs: 200,
    leaderboard: false,
  },
];

const DEMO_KEY = '11111111-1111-4111-8111-111111111111';

export type Read = [label: string, path: string, headers: Record<string, string>];

/** The first reads of issue 13, each of a user (or board) no earlier request of this process touched. */
export function firstReads(now: string, leaderboard: boolean): Read[] {
  const today = now.slice(0, 10);
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const auth = { Authorization: `Bearer ${DEMO_KEY}` };
  const reads: Read[] = [
    ['all-time stats', '/api/v1/users/12/stats?features=projects,languages', {}],
    ['my/heartbeats, one day', `/api/v1/my/heartbeats?start_time=${yearAgo}T00:00:00Z&end_time=${yearAgo}T23:59:59Z`, auth],
    ['a year of summaries', `/api/hackatime/v1/users/current/summaries?start=${yearAgo}&end=${today}`, auth],
    ['/api/summary', '/api/summary?user_id=11&interval=all_time', {}],
    ['a year of spans', `/api/v1/users/10/heartbeats/spans?start_date=${yearAgo}&end_date=${today}`, {}],
  ];
  if (leaderboard) reads.push(['weekly leaderboard', '/api/v1/leaderboard/weekly', {}]);
  return reads;
}

/** Milliseconds to one read's whole body through `send` (the socket's `fetch`, or an app's in-process); it must answer 200. */
export async function timed(send: (request: Request) => Promise<Response>, url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const res = await send(new Request(url, { headers }));
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - started;
}

/** A read's median over the runs, and the fastest and slowest run. */
interface ReadFigure {
  label: string;
  ms: number;
  min: number;
  max: number;
}

/** One fresh process: start-up, peak RSS and each read's time, in the order of `firstReads`. */
interface Run {
  startup: number;
  rss: number | undefined;
  reads: [label: string, ms: number][];
}

interface Measured {
  size: Size;
  startup: number;
  rss: number | undefined;
  slowest: ReadFigure;
  /** The slowest of the same reads in a warm process (warm-reads.ts). */
  warm: ReadFigure;
}

/** The read whose median over the runs is the highest. */
function slowestRead(runs: readonly (readonly [string, number][])[]): ReadFigure {
  const byLabel = new Map<string, number[]>();
  for (const reads of runs) for (const [label, ms] of reads) byLabel.set(label, [...(byLabel.get(label) ?? []), ms]);
  let slowest: ReadFigure = { label: '', ms: -1, min: -1, max: -1 };
  for (const [label, times] of byLabel) {
    const ms = median(times);
    if (ms > slowest.ms) slowest = { label, ms, min: Math.min(...times), max: Math.max(...times) };
  }
  return slowest;
}

/** The first reads' times in a process whose code is warm, for users no request touched. */
function warmReads(root: string, now: string, size: Size): [string, number][] {
  const out = execFileSync(
    process.execPath,
    [...kitNodeOptions(root), '--import', 'tsx', 'bench/warm-reads.ts', now, JSON.stringify(size.options), String(size.leaderboard)],
    { cwd: root, encoding: 'utf8' },
  );
  return JSON.parse(out) as [string, number][];
}

async function measure(root: string, now: string, size: Size): Promise<Measured> {
  const runs: Run[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await freshProcess(root, now, size));
  const warm: [string, number][][] = [];
  for (let i = 0; i < RUNS; i++) warm.push(warmReads(root, now, size));
  const rssValues = runs.flatMap((run) => (run.rss === undefined ? [] : [run.rss]));
  return {
    size,
    startup: median(runs.map((run) => run.startup)),
    rss: rssValues.length === 0 ? undefined : Math.max(...rssValues),
    slowest: slowestRead(runs.map((run) => run.reads)),
    warm: slowestRead(warm),
  };
}

async function freshProcess(root: string, now: string, size: Size): Promise<Run> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const sizeArgs = Object.entries(size.options).flatMap(([name, value]) => [`--${name}`, String(value)]);
  const args = kitArgs(root, ['mock', '--port', String(port), '--now', now, '--quiet', ...sizeArgs]);
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore' });
  try {
    // The cheapest answer of the world: start-up, not a read, is what this times.
    const startup = await firstAnswerMs(`${base}/api/v1/users/demo/trust_factor`, started, 60_000);
    const reads: [string, number][] = [];
    for (const [label, path, headers] of firstReads(now, size.leaderboard))
      reads.push([label, await timed(fetch, `${base}${path}`, headers)]);
    return { startup, rss: child.pid === undefined ? undefined : peakRssMb(child.pid), reads };
  } finally {
    child.kill('SIGKILL');
  }
}

/** `64 ms (a year of summaries; runs 59–71)`: the median, the read, and the runs' range. */
const readFigure = (read: ReadFigure) => `${read.ms.toFixed(0)} ms (${read.label}; runs ${read.min.toFixed(0)}–${read.max.toFixed(0)})`;

/** Issue 13's table, as the README shows it. */
function table(measured: readonly Measured[]): string {
  const cell = (value: string, ok: boolean, target: string) => `${value}${ok ? '' : ' (missed)'} / ${target}`;
  const lines = [
    `| world (${RUNS} fresh processes each) | start-up to first answer, median | peak RSS, highest | slowest first (uncached) read, median (range) | the same reads, warm process, median (range) |`,
    '|---|---|---|---|---|',
    ...measured.map(({ size, startup, rss, slowest, warm }) =>
      [
        '',
        size.label,
        cell(`${startup.toFixed(0)} ms`, startup < size.startupMs, `< ${size.startupMs} ms`),
        cell(rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`, rss === undefined || rss < size.rssMb, `< ${size.rssMb} MB`),
        cell(readFigure(slowest), slowest.ms < size.readMs, `< ${size.readMs} ms`),
        readFigure(warm),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** One row per figure and size, measured in this run, and the same figures as issue 13's table. */
export async function worldSizes(root: string, now: string): Promise<{ rows: SizeRow[]; table: string }> {
  const measured: Measured[] = [];
  for (const size of SIZES) measured.push(await measure(root, now, size));
  const rows = measured.flatMap(({ size, startup, rss, slowest }) => [
    {
      name: `${size.label}: start-up to first answer, median of ${RUNS}`,
      value: `${startup.toFixed(0)} ms`,
      target: `< ${size.startupMs} ms`,
      ok: startup < size.startupMs,
    },
    {
      name: `${size.label}: peak RSS after the first reads`,
      value: rss === undefined ? 'n/a' : `${rss.toFixed(0)} MB`,
      target: `< ${size.rssMb} MB`,
      ok: rss === undefined || rss < size.rssMb,
    },
    {
      name: `${size.label}: slowest first read, median of ${RUNS} (${slowest.label})`,
      value: `${slowest.ms.toFixed(0)} ms`,
      target: `< ${size.readMs} ms`,
      ok: slowest.ms < size.readMs,
    },
  ]);
  return { rows, table: table(measured) };
}
