/**
 * Child processes of the benchmark: start one, wait for its "listening on URL" line, read its peak RSS.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * The Node options `npm start` runs the command with (package.json's `start` script): the
 * benchmark starts the mock as `npm start` does.
 * @example
 * kitNodeOptions(ROOT) // ['--v8-pool-size=0']
 */
export function kitNodeOptions(root: string): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const start = pkg.scripts?.['start'] ?? '';
  const m = /^node((?: --\S+)*) bin\/hackatime-kit\.js mock$/.exec(start);
  if (!m) throw new Error(`package.json's start script is not "node [options] bin/hackatime-kit.js mock": ${start}`);
  return (m[1] ?? '').split(' ').filter((option) => option.length > 0);
}

/** Arguments for `process.execPath` that run the command as `npm start` does: its Node options, the bin, `args`. */
export function kitArgs(root: string, args: readonly string[]): string[] {
  return [...kitNodeOptions(root), 'bin/hackatime-kit.js', ...args];
}

/**
 * Milliseconds from `started` (a `performance.now()`) to the first 200 of `url`, polling every 2 ms
 * while the server does not listen yet: how long a spawned mock takes to answer.
 * @throws when nothing answers 200 within `timeoutMs`
 */
export async function firstAnswerMs(url: string, started: number, timeoutMs: number): Promise<number> {
  for (;;) {
    if (performance.now() - started > timeoutMs) throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - started;
    } catch {
      await new Promise((r) => setTimeout(r, 2));
    }
  }
}

export interface Started {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the "listening" line. */
  listeningMs: number;
  spawnedAt: number;
}

export function startServer(command: string, args: string[], cwd: string): Promise<Started> {
  return new Promise((resolve, reject) => {
    const spawnedAt = performance.now();
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${command} ${args.join(' ')} did not start within 20 s`));
    }, 20_000);
    let listening = false;
    // Drained for the process's whole life (a full pipe would stop it), read only until it listens.
    child.stdout!.on('data', (d: Buffer) => {
      if (listening) return;
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        listening = true;
        clearTimeout(timer);
        resolve({ child, url: m[1], listeningMs: performance.now() - spawnedAt, spawnedAt });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before listening`));
    });
  });
}

/** Peak resident set size of a process, in MB (Linux `VmHWM`). */
export function peakRssMb(pid: number): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** A port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.once('error', reject);
  });
}

/** The middle value (the upper one of an even count): what a figure measured a few times reports. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
}
