/**
 * Temporary folders for tests, inside the run's own folder (test/global-setup.ts removes it at the end).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A new empty folder whose name starts with `prefix`.
 * @example
 * const dir = tempDir('reports');
 */
export function tempDir(prefix: string): string {
  // Outside a vitest run (a test file run by hand) the system's temp folder is used.
  const root = process.env['HACKATIME_KIT_TEST_TMP'] ?? tmpdir();
  return mkdtempSync(join(root, `${prefix}-`));
}
