/**
 * @module
 * `hackatime-kit lint [--spec FILE] [--format text|json]`.
 */

import { relative } from 'node:path';
import { parseCommandArgs } from '../../spec/command-args.js';
import { UsageError } from '../../spec/errors.js';
import { SPEC_ROOT } from '../../spec/load.js';
import { requireReadable } from '../../spec/user-paths.js';
import { formatFindings, lintSpec } from './lint.js';

const HELP = `Usage: hackatime-kit lint [--spec FILE] [--format text|json]

Lints the spec with Spectral's OAS ruleset and the project's rules.
Exits 1 when there is any error, 0 otherwise.

  --spec FILE      root file of the spec (default: the bundled Hackatime spec); findings name
                   files as FILE was given (absolute, or relative to the current folder)
  --format FORMAT  text (file:line:col severity rule message) or json
`;

export async function lintCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, {
    spec: { type: 'string' },
    format: { type: 'string', default: 'text' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  if (values.spec !== undefined) requireReadable('--spec', values.spec, 'file');
  // Findings name files as --spec was given; the bundled spec, relative to where the command runs.
  const findings = await lintSpec(values.spec ?? relative(process.cwd(), SPEC_ROOT));
  process.stdout.write(values.format === 'json' ? `${JSON.stringify(findings, null, 2)}\n` : `${formatFindings(findings)}\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
