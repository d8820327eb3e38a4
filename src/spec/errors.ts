/**
 * @module
 * Errors of the kit itself (not of the API under test): exit code 2 at the CLI.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

export class KitError extends Error {
  readonly exitCode = 2;
}

/** The spec cannot be read, parsed or indexed. */
export class SpecError extends KitError {
  override readonly name = 'SpecError';
}

/** The command line or options are wrong. */
export class UsageError extends KitError {
  override readonly name = 'UsageError';
}

/**
 * `util.parseArgs` for a subcommand, its complaints turned into a one-line {@link UsageError}
 * (Node's own message runs over several lines and names internals).
 * @example
 * const { values } = parseCommandArgs(args, { out: { type: 'string' } });
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError(firstLine((err as Error).message));
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
