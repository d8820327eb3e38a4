/**
 * One temporary folder for the whole run: every folder a test makes (`tempDir`) lives inside it, and
 * it is removed when the run ends, whatever the tests did or failed to do.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'hackatime-kit-tests-'));
  process.env['HACKATIME_KIT_TEST_TMP'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
