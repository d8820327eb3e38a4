/**
 * The README is a user's manual whose examples run: every fenced block whose info string is
 * `sh runnable` runs with bash against a freshly started mock (seed 42, fixed clock), with the literal
 * `http://127.0.0.1:4010` replaced by that mock's address. It must exit 0 and print something; each
 * `<!-- expect: "TEXT" -->` line just above the block names text its output must contain.
 * The format is documented at the top of README.md. The curl and fetch blocks run again against a
 * mock on the real clock (below).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/server/server.js';
import { worldFixtures } from '../src/world/fixtures.js';
import { localDate, startOfLocalDay } from '../src/world/time-zone.js';
import { NOW, SEED } from './helpers/mock.js';
import { BLOCK_TIMEOUT_MS, DEFAULT_URL, type RunnableBlock, readmeBlocks, runBash, runnableBlocks } from './helpers/readme.js';

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
      '<!-- fixed-clock -->',
      '~~~sh runnable',
      'z',
      '~~~',
    ].join('\n');
    expect(runnableBlocks(md)).toEqual([
      { line: 7, code: 'curl x\necho y', expects: ['a', 'b "q"'], fixedClock: false },
      { line: 12, code: 'z', expects: [], fixedClock: true },
    ]);
  });
});

const blocks = readmeBlocks();

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
    await check({ line: 0, code: `curl -fsS ${DEFAULT_URL}/api/v1/banned_users/counts`, expects: ['{'], fixedClock: false }, 'self-check');
  });

  for (const block of blocks) {
    it(`README.md:${block.line} runs`, () => check(block, `README.md:${block.line}`), BLOCK_TIMEOUT_MS + 5_000);
  }
});

/*
 * With no `--now`, the README's examples still show data: every runnable curl or fetch block runs
 * against a mock on the real clock (seed 42) and must exit 0 (curl -f: a documented 2xx) with the
 * text it promises. A block that reports coding time (`total_seconds`) must report some: an example
 * that shows only zeros today is one that needs the fixed clock, and says so with
 * `<!-- fixed-clock -->` above it (it names dates of the fixed-clock world); such a block must still
 * run, its data may be empty. In this file, after the fixed-clock run, so that the two never load
 * the machine at once.
 */
// The examples that ask the mock for data (curl, fetch); the contract runner's blocks are checked
// against a real-clock mock by test/contract/send/target.test.ts and the runner's own tests.
const dataBlocks = blocks.filter((b) => /\bcurl\b|\bfetch\(/.test(b.code) && !/hackatime-kit contract/.test(b.code));

/**
 * Whether the demo user's local day began less than ten minutes before `instant`: then "today" may
 * rightly be empty (its live session's heartbeats are 20 to 150 s apart, and time needs two of
 * them today), so an example about today is not asked to show time.
 */
function demoDayJustBegun(instant: number): boolean {
  const zone = worldFixtures().accounts.demo.user.timezone;
  return instant - startOfLocalDay(localDate(instant, zone), zone) < 10 * 60_000;
}

/** Every `total_seconds` the output reports. */
const totals = (output: string): number[] => [...output.matchAll(/"total_seconds":\s*(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));

describe('README examples against a mock on the real clock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED });
  });
  afterAll(async () => mock?.close());

  it('marks some examples as needing the fixed clock, not all', () => {
    expect(dataBlocks.some((b) => b.fixedClock)).toBe(true);
    expect(dataBlocks.filter((b) => !b.fixedClock).length).toBeGreaterThan(dataBlocks.length / 2);
  });

  for (const block of dataBlocks) {
    const title = `README.md:${block.line} ${block.fixedClock ? 'runs (fixed-clock example)' : 'runs and shows data'}`;
    it(
      title,
      async () => {
        const ranAt = Date.now();
        const result = await runBash(block.code.split(DEFAULT_URL).join(mock.url));
        const context = `README.md:${block.line} (real clock, now ${new Date().toISOString()})\n${block.code}\nstdout: ${result.stdout.slice(0, 600)}\nstderr: ${result.stderr}`;
        expect(result.code, context).toBe(0);
        expect(result.stdout.trim(), context).not.toBe('');
        for (const text of block.expects) expect(result.stdout, context).toContain(text);
        const reported = totals(result.stdout);
        const todayMayBeEmpty = /\/today\b/.test(block.code) && demoDayJustBegun(ranAt);
        if (!block.fixedClock && !todayMayBeEmpty && reported.length > 0) {
          expect(Math.max(...reported), `${context}\nonly zero totals`).toBeGreaterThan(0);
        }
      },
      BLOCK_TIMEOUT_MS + 5_000,
    );
  }
});
