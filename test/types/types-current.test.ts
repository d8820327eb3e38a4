/**
 * `npm run lint` fails while `src/types/hackatime.ts` lags the spec: the check regenerates the types
 * from the bundled spec and compares, and a stale file gets one line that names the command to run.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const run = promisify(execFile);
const check = (out: string) =>
  run(process.execPath, ['--import', 'tsx', 'tools/typegen/generate.ts', '--check', '--out', out], { cwd: ROOT });

describe('the check that the client types are current', () => {
  // That it passes on the committed file, `npm run lint` shows on every run.
  it('fails in one line on a stale file', async () => {
    const stale = join(tempDir('stale-types'), 'hackatime.ts');
    writeFileSync(stale, readFileSync(join(ROOT, 'src/types/hackatime.ts'), 'utf8').replace('projects: string[];', 'projects: number[];'));
    const failure = await check(stale).then(
      () => undefined,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/^\S+hackatime\.ts is not current with the spec: run `npm run types`\n$/);
  });
});
