/**
 * The browser build's size, as a page pays for it: `hackatime-kit/browser` (its entry and the chunks
 * it imports statically) and `hackatime-kit/msw` on top, minified (as built) and gzipped (level 9),
 * read from `dist/bundle/` (`npm run bench` builds first).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Row {
  name: string;
  value: string;
  target: string;
  ok: boolean;
}

/** Above this, gzipped, the page's first load grows noticeably: a change that crosses it is worth a look. */
const BROWSER_GZIP_TARGET_KB = 400;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** `file` and the chunks it imports statically, transitively (what loading it loads). */
function staticClosure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dir, file), 'utf8');
  for (const m of text.matchAll(/from ?"\.\/(chunk-[A-Za-z0-9_-]+\.js)"/g)) if (m[1]) staticClosure(dir, m[1], seen);
  return seen;
}

/**
 * The rows of the browser build: bytes minified and gzipped of each entry with what it imports
 * statically; the chunks only a dynamic `import()` loads (Faker, for generated bodies) are shown
 * apart, since a page pays for them only when it asks for such a body.
 */
export function browserSizeRows(root: string): Row[] {
  const dir = join(root, 'dist/bundle');
  const read = (file: string) => readFileSync(join(dir, file));
  const onLoad = staticClosure(dir, 'browser.js');
  const browser = Buffer.concat([...onLoad].map(read));
  const msw = read('msw.js');
  const lazy = readdirSync(dir).filter((file) => file.startsWith('chunk-') && file.endsWith('.js') && !onLoad.has(file));
  const lazyBytes = Buffer.concat(lazy.map(read));
  const browserGzip = gzipSync(browser, { level: 9 }).length;
  const withMsw = gzipSync(Buffer.concat([browser, msw]), { level: 9 }).length;
  return [
    {
      name: 'browser build (hackatime-kit/browser), minified / gzip',
      value: `${kb(browser.length)} / ${kb(browserGzip)}`,
      target: `< ${BROWSER_GZIP_TARGET_KB} KB gzip`,
      ok: browserGzip < BROWSER_GZIP_TARGET_KB * 1024,
    },
    { name: '  with hackatime-kit/msw (msw itself not counted), gzip', value: kb(withMsw), target: '', ok: true },
    {
      name: '  loaded with the first generated body (Faker), minified / gzip',
      value: `${kb(lazyBytes.length)} / ${kb(gzipSync(lazyBytes, { level: 9 }).length)}`,
      target: '',
      ok: true,
    },
  ];
}
