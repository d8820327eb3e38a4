/**
 * Writes the bundle cache of each spec root named on the command line (run by `npm run build`).
 * Usage: node dist/spec/prebundle.js openapi/hackatime.yaml [more roots…]
 */
import { resolve } from 'node:path';
import { writeBundleCache } from './bundle-cache.js';

for (const root of process.argv.slice(2)) writeBundleCache(resolve(root));
