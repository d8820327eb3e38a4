/**
 * `npm run build`'s last step, after tsc: the browser bundle into `dist/bundle/`
 * (tools/browser-bundle.ts) and the command's bundle into `dist/node/` (tools/node-bundle.ts).
 */
import { bundleBrowser } from './browser-bundle.js';
import { bundleNode } from './node-bundle.js';

const [browser, node] = await Promise.all([bundleBrowser(), bundleNode()]);
const kib = (outputs: { bytes: number }[]) => (outputs.reduce((sum, o) => sum + o.bytes, 0) / 1024).toFixed(0);
console.log(`dist/bundle: ${browser.outputs.map((o) => o.file).join(', ')} (${kib(browser.outputs)} KiB minified)`);
console.log(`dist/node: ${node.outputs.length} files (${kib(node.outputs)} KiB)`);
