/**
 * Writes `src/types/hackatime.ts` (the package's `hackatime-kit/types`) from the bundled spec with
 * openapi-typescript, or with `--check` says in one line whether the committed file is current.
 * It lives in its own folder because openapi-typescript builds its output with the TypeScript 5 JS
 * API, which the TypeScript 7 the kit compiles with does not have; `tools/typegen/package.json`
 * gives it that TypeScript beside it.
 * Usage: tsx tools/typegen/generate.ts [--check] [--out FILE]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { bundleSpec } from '../../src/spec/bundle.js';
import { SPEC_ROOT } from '../../src/spec/load.js';

const TARGET = fileURLToPath(new URL('../../src/types/hackatime.ts', import.meta.url));
const HEADER = `/**
 * The Hackatime API's types (\`paths\`, \`components\`, \`operations\`), generated from
 * openapi/hackatime.yaml by openapi-typescript: run \`npm run types\` after changing the spec;
 * \`npm run lint\` fails while this file is not current. Do not edit by hand.
 * @example
 * import createClient from 'openapi-fetch';
 * import type { paths } from 'hackatime-kit/types';
 * const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' });
 */
`;

/** The generated module's text for the spec as it is now. */
async function generate(): Promise<string> {
  const { document } = bundleSpec(SPEC_ROOT);
  const ast = await openapiTS(document as unknown as OpenAPI3);
  return `${HEADER}${astToString(ast)}`;
}

const { values } = parseArgs({ options: { check: { type: 'boolean' }, out: { type: 'string' } } });
const out = values.out ?? TARGET;
const text = await generate();
if (values.check) {
  let current: string | undefined;
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    current = undefined;
  }
  if (current !== text) {
    process.stderr.write(`${relative(process.cwd(), out)} is not current with the spec: run \`npm run types\`\n`);
    process.exitCode = 1;
  }
} else {
  writeFileSync(out, text);
}
