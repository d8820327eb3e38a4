/**
 * The mock as a user runs it — `hackatime-kit mock --data-file F` in its own process — for the
 * durability tests: start it, read its banner, kill it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { ROOT } from '../helpers/cli.js';
import { NOW } from '../helpers/mock.js';

export interface MockProcess {
  url: string;
  child: ChildProcess;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** SIGKILL, then wait for the process to be gone. */
  kill(): Promise<void>;
}

/** Starts the CLI on a free loopback port and resolves once it printed "listening on URL". */
export function startMockProcess(dataFile: string, timeoutMs = 30_000): Promise<MockProcess> {
  const child = spawn(
    process.execPath,
    // The installed command (bin/ runs the build, which test/global-setup.ts keeps current).
    ['bin/hackatime-kit.js', 'mock', '--port', '0', '--data-file', dataFile, '--now', new Date(NOW).toISOString()],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let started = false;
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`mock did not start in ${timeoutMs} ms: ${stderr}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`mock exited with ${code}: ${stderr}`));
    });
    child.stdout!.on('data', (d: Buffer) => {
      stdout += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (!m || started) return;
      started = true;
      clearTimeout(timer);
      resolve({ url: m[1]!, child, stderr: () => stderr, kill });
    });
  });
}
