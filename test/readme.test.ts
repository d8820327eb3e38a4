/**
 * The README is a user's manual whose examples run: every fenced block whose info string is
 * `sh runnable` runs with bash against a freshly started mock (seed 42, fixed clock), with the literal
 * `http://127.0.0.1:4010` replaced by that mock's address. It must exit 0 and print something; each
 * `<!-- expect: "TEXT" -->` line just above the block names text its output must contain.
 * The format is documented at the top of README.md.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/server/server.js';
import { ROOT } from './helpers/cli.js';
import { NOW, SEED } from './helpers/mock.js';

const README = join(ROOT, 'README.md');
const DEFAULT_URL = 'http://127.0.0.1:4010';
/** The longest block runs the contract twice over every operation (78 with the admin API). */
const BLOCK_TIMEOUT_MS = 60_000;

interface RunnableBlock {
  /** 1-based line of the opening fence. */
  line: number;
  code: string;
  expects: string[];
}

/** Runnable blocks of a Markdown text, with the `expect` comments that precede each. */
function runnableBlocks(markdown: string): RunnableBlock[] {
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
      for (let j = i - 1; j >= 0; j--) {
        const text = (lines[j] ?? '').trim();
        if (text === '') continue;
        const expect = /^<!--\s*expect:\s*"(.*)"\s*-->$/.exec(text);
        if (!expect) break;
        expects.unshift(expect[1] ?? '');
      }
      blocks.push({ line: i + 1, code: lines.slice(i + 1, end).join('\n'), expects });
    }
    i = end;
  }
  return blocks;
}

function runBash(script: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
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

describe('runnableBlocks', () => {
  it('finds marked blocks with their expectations and skips the others', () => {
    const md = [
      '```sh',
      'npm start',
      '```',
      '<!-- expect: "a" -->',
      '<!-- expect: "b "q"" -->',
      '',
      '```sh runnable',
      'curl x',
      'echo y',
      '```',
      '~~~sh runnable',
      'z',
      '~~~',
    ].join('\n');
    expect(runnableBlocks(md)).toEqual([
      { line: 7, code: 'curl x\necho y', expects: ['a', 'b "q"'] },
      { line: 11, code: 'z', expects: [] },
    ]);
  });
});

const blocks = runnableBlocks(readFileSync(README, 'utf8'));

describe('README examples run against a started mock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED, now: NOW });
  });
  afterAll(async () => mock?.close());

  // A promise the README makes: it shows runnable examples, so finding none is a failure.
  it('has runnable examples', () => {
    expect(blocks.length, 'README.md has no ```sh runnable block').toBeGreaterThan(0);
  });

  const check = async (block: RunnableBlock, where: string): Promise<void> => {
    const result = await runBash(block.code.split(DEFAULT_URL).join(mock.url));
    const context = `${where}\n${block.code}\nstderr: ${result.stderr}`;
    expect(result.code, context).toBe(0);
    expect(result.stdout.trim(), context).not.toBe('');
    for (const text of block.expects) expect(result.stdout, context).toContain(text);
  };

  // The runner itself, on an endpoint that needs no world data, so a README failure means the README.
  it('runs a block against the started mock', async () => {
    await check({ line: 0, code: `curl -fsS ${DEFAULT_URL}/api/v1/banned_users/counts`, expects: ['{'] }, 'self-check');
  });

  for (const block of blocks) {
    it(`README.md:${block.line} runs`, () => check(block, `README.md:${block.line}`), BLOCK_TIMEOUT_MS + 5_000);
  }
});
