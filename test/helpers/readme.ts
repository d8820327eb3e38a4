/**
 * The README's runnable examples (the format is documented at the top of README.md): every fenced
 * block whose info string is `sh runnable`, with the `<!-- expect: "TEXT" -->` lines just above it
 * and whether a `<!-- fixed-clock -->` line marks it as naming dates of the fixed-clock world. Run
 * with bash against a started mock by test/readme.test.ts, on the fixed clock and on the real one.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const README = join(ROOT, 'README.md');
/** The address the README's examples name; replaced by the started mock's. */
export const DEFAULT_URL = 'http://127.0.0.1:4010';
/** A hang guard, not a speed check: the longest block runs the contract twice over every operation, spawning the CLI each time. */
export const BLOCK_TIMEOUT_MS = 120_000;

export interface RunnableBlock {
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  expects: string[];
  /** Marked `<!-- fixed-clock -->`: it names dates (or a `now`) of the README's fixed-clock world. */
  fixedClock: boolean;
}

/** Runnable blocks of a Markdown text, with the `expect` and `fixed-clock` comments that precede each. */
export function runnableBlocks(markdown: string): RunnableBlock[] {
  const lines = markdown.split('\n');
  const blocks: RunnableBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(.*)$/.exec(lines[i] ?? '');
    if (!open) continue;
    const fence = open[2] ?? '```';
    let end = i + 1;
    while (end < lines.length && !(lines[end] ?? '').trim().startsWith(fence)) end++;
    if (/^sh\s+runnable\b/.test((open[3] ?? '').trim())) {
      const expects: string[] = [];
      let fixedClock = false;
      for (let j = i - 1; j >= 0; j--) {
        const text = (lines[j] ?? '').trim();
        if (text === '') continue;
        if (/^<!--\s*fixed-clock\s*-->$/.test(text)) {
          fixedClock = true;
          continue;
        }
        const expect = /^<!--\s*expect:\s*"(.*)"\s*-->$/.exec(text);
        if (!expect) break;
        expects.unshift(expect[1] ?? '');
      }
      blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n'), expects, fixedClock });
    }
    i = end;
  }
  return blocks;
}

/** The README's runnable blocks. */
export const readmeBlocks = (): RunnableBlock[] => runnableBlocks(readFileSync(README, 'utf8'));

/** Runs `script` with `bash -euo pipefail`, killed after the block timeout. */
export function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), BLOCK_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
