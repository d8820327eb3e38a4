import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'hackatime-lint-'));
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

describe('hackatime-kit lint', () => {
  it('finds 0 errors and 0 warnings in the spec and exits 0', async () => {
    const result = await runCli(['lint']);
    expect(result.stdout).toMatch(/^0 problems \(0 errors, 0 warnings/m);
    expect(result.code).toBe(0);
  });

  it.each([
    [
      'an operation without operationId',
      'no-operation-id',
      (d: string) => edit(join(d, 'paths/summary.yaml'), /^(\s+)operationId: getSummary\n/m, ''),
      /paths\/summary\.yaml:\d+:\d+ error operation-operationId/,
    ],
    [
      'an operation without a tag',
      'no-tag',
      (d: string) => edit(join(d, 'paths/currently-hacking.yaml'), /^\s+tags: \[Public\]\n/m, ''),
      /paths\/currently-hacking\.yaml:\d+:\d+ error (operation-tags|hackatime-operation-single-tag)/,
    ],
    [
      'an example that does not fit its schema',
      'bad-example',
      (d: string) => edit(join(d, 'paths/banned-users-counts.yaml'), /day: \d+/, 'day: "three"'),
      /paths\/banned-users-counts\.yaml:\d+:\d+ error oas3-valid-media-example/,
    ],
    [
      'a secured operation without 401',
      'no-401',
      (d: string) =>
        edit(join(d, 'paths/lookup-email.yaml'), /^(\s+)'?401'?:\n\s+\$ref: \.\.\/components\/responses\/Unauthorized\.yaml\n/m, ''),
      /paths\/lookup-email\.yaml:\d+:\d+ error hackatime-secured-401/,
    ],
    [
      'a component file nobody references',
      'unused',
      (d: string) => writeFileSync(join(d, 'components/schemas/Orphan.yaml'), 'type: string\n'),
      /components\/schemas\/Orphan\.yaml:1:1 error hackatime-unused-component/,
    ],
  ])('exits 1 on a spec with %s, naming file:line and the rule', async (_what, name, plant, expected) => {
    const root = plantedSpec(name, plant);
    const result = await runCli(['lint', '--spec', root]);
    expect(result.stdout).toMatch(expected);
    expect(result.code).toBe(1);
  });

  it('exits 2 with a one-line reason when the spec does not exist', async () => {
    const result = await runCli(['lint', '--spec', join(work, 'nope.yaml')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});
