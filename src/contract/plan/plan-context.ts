/**
 * @module
 * What planning the cases of one operation needs.
 */
import type { SpecValidator } from '../../spec/validator.js';
import type { RecordedCase } from './fixtures.js';
import type { Target } from './variables.js';

export interface PlanContext {
  target: Target;
  validator: SpecValidator;
  seed: number;
  /** The operation's recorded cases. */
  recorded: readonly RecordedCase[];
}
