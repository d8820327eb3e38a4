/**
 * @module
 * `hackatime-kit <command>`: one entry, one module per command. Kit errors (bad usage, unreadable
 * spec, unreachable server) exit 2 with a one-line reason; findings exit 1.
 */
import { pathToFileURL } from 'node:url';
import { KitError, UsageError } from './spec/errors.js';

export type Command = (args: string[]) => Promise<number>;

interface CommandEntry {
  run: Command;
  summary: string;
}

// Each command is loaded only when it runs: the mock must not pay for Spectral at start-up.
const COMMANDS: Record<string, CommandEntry> = {
  contract: {
    run: async (a) => (await import('./contract/command.js')).contractCommand(a),
    summary: 'Check a server against the spec (--base-url URL).',
  },
  docs: {
    run: async (a) => (await import('./docs/command.js')).docsCommand(a),
    summary: 'Write the API reference as a static site (--out DIR).',
  },
  lint: {
    run: async (a) => (await import('./docs/lint/command.js')).lintCommand(a),
    summary: 'Lint the spec (Spectral OAS rules + the project rules).',
  },
  mock: {
    run: async (a) => (await import('./server/command.js')).mockCommand(a),
    summary: 'Run the mock server (default http://127.0.0.1:4010).',
  },
};

function usage(): string {
  const rows = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)}${c.summary}`);
  return [
    'Usage: hackatime-kit <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Run `hackatime-kit <command> --help` for its options.',
  ].join('\n');
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
