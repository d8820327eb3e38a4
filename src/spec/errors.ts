/**
 * @module
 * Errors of the kit itself (not of the API under test): exit code 2 at the CLI.
 */
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
