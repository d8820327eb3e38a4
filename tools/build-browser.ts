/**
 * `npm run build`'s last step: the browser bundle into `dist/bundle/` (tools/browser-bundle.ts).
 */
import { bundleBrowser } from './browser-bundle.js';

const { outputs } = await bundleBrowser();
const total = outputs.reduce((sum, o) => sum + o.bytes, 0);
console.log(`dist/bundle: ${outputs.map((o) => o.file).join(', ')} (${(total / 1024).toFixed(0)} KiB minified)`);
