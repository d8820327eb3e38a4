/**
 * The command's bundle (`tools/node-bundle.ts`, what `bin/hackatime-kit.js` runs) is the program tsc
 * builds: each command stays a chunk loaded only when it runs (the mock's start-up reaches neither
 * Spectral nor the contract runner), and the bundle, written to a folder of its own, finds the spec,
 * the fixtures and Swagger UI where tsc's modules find them and answers as the library's mock does.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../src/index.js';
import type { Bundle } from '../../tools/esbuild-bundle.js';
import { bundleNode } from '../../tools/node-bundle.js';
import { ROOT } from '../helpers/cli.js';
import { NOW, SEED } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';

/** The inputs an output reaches through static imports (what loading it loads). */
function staticInputs(metafile: Metafile, output: string): Set<string> {
  const outputs = new Set<string>();
  const visit = (file: string) => {
    if (outputs.has(file)) return;
    outputs.add(file);
    for (const i of metafile.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) visit(i.path);
  };
  visit(output);
  const externals = [...outputs].flatMap((file) =>
    (metafile.outputs[file]?.imports ?? []).filter((i) => i.external && i.kind === 'import-statement').map((i) => i.path),
  );
  return new Set([...[...outputs].flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})), ...externals]);
}

/** The output whose entry is the module `input` (a command's chunk). */
function outputOf(metafile: Metafile, input: string): string {
  const found = Object.entries(metafile.outputs).find(([, o]) => o.entryPoint === input);
  if (!found) throw new Error(`no chunk has ${input} as its entry`);
  return found[0];
}

/** Runs the bundle's `mock` in a child process; its URL once it listens, and a way to stop it. */
function startBundledMock(cli: string): Promise<{ url: string; stop: () => void }> {
  const program = `const { main } = await import(${JSON.stringify(pathToFileURL(cli).href)});
process.exitCode = await main(['mock', '--quiet', '--port', '0', '--seed', '${SEED}', '--now', '${new Date(NOW).toISOString()}']);`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /listening on (\S+)/.exec(stdout)?.[1];
      if (url) resolve({ url, stop: () => child.kill('SIGINT') });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`the bundled mock exited with ${code} before listening`)));
  });
}

describe("the command's bundle", () => {
  let outdir = '';
  let bundle: Bundle;

  beforeAll(async () => {
    outdir = tempDir('node-bundle');
    bundle = await bundleNode(outdir);
  }, 60_000);

  it('loads each command only when it runs: the mock reaches neither Spectral, the runner nor Faker', () => {
    const { metafile } = bundle;
    const entry = staticInputs(metafile, outputOf(metafile, 'src/cli.ts'));
    const mock = staticInputs(metafile, outputOf(metafile, 'src/server/command.ts'));
    for (const command of ['src/server/command.ts', 'src/contract/command.ts', 'src/docs/command.ts', 'src/docs/lint/command.ts']) {
      expect(entry, command).not.toContain(command);
    }
    expect([...mock].filter((input) => /^src\/(contract|docs\/lint)\//.test(input) || input.startsWith('@stoplight/'))).toEqual([]);
    // The packages the mock starts with are inside; Ajv stays a package, loaded on first use.
    expect([...mock].some((input) => input.startsWith('node_modules/hono/'))).toBe(true);
    expect([...mock].filter((input) => input.startsWith('node_modules/ajv'))).toEqual([]);
    // Faker's English locale (3 MB of heap) loads with the first generated body, not at start.
    expect([...mock].filter((input) => input.includes('@faker-js/'))).toEqual([]);
    expect(Object.keys(metafile.inputs).some((input) => input.includes('@faker-js/'))).toBe(true);
  });

  it('runs from a folder of its own and answers as the library does', async () => {
    const { url, stop } = await startBundledMock(join(outdir, 'cli.js'));
    try {
      const path = '/api/v1/users/demo/stats?features=projects,languages';
      const served = await fetch(`${url}${path}`);
      const local = await createMockApp({ seed: SEED, now: new Date(NOW) }).fetch(new Request(`http://mock${path}`));
      expect(served.status).toBe(200);
      expect(await served.text()).toBe(await local.text());
      // Swagger UI's files come from node_modules, found from the docs room's own place.
      const css = await fetch(`${url}/docs/swagger-ui.css`);
      expect(css.status).toBe(200);
      expect((await css.text()).length).toBeGreaterThan(1000);
    } finally {
      stop();
    }
  });
});
