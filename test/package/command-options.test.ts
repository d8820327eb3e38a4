/**
 * How the command runs Node: `npm start` passes `--v8-pool-size=0` (V8's helper threads sized to the
 * machine, README, Benchmarks), and the benchmark reads its options from that script
 * (`kitNodeOptions`) to start the mock the same way. The bin's first line stays a plain
 * `#!/usr/bin/env node`: `env -S`, which could pass options there, is refused by Alpine's BusyBox.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { kitNodeOptions } from '../../bench/processes.js';
import { ROOT } from '../helpers/cli.js';

const run = promisify(execFile);

describe('the command’s Node options', () => {
  it('are those of npm start, which sizes V8’s helper threads to the machine', () => {
    expect(kitNodeOptions(ROOT)).toEqual(['--v8-pool-size=0']);
  });

  it('leave the bin a plain `env node` program that runs as it is', async () => {
    const firstLine = readFileSync(join(ROOT, 'bin/hackatime-kit.js'), 'utf8').split('\n', 1)[0];
    expect(firstLine).toBe('#!/usr/bin/env node');
    const { stdout } = await run(join(ROOT, 'bin/hackatime-kit.js'), ['--help'], { cwd: ROOT, timeout: 30_000 });
    expect(stdout).toMatch(/^Usage: hackatime-kit/);
  });
});
