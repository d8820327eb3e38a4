/**
 * Tests that need something from outside the project (the reference documents in `../shared`, a
 * browser) run when it is there. When it is not, they are skipped with the reason in their title, so
 * the run's report says what did not run and why — except in CI (`CI=true`), which is meant to run
 * them: there a missing requirement is a failing test, never a silent skip.
 */
import { describe, it } from 'vitest';

export interface Requirement {
  /** Whether the thing is available here. */
  present: boolean;
  /** What is missing and how to get it, for the skip reason or the failure. */
  missing: string;
}

/** What becomes of tests that need `requirement`: run them, skip them, or fail (CI must run them). */
export function requirementOutcome(requirement: Requirement, env: NodeJS.ProcessEnv = process.env): 'run' | 'skip' | 'fail' {
  if (requirement.present) return 'run';
  return env['CI'] === 'true' ? 'fail' : 'skip';
}

/** `describe(title, fn)` when the requirement holds; otherwise a titled skip, or a failure in CI. */
export function describeWhen(requirement: Requirement, title: string, fn: () => void): void {
  const outcome = requirementOutcome(requirement);
  if (outcome === 'run') {
    describe(title, fn);
    return;
  }
  // `fn` is not called: collecting its tests may need the very thing that is missing.
  describe(title, () => {
    if (outcome === 'fail') {
      it(`cannot run in CI: ${requirement.missing}`, () => {
        throw new Error(`${title}: ${requirement.missing}`);
      });
    } else it.skip(`skipped: ${requirement.missing}`, () => undefined);
  });
}
