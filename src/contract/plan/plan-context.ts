/**
 * @module
 * What planning the cases of one operation reads of the run.
 */
import type { RunContext } from '../run-context.js';

/**
 * `recorded` may hold every operation's recorded cases: planning an operation takes its own. Without
 * `profile`, the default (`hackatime`); without `allowWrites`, writes are allowed (a planning test's
 * target is not a server).
 */
export type PlanContext = Pick<RunContext, 'target' | 'validator' | 'seed' | 'recorded'> &
  Partial<Pick<RunContext, 'profile' | 'allowWrites' | 'legacyEndpoints'>>;
