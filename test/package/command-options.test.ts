/**
 * The command runs Node with the options on its bin's first line (`#!/usr/bin/env -S node …`), and
 * `npm start` passes the same ones; the benchmark reads them from the bin (`kitNodeOptions`) and
 * starts the mock as the bin does. The three cannot drift apart.
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
  it('are the bin’s and those of npm start alike', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const start = /^node((?: --\S+)*) bin\/hackatime-kit\.js mock$/.exec(pkg.scripts['start'] ?? '');
    expect(start, pkg.scripts['start']).not.toBeNull();
    const options = kitNodeOptions(ROOT);
    expect(options).toContain('--v8-pool-size=0');
    expect((start?.[1] ?? '').trim().split(' ')).toEqual(options);
  });

  it('let the bin run as a program, through its first line', async () => {
    const { stdout } = await run(join(ROOT, 'bin/hackatime-kit.js'), ['--help'], { cwd: ROOT, timeout: 30_000 });
    expect(stdout).toMatch(/^Usage: hackatime-kit/);
  });
});
