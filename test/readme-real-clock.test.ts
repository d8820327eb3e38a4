/**
 * With no `--now`, the README's examples still show data: every runnable curl or fetch block runs
 * against a mock on the real clock (seed 42) and must exit 0 (curl -f: a documented 2xx) with the text it promises. A
 * block that reports coding time (`total_seconds`) must report some: an example that shows only
 * zeros today is one that needs the fixed clock, and says so with `<!-- fixed-clock -->` above it
 * (it names dates of the fixed-clock world); such a block must still run, its data may be empty.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../src/server/server.js';
import { SEED } from './helpers/mock.js';
import { BLOCK_TIMEOUT_MS, DEFAULT_URL, readmeBlocks, runBash } from './helpers/readme.js';

// The examples that ask the mock for data (curl, fetch); the contract runner's blocks are checked
// against a real-clock mock by test/contract/send/target.test.ts and the runner's own tests.
const blocks = readmeBlocks().filter((b) => /\bcurl\b|\bfetch\(/.test(b.code) && !/hackatime-kit contract/.test(b.code));

/** Every `total_seconds` the output reports. */
const totals = (output: string): number[] => [...output.matchAll(/"total_seconds":\s*(\d+(?:\.\d+)?)/g)].map((m) => Number(m[1]));

describe('README examples against a mock on the real clock', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED });
  });
  afterAll(async () => mock?.close());

  it('marks some examples as needing the fixed clock, not all', () => {
    expect(blocks.some((b) => b.fixedClock)).toBe(true);
    expect(blocks.filter((b) => !b.fixedClock).length).toBeGreaterThan(blocks.length / 2);
  });

  for (const block of blocks) {
    const title = `README.md:${block.line} ${block.fixedClock ? 'runs (fixed-clock example)' : 'runs and shows data'}`;
    it(
      title,
      async () => {
        const result = await runBash(block.code.split(DEFAULT_URL).join(mock.url));
        const context = `README.md:${block.line} (real clock, now ${new Date().toISOString()})\n${block.code}\nstdout: ${result.stdout.slice(0, 600)}\nstderr: ${result.stderr}`;
        expect(result.code, context).toBe(0);
        expect(result.stdout.trim(), context).not.toBe('');
        for (const text of block.expects) expect(result.stdout, context).toContain(text);
        const reported = totals(result.stdout);
        if (!block.fixedClock && reported.length > 0) expect(Math.max(...reported), `${context}\nonly zero totals`).toBeGreaterThan(0);
      },
      BLOCK_TIMEOUT_MS + 5_000,
    );
  }
});
