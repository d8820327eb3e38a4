/**
 * The browser build's size, as a page pays for it: `hackatime-kit/browser` (its entry and the chunk
 * it imports) and `hackatime-kit/msw` on top, minified (as built) and gzipped (level 9), read from
 * `dist/bundle/` (`npm run bench` builds first).
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

/** The rows of the browser build: bytes minified and gzipped of each entry with what it imports. */
export function browserSizeRows(root: string): Row[] {
  const dir = join(root, 'dist/bundle');
  const read = (file: string) => readFileSync(join(dir, file));
  const chunks = readdirSync(dir).filter((file) => file.startsWith('chunk-'));
  const browser = Buffer.concat([read('browser.js'), ...chunks.map(read)]);
  const msw = read('msw.js');
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
  ];
}
