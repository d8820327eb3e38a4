/**
 * @module
 * `util.parseArgs` for the subcommands, its complaints turned into a one-line `UsageError`. Apart
 * from errors.ts so that the errors carry no Node import into the browser build.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors.js';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;
/** Named, so that the declaration of `parseCommandArgs` can spell its type (Node does not export it). */
type ParsedCommandArgs<T extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>
>;

/**
 * `util.parseArgs` for a subcommand, its complaints turned into a one-line {@link UsageError}
 * (Node's own message runs over several lines and names internals). A negative number after an
 * option that takes a value is that value (`--port -1`), so the command's own range check answers
 * instead of parseArgs calling `-1` an ambiguous option.
 * @example
 * const { values } = parseCommandArgs(args, { out: { type: 'string' } });
 */
export function parseCommandArgs<const T extends ParseArgsOptionsConfig>(args: string[], options: T): ParsedCommandArgs<T> {
  try {
    return parseArgs({ args: withNegativeValues(args, options), options, strict: true, allowPositionals: false });
  } catch (err) {
    throw new UsageError(firstLine((err as Error).message));
  }
}

const NEGATIVE_NUMBER = /^-\d+(?:\.\d+)?$/;

/** `--port -1` and `-p -1` become `--port=-1`, the spelling parseArgs reads as a value. */
function withNegativeValues(args: string[], options: ParseArgsOptionsConfig): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') return [...out, ...args.slice(i)];
    const name = stringOption(arg, options);
    const next = args[i + 1];
    if (name !== undefined && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      out.push(`--${name}=${next}`);
      i += 1;
    } else out.push(arg);
  }
  return out;
}

/** The long name of the string option `arg` spells (`--port` or `-p`), if it is one without its value. */
function stringOption(arg: string, options: ParseArgsOptionsConfig): string | undefined {
  const entries = Object.entries(options).filter(([, o]) => o.type === 'string');
  if (arg.startsWith('--')) return entries.find(([name]) => `--${name}` === arg)?.[0];
  if (/^-[^-]$/.test(arg)) return entries.find(([, o]) => o.short !== undefined && `-${o.short}` === arg)?.[0];
  return undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0]?.trim() ?? message;
}
