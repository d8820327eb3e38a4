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

const IN_CI = process.env['CI'] === 'true';

/** `describe(title, fn)` when the requirement holds; otherwise a titled skip, or a failure in CI. */
export function describeWhen(requirement: Requirement, title: string, fn: () => void): void {
  if (requirement.present) {
    describe(title, fn);
    return;
  }
  if (IN_CI) {
    describe(title, () => {
      it(`cannot run in CI: ${requirement.missing}`, () => {
        throw new Error(`${title}: ${requirement.missing}`);
      });
    });
    return;
  }
  // `fn` is not called: collecting its tests may need the very thing that is missing.
  describe(title, () => {
    it.skip(`skipped: ${requirement.missing}`, () => undefined);
  });
}
