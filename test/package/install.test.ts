/**
 * The packed kit works on its own: `npm pack` of the built tree (`npm test` builds first), installed
 * into an empty folder with npm's cache (filled by `npm ci`; the registry is asked only for what the
 * cache lacks), then used from there as a frontend project would: the command through `npx`, the
 * library's `startMock` and `createMockApp`, and an openapi-fetch client typed by
 * `hackatime-kit/types`, compiled (with `@ts-expect-error` on a misspelt field) and run; the browser
 * build (`hackatime-kit/browser`) and the MSW handlers (`hackatime-kit/msw`) with MSW's `setupServer`
 * in Node, and in headless Chromium from a page bundled by esbuild for the browser, called directly
 * and through MSW's service worker (./browser-consumer.ts).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMockApp } from '../../src/index.js';
import { describeInChromium, launchChromium, loggedPage } from '../browser/chromium.js';
import { answerOf, FORBIDDEN_IN_BROWSERS, PARITY_REQUESTS, type ParityAnswer } from '../browser/parity-requests.js';
import { ROOT } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import { bundlePage, MSW_PROGRAM, OPTIONS, STATS_PATH, serveStatic } from './browser-consumer.js';

const run = promisify(execFile);
const kit = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  devDependencies: Record<string, string>;
};

/** The consumer's program: every entry of the package, used the way the README shows. */
const PROGRAM = `import createClient from 'openapi-fetch';
import { createMockApp, startMock } from 'hackatime-kit';
import type { paths } from 'hackatime-kit/types';

const mock = await startMock({ seed: 42, now: '2026-08-22T18:30:00Z' });
try {
  const stats = await fetch(\`\${mock.url}/api/v1/users/demo/stats\`);
  const client = createClient<paths>({ baseUrl: mock.url });
  const { data } = await client.GET('/api/v1/users/{username}/projects', { params: { path: { username: 'demo' } } });
  // @ts-expect-error: the field is \`projects\`
  const misspelt: unknown = data?.projectz;
  const app = createMockApp({ seed: 42, now: new Date('2026-08-22T18:30:00Z') });
  const inProcess = await app.fetch(new Request('http://mock/api/v1/users/demo/projects'));
  const same = JSON.stringify(await inProcess.json()) === JSON.stringify(data);
  console.log(JSON.stringify({ stats: stats.status, projects: data?.projects.length, misspelt, inProcess: inProcess.status, same }));
} finally {
  await mock.close();
}
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023', 'DOM'],
    types: [],
    strict: true,
    skipLibCheck: true,
    outDir: 'out',
  },
  files: ['program.ts', 'msw-program.ts'],
};

describe('the packed kit, installed into an empty folder', () => {
  let dir = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('dist/ is missing: run `npm run build` first');
    dir = tempDir('installed-kit');
    // No scripts: `prepare` would rebuild dist/ while other tests read it; `npm test` built it.
    const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir], { cwd: ROOT });
    const tarball = stdout.trim().split('\n').pop() ?? '';
    expect(tarball).toBe(`${kit.name}-${kit.version}.tgz`);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const fetchClient = `openapi-fetch@${kit.devDependencies['openapi-fetch']}`;
    const msw = `msw@${kit.devDependencies['msw']}`;
    await run('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', `./${tarball}`, fetchClient, msw], {
      cwd: dir,
    });
    // Both programs compiled at once, against the package's declarations; the kit's own compiler:
    // the consumer needs none installed for this.
    writeFileSync(join(dir, 'program.ts'), PROGRAM);
    writeFileSync(join(dir, 'msw-program.ts'), MSW_PROGRAM);
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    await run(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], { cwd: dir });
  }, 120_000);

  it('ships the build, the spec and the runtime fixtures, and no tests or sources', () => {
    const installed = join(dir, 'node_modules', kit.name);
    for (const file of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/types/hackatime.d.ts',
      'dist/browser.d.ts',
      'dist/msw.d.ts',
      'dist/bundle/browser.js',
      'dist/bundle/msw.js',
      'openapi/hackatime.yaml',
      'fixtures/world/accounts.json',
      'CHANGELOG.md',
    ])
      expect(existsSync(join(installed, file)), file).toBe(true);
    for (const file of ['src', 'test', 'bench', 'tools', 'fixtures/coverage', 'fixtures/wakatime-cli', 'dist/index.js.map'])
      expect(existsSync(join(installed, file)), file).toBe(false);
  });

  it('runs the command through npx', async () => {
    const { stdout } = await run('npx', ['--no', '--', 'hackatime-kit', '--help'], { cwd: dir });
    expect(stdout).toContain('Usage: hackatime-kit');
  });

  it('compiles a typed client against hackatime-kit/types and runs startMock and createMockApp', async () => {
    const { stdout } = await run(process.execPath, ['out/program.js'], { cwd: dir, timeout: 30_000 });
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(result).toEqual({ stats: 200, projects: expect.any(Number), inProcess: 200, same: true });
    expect(result['projects']).toBeGreaterThan(0);
  });

  it('answers through hackatime-kit/browser and MSW handlers (setupServer) as hackatime-kit does', async () => {
    const { stdout } = await run(process.execPath, ['out/msw-program.js'], { cwd: dir, timeout: 30_000 });
    expect(JSON.parse(stdout)).toEqual({ browser: true, viaMsw: true, prefixed: true, posted: 202, kept: true });
  });

  describeInChromium('in Chromium', () => {
    it('bundles for the browser with no Node built-in, and answers directly and through MSW’s service worker', async () => {
      const { external, inputs } = await bundlePage(dir);
      expect(external).toEqual([]);
      expect(inputs.filter((input) => input.startsWith('node:'))).toEqual([]);
      expect(inputs.some((input) => input.includes('node_modules/hackatime-kit/dist/bundle/'))).toBe(true);
      const expected = await (await createMockApp(OPTIONS).fetch(new Request(`http://mock${STATS_PATH}`))).text();

      const site = await serveStatic(join(dir, 'public'));
      const chrome = await launchChromium();
      try {
        // Offline: a request the service worker does not answer fails instead of reaching the real server.
        await chrome.browser.route('https://hackatime.hackclub.com/**', (route) => route.abort());
        const fromWorker: boolean[] = [];
        chrome.browser.on('response', (res) => {
          if (res.url().startsWith('https://hackatime.hackclub.com/')) fromWorker.push(res.fromServiceWorker());
        });
        const { page, log } = await loggedPage(chrome.browser);
        await page.goto(site.url);
        const result = await page.evaluate(() => (globalThis as unknown as { result: Promise<unknown> }).result);
        expect(result).toEqual({ direct: { status: 200, body: expected }, viaWorker: { status: 200, body: expected } });
        expect(fromWorker).toEqual([true]);

        // The list the bundle test runs in Node, now in the page: the same answers, byte for byte.
        const requests = PARITY_REQUESTS.filter(
          (r) => !Object.keys(r.headers ?? {}).some((h) => FORBIDDEN_IN_BROWSERS.includes(h.toLowerCase())),
        );
        const node = createMockApp(OPTIONS);
        const expectedAnswers: ParityAnswer[] = [];
        for (const request of requests) expectedAnswers.push(await answerOf(node, request));
        const inPage = await page.evaluate(
          (list) => (globalThis as unknown as { answerAll(r: unknown): Promise<ParityAnswer[]> }).answerAll(list),
          requests,
        );
        expect(inPage).toEqual(expectedAnswers);
        expect(log.errors).toEqual([]);
      } finally {
        await chrome.close();
        await site.close();
      }
    });
  });
});
