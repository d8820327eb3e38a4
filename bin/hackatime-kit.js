#!/usr/bin/env node
// A plain `env node`: `env -S` (to pass Node options here) is GNU and BSD only, and Alpine's
// BusyBox refuses it. `npm start` runs this with `--v8-pool-size=0` (README, Benchmarks).
// The built CLI, one bundle (tools/node-bundle.ts); `npm ci` builds it through the `prepare` script.
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
