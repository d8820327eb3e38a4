/**
 * @module
 * `hackatime-kit <command>`: one entry, one module per command. Kit errors (bad usage, unreadable
 * spec, unreachable server) exit 2 with a one-line reason; findings exit 1.
 */
import { pathToFileURL } from 'node:url';
import { KitError, UsageError } from './spec/errors.js';
import { lintCommand } from './docs/lint/command.js';

export type Command = (args: string[]) => Promise<number>;

interface CommandEntry {
  run: Command;
  summary: string;
}

const COMMANDS: Record<string, CommandEntry> = {
  lint: { run: lintCommand, summary: 'Lint the spec (Spectral OAS rules + the project rules).' },
  mock: {
    run: async () => {
      process.stdout.write('The mock server is not built yet: `hackatime-kit mock` will serve the spec from a seeded world.\n');
      return 0;
    },
    summary: 'Run the mock server (coming).',
  },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return ['Usage: hackatime-kit <command> [options]', '', 'Commands:', ...rows, '', 'Run `hackatime-kit <command> --help` for its options.'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command "${name}"\n\n${usage()}`);
    return await command.run(rest);
  } catch (err) {
    if (err instanceof KitError) {
      process.stderr.write(`hackatime-kit ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    throw err;
  }
}

// Run directly (`tsx src/cli.ts …` in development); the published entry is bin/hackatime-kit.js.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
