import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { docsAssets } from '../../src/docs/assets.js';
import { DEFAULT_TRY_IT_SERVER } from '../../src/docs/build.js';
import { hasRef } from '../../src/docs/dereference.js';
import { loadSpec } from '../../src/spec/load.js';
import { runCli, runCliInProcess } from '../helpers/cli.js';
import { DEMO_KEY } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';

interface SpecLike {
  servers: { url: string }[];
  paths: Record<string, unknown>;
}

/** What the page sees: `spec.js` run as a browser would run it. */
const specFromScript = (dir: string): SpecLike => {
  const window: { HACKATIME_SPEC?: SpecLike } = {};
  runInNewContext(readFileSync(join(dir, 'spec.js'), 'utf8'), { window });
  if (!window.HACKATIME_SPEC) throw new Error('spec.js did not set window.HACKATIME_SPEC');
  return window.HACKATIME_SPEC;
};

describe('hackatime-kit docs', () => {
  it('writes a static site whose page names only files that are beside it', async () => {
    const out = join(tempDir('docs-build'), 'site');
    const result = await runCli(['docs', '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`files to ${out}`);
    for (const name of ['index.html', 'spec.js', 'openapi.json', 'openapi.yaml', ...docsAssets().keys()])
      expect(existsSync(join(out, name)), name).toBe(true);

    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const links = [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      expect(link, 'relative, so any host and file:// work').not.toMatch(/^(\/|[a-z]+:)/);
      expect(existsSync(join(out, link)), link).toBe(true);
    }
    expect(html).toContain(DEMO_KEY);
  });

  it('ships the dereferenced spec, with a local mock as the try-it server by default', async () => {
    const out = tempDir('docs-build');
    expect((await runCliInProcess(['docs', '--out', out])).code).toBe(0);
    const json = JSON.parse(readFileSync(join(out, 'openapi.json'), 'utf8')) as SpecLike;
    expect(hasRef(json)).toBe(false);
    expect(Object.keys(json.paths)).toHaveLength(Object.keys(loadSpec().document.paths ?? {}).length);
    expect(json.servers[0]?.url).toBe(DEFAULT_TRY_IT_SERVER);
    expect(json.servers.map((s) => s.url)).toContain('https://hackatime.hackclub.com');
    expect(specFromScript(out)).toEqual(json);
  });

  it('points try it at --server', async () => {
    const out = tempDir('docs-build');
    expect((await runCliInProcess(['docs', '--out', out, '--server', 'http://localhost:5000/'])).code).toBe(0);
    expect(specFromScript(out).servers[0]?.url).toBe('http://localhost:5000');
  });

  it('exits 2 with a reason on bad usage', async () => {
    for (const args of [['docs'], ['docs', '--out', tempDir('docs-build'), '--server', 'ftp://x'], ['docs', '--bogus']]) {
      const result = await runCliInProcess(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^hackatime-kit docs: /);
    }
  });

  it.each([
    ['an existing file', (dir: string) => join(dir, 'plain'), (out: string) => `--out ${out}: is a file, not a folder`],
    [
      'a path under a file',
      (dir: string) => join(dir, 'plain', 'site'),
      (out: string) => `--out ${out}: ${out.slice(0, -5)} is a file, not a folder`,
    ],
    [
      'a folder holding a folder named like one of the files',
      (dir: string) => {
        mkdirSync(join(dir, 'site', 'index.html'), { recursive: true });
        return join(dir, 'site');
      },
      (out: string) => `--out ${out}: ${join(out, 'index.html')}: is a folder, not a file`,
    ],
  ])('exits 2 with one line, no stack trace, when --out is %s', async (_what, outIn, reason) => {
    const dir = tempDir('docs-build');
    writeFileSync(join(dir, 'plain'), 'not a folder');
    const out = outIn(dir);
    const result = await runCliInProcess(['docs', '--out', out]);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `hackatime-kit docs: ${reason(out)}\n` });
  });

  it('prints its help', async () => {
    const result = await runCliInProcess(['docs', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: hackatime-kit docs --out DIR');
  });
});
