/**
 * Writes `parameter-validators.cjs` beside this module (run by `npm run build`, after tsc): the
 * validators of the parameter schemas of the spec and of the mock's admin spec, which the Node
 * platform loads instead of compiling them with Ajv (`parameter-validators.ts`).
 * Usage: node dist/spec/precompile.js
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSpec } from './load.js';
import { parameterValidatorsSource } from './parameter-validators.js';
import { ADMIN_SPEC_ROOT, SPEC_ROOT } from './platform.js';

const source = parameterValidatorsSource([loadSpec(SPEC_ROOT).document, loadSpec(ADMIN_SPEC_ROOT).document]);
writeFileSync(fileURLToPath(new URL('./parameter-validators.cjs', import.meta.url)), source);
