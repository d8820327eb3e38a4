#!/usr/bin/env -S node --v8-pool-size=0
// `--v8-pool-size=0`: V8's helper threads (GC, compilation) sized to the machine's cores rather
// than Node's fixed four, which on a two-core machine compete with the mock's one JavaScript thread
// (README, Benchmarks). `npm start` passes the same options (a test holds the two equal).
// The built CLI, one bundle (tools/node-bundle.ts); `npm ci` builds it through the `prepare` script.
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
