/**
 * @module
 * `percent-sums-to-100`: the shares of a non-empty list add up to 100, within the rounding of each
 * to 2 decimals (half a hundredth per item). Only where the server divides by the sum of the
 * parts (last_7_days); where it divides by an overall total that grouped durations need not add up
 * to (user stats, summaries' projects), the spec writes the rule down as a quirk.
 */
import { draftOf, type RuleImpl, stringArg } from './rule.js';
import { member, select } from './select.js';

export const percentSumsTo100: RuleImpl = {
  name: 'percent-sums-to-100',
  summary: "The percentages of a non-empty list add up to 100 within each item's rounding to 2 decimals.",
  judge: (inv, body) => {
    const field = stringArg(inv, 'percent', 'percent');
    return select(body, inv.at).flatMap(({ pointer, value }) => {
      if (!Array.isArray(value) || value.length === 0) return [];
      const shares = value.map((item) => member(item, field));
      if (shares.some((s) => typeof s !== 'number')) return [];
      const sum = (shares as number[]).reduce((a, b) => a + b, 0);
      const tolerance = 0.005 * value.length + 1e-9;
      if (Math.abs(sum - 100) <= tolerance) return [];
      const rounded = Math.round(sum * 100) / 100;
      return [
        draftOf(inv, pointer, `The ${field} values of ${pointer} add up to ${rounded}, not 100 (± ${tolerance.toFixed(3)}).`, 100, rounded),
      ];
    });
  },
};
