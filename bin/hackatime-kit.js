#!/usr/bin/env node
// The built CLI, one bundle (tools/node-bundle.ts); `npm ci` builds it through the `prepare` script.
import { main } from '../dist/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
