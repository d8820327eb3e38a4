/**
 * @module
 * Every rule `x-invariants` may name, each implemented once.
 */
import type { InvariantRule } from '../../invariants.js';
import { itemsWithinWindow } from './items-within-window.js';
import { limitHonoured } from './limit-honoured.js';
import { percentSumsTo100 } from './percent-sums-to-100.js';
import type { RuleImpl } from './rule.js';
import { sortedBy } from './sorted-by.js';
import { textMatchesSeconds } from './text-matches-seconds.js';

export const RULES: Readonly<Record<InvariantRule, RuleImpl>> = {
  'text-matches-seconds': textMatchesSeconds,
  'percent-sums-to-100': percentSumsTo100,
  'sorted-by': sortedBy,
  'limit-honoured': limitHonoured,
  'items-within-window': itemsWithinWindow,
};
