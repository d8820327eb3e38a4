/**
 * Before any test: the build is current (system tests run the installed command, `bin/` → `dist/`,
 * as a user runs it; `npm test` has just built it, a plain `vitest` run builds it here when a source
 * is newer). And one temporary folder for the whole run: every folder a test makes (`tempDir`) lives
 * inside it, and it is removed when the run ends, whatever the tests did or failed to do.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time of a file under `dir` (0 for a missing folder). */
function newest(dir: string): number {
  let latest = 0;
  let entries: string[];
  try {
    entries = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return 0;
  }
  for (const entry of entries) latest = Math.max(latest, statSync(join(dir, entry)).mtimeMs);
  return latest;
}

function ensureBuild(): void {
  // The build writes the command's bundle after tsc's output, so its entry's age is the build's age.
  let built = 0;
  try {
    built = statSync(join(ROOT, 'dist', 'node', 'cli.js')).mtimeMs;
  } catch {
    // No build yet.
  }
  if (built > 0 && built >= Math.max(newest(join(ROOT, 'src')), newest(join(ROOT, 'openapi')))) return;
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

export default function setup(): () => void {
  ensureBuild();
  const root = mkdtempSync(join(tmpdir(), 'hackatime-kit-tests-'));
  process.env['HACKATIME_KIT_TEST_TMP'] = root;
  return () => rmSync(root, { recursive: true, force: true });
}
