/**
 * @module
 * The runner's own failures (exit 2), as opposed to findings about the server under test (exit 1).
 */
import { KitError } from '../spec/errors.js';

/** The server under test cannot be reached at all (refused, unknown host, no answer in time). */
export class ConnectionError extends KitError {
  override readonly name = 'ConnectionError';
}

/** A recorded case file under `fixtures/cases/` is unreadable or malformed. */
export class FixtureError extends KitError {
  override readonly name = 'FixtureError';
}
