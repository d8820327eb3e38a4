/**
 * @module
 * `sorted-by`: a list is in the order the server documents — by a member (`by`), `descending`
 * (the default) or `ascending`. Ties are not judged: where the real server breaks them is open
 * (Ruby's sort is not stable).
 */
import { draftOf, type RuleImpl, stringArg } from './rule.js';
import { member, select } from './select.js';

export const sortedBy: RuleImpl = {
  name: 'sorted-by',
  summary: 'A list is ordered by one of its members, descending or ascending as documented.',
  judge: (inv, body) => {
    const by = stringArg(inv, 'by', 'total_seconds');
    const order = stringArg(inv, 'order', 'descending');
    return select(body, inv.at).flatMap(({ pointer, value }) => {
      if (!Array.isArray(value)) return [];
      for (let i = 1; i < value.length; i++) {
        const [a, b] = [member(value[i - 1], by), member(value[i], by)];
        if ((typeof a !== 'number' || typeof b !== 'number') && (typeof a !== 'string' || typeof b !== 'string')) continue;
        if (order === 'ascending' ? a <= b : a >= b) continue;
        return [
          draftOf(
            inv,
            `${pointer}/${i}/${by}`,
            `${pointer} is not sorted by ${by} (${order}): item ${i - 1} has ${JSON.stringify(a)}, item ${i} has ${JSON.stringify(b)}.`,
            `${by} ${order}`,
            value.map((item) => member(item, by)),
          ),
        ];
      }
      return [];
    });
  },
};
