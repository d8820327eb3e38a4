import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCliInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';

const work = tempDir('hackatime-lint');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the project's spec with one defect planted by `plant`. */
function plantedSpec(name: string, plant: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(join(ROOT, 'openapi'), dir, { recursive: true });
  plant(dir);
  return join(dir, 'hackatime.yaml');
}

const edit = (file: string, from: string | RegExp, to: string) => {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace in ${file}`);
  writeFileSync(file, next);
};

// Spectral over the whole spec (78 operations), twice in some tests: more than the default 30 s beside the suite.
describe('hackatime-kit lint', { timeout: 90_000 }, () => {
  it('finds 0 errors and 0 warnings in the spec and exits 0', async () => {
    const result = await runCliInProcess(['lint']);
    expect(result.stdout).toMatch(/^0 problems \(0 errors, 0 warnings/m);
    expect(result.code).toBe(0);
  });

  /** Six defects, each in its own file, planted in one copy of the spec: one lint run finds them all. */
  const DEFECTS = [
    [
      'an operation without operationId',
      (d: string) => edit(join(d, 'paths/summary.yaml'), /^(\s+)operationId: getSummary\n/m, ''),
      /paths\/summary\.yaml:\d+:\d+ error operation-operationId/,
    ],
    [
      'an operation without a tag',
      (d: string) => edit(join(d, 'paths/currently-hacking.yaml'), /^\s+tags: \[Public\]\n/m, ''),
      /paths\/currently-hacking\.yaml:\d+:\d+ error (operation-tags|hackatime-operation-single-tag)/,
    ],
    [
      'an example that does not fit its schema',
      (d: string) => edit(join(d, 'paths/banned-users-counts.yaml'), /day: \d+/, 'day: "three"'),
      /paths\/banned-users-counts\.yaml:\d+:\d+ error oas3-valid-media-example/,
    ],
    [
      'a secured operation without 401',
      (d: string) =>
        edit(join(d, 'paths/lookup-email.yaml'), /^(\s+)'?401'?:\n\s+\$ref: \.\.\/components\/responses\/Unauthorized\.yaml\n/m, ''),
      /paths\/lookup-email\.yaml:\d+:\d+ error hackatime-secured-401/,
    ],
    [
      'an x-float mark on a number without format: double',
      (d: string) => edit(join(d, 'components/schemas/Span.yaml'), /(start_time:\n\s+type: number\n)\s+format: double\n/, '$1'),
      /components\/schemas\/Span\.yaml:\d+:\d+ error hackatime-x-float/,
    ],
    [
      'a component file nobody references',
      (d: string) => writeFileSync(join(d, 'components/schemas/Orphan.yaml'), 'type: string\n'),
      /components\/schemas\/Orphan\.yaml:1:1 error hackatime-unused-component/,
    ],
  ] as const;

  it('exits 1 on a spec with planted defects, naming file:line and the rule of each', async () => {
    const root = plantedSpec('defects', (dir) => {
      for (const [, plant] of DEFECTS) plant(dir);
    });
    const result = await runCliInProcess(['lint', '--spec', root]);
    for (const [what, , expected] of DEFECTS) expect(result.stdout, what).toMatch(expected);
    expect(result.code).toBe(1);
  });

  it('exits 2 with a one-line reason when the spec does not exist or is a folder', async () => {
    const missing = join(work, 'nope.yaml');
    expect(await runCliInProcess(['lint', '--spec', missing])).toEqual({
      code: 2,
      stdout: '',
      stderr: `hackatime-kit lint: --spec ${missing}: no such file\n`,
    });
    expect(await runCliInProcess(['lint', '--spec', work])).toEqual({
      code: 2,
      stdout: '',
      stderr: `hackatime-kit lint: --spec ${work}: is a folder, not a file\n`,
    });
  });

  it('names files as --spec was given: absolute stays absolute, relative stays relative to the working directory', async () => {
    const root = plantedSpec('named-as-given', (d) => edit(join(d, 'paths/currently-hacking.yaml'), /^\s+tags: \[Public\]\n/m, ''));
    const planted = (rootFile: string) => join(dirname(rootFile), 'paths/currently-hacking.yaml');
    const absolute = await runCliInProcess(['lint', '--spec', root]);
    expect(absolute.stdout.split('\n')[0]?.startsWith(`${planted(root)}:`)).toBe(true);
    const given = relative(process.cwd(), root);
    expect(given.startsWith('/')).toBe(false);
    const relativeRun = await runCliInProcess(['lint', '--spec', given]);
    expect(relativeRun.stdout.split('\n')[0]?.startsWith(`${planted(given)}:`)).toBe(true);
    const json = JSON.parse((await runCliInProcess(['lint', '--spec', given, '--format', 'json'])).stdout) as { file: string }[];
    expect(json.map((f) => f.file)).toContain(planted(given));
  });
});
