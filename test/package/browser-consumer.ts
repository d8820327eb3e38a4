/**
 * What a frontend project writes to use the browser build, for test/package/install.test.ts: a Node
 * program with MSW's `setupServer`, a page script bundled by esbuild for the browser (the mock called
 * directly and through MSW's service worker), and the small static server that serves the page.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { build } from 'esbuild';

export const OPTIONS = { seed: 42, now: '2026-08-22T18:30:00Z' } as const;
export const STATS_PATH = '/api/v1/users/demo/stats';

/**
 * MSW's `setupServer` with the kit's handlers at the real server's origin and at a prefixed base URL;
 * prints whether each answer is `hackatime-kit`'s, and whether a posted heartbeat is kept. Compiled
 * against the package's declarations for `./browser` and `./msw`.
 */
export const MSW_PROGRAM = `import { setupServer } from 'msw/node';
import { createMockApp } from 'hackatime-kit';
import { createMockApp as browserMockApp } from 'hackatime-kit/browser';
import { HACKATIME_ORIGIN, hackatimeHandlers } from 'hackatime-kit/msw';

const options = ${JSON.stringify(OPTIONS)};
const path = '${STATS_PATH}';
const expected = await (await createMockApp(options).fetch(new Request(\`http://mock\${path}\`))).text();
const browser = await (await browserMockApp(options).fetch(new Request(\`http://mock\${path}\`))).text();
const server = setupServer(...hackatimeHandlers(options), ...hackatimeHandlers({ ...options, baseUrl: 'http://localhost:5173/hackatime/' }));
server.listen({ onUnhandledRequest: 'error' });
try {
  const viaMsw = await (await fetch(\`\${HACKATIME_ORIGIN}\${path}\`)).text();
  const prefixed = await (await fetch(\`http://localhost:5173/hackatime\${path}\`)).text();
  const posted = await fetch(\`\${HACKATIME_ORIGIN}/api/hackatime/v1/users/current/heartbeats\`, {
    method: 'POST',
    headers: { Authorization: 'Bearer 11111111-1111-4111-8111-111111111111', 'Content-Type': 'application/json' },
    body: JSON.stringify({ entity: 'src/app.ts', type: 'file', time: 1787423000, project: 'msw-demo' }),
  });
  const { projects } = (await (await fetch(\`\${HACKATIME_ORIGIN}/api/v1/users/demo/projects\`)).json()) as { projects: string[] };
  console.log(JSON.stringify({ browser: browser === expected, viaMsw: viaMsw === expected, prefixed: prefixed === expected, posted: posted.status, kept: projects.includes('msw-demo') }));
} finally {
  server.close();
}
`;

/** The page's script: the mock called directly, then the same request through MSW's service worker. */
const PAGE = `import { createMockApp } from 'hackatime-kit/browser';
import { hackatimeHandlers } from 'hackatime-kit/msw';
import { setupWorker } from 'msw/browser';

const options = ${JSON.stringify(OPTIONS)};
const url = 'https://hackatime.hackclub.com${STATS_PATH}';
async function run() {
  const direct = await createMockApp(options).fetch(new Request(url));
  const result = { direct: { status: direct.status, body: await direct.text() } };
  await setupWorker(...hackatimeHandlers(options)).start({ quiet: true, onUnhandledRequest: 'bypass' });
  const viaWorker = await fetch(url);
  result.viaWorker = { status: viaWorker.status, body: await viaWorker.text() };
  return result;
}
window.result = run().catch((err) => ({ error: String(err?.stack ?? err) }));
// The test sends its own list of requests through one mock, in order (test/browser/parity-requests.ts).
window.answerAll = async (requests) => {
  const app = createMockApp(options);
  const answers = [];
  for (const { method, path, headers, body } of requests) {
    const res = await app.fetch(new Request('http://mock' + path, { method, redirect: 'manual', headers, body }));
    answers.push({ status: res.status, headers: [...res.headers.entries()], body: await res.text() });
  }
  return answers;
};
`;

const HTML =
  '<!doctype html><link rel="icon" href="data:,"><title>hackatime-kit in the browser</title><script type="module" src="/page.js"></script>';

/**
 * Bundles the page for the browser from the project in `dir` (its node_modules), as a Vite or esbuild
 * setup would, into `dir/public` with MSW's worker script and the HTML. Returns what the bundle left
 * to the runtime (nothing, for a browser) and the modules it holds.
 */
export async function bundlePage(dir: string): Promise<{ external: string[]; inputs: string[] }> {
  mkdirSync(join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'page.js'), PAGE);
  writeFileSync(join(dir, 'public/index.html'), HTML);
  copyFileSync(join(dir, 'node_modules/msw/lib/mockServiceWorker.js'), join(dir, 'public/mockServiceWorker.js'));
  const result = await build({
    absWorkingDir: dir,
    entryPoints: ['page.js'],
    outfile: 'public/page.js',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    metafile: true,
    logLevel: 'silent',
  });
  const external = Object.values(result.metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external).map((i) => i.path));
  return { external, inputs: Object.keys(result.metafile.inputs) };
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

/** Serves `root` on loopback (a service worker needs a secure context; http://127.0.0.1 is one). */
export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const file = normalize(req.url === '/' ? 'index.html' : ((req.url ?? '').slice(1).split('?')[0] ?? ''));
    try {
      if (file.startsWith('..')) throw new Error('outside the root');
      const body = readFileSync(join(root, file));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
