/**
 * @module
 * `items-within-window`: every item of a list lies inside the window the request asked for — its
 * date (`value`, a member path; the first 10 characters of a date or timestamp) between the
 * request's `from` and `to` parameters (dates, inclusive). Judged only when the request sent both.
 */
import { draftOf, queryValue, type RuleImpl, stringArg } from './rule.js';
import { member, select } from './select.js';

const DAY = /^\d{4}-\d{2}-\d{2}/;

export const itemsWithinWindow: RuleImpl = {
  name: 'items-within-window',
  summary: "Every item's date lies inside the window of dates the request sent (inclusive).",
  judge: (inv, body, kase) => {
    const valueAt = stringArg(inv, 'value', 'date');
    const [fromName, toName] = [stringArg(inv, 'from', 'start'), stringArg(inv, 'to', 'end')];
    const [from, to] = [queryValue(kase, fromName), queryValue(kase, toName)];
    if (from === undefined || to === undefined || !DAY.test(from) || !DAY.test(to)) return [];
    const [first, last] = [from.slice(0, 10), to.slice(0, 10)];
    return select(body, inv.at).flatMap(({ pointer, value }) => {
      const date = member(value, valueAt);
      if (typeof date !== 'string' || !DAY.test(date)) return [];
      const day = date.slice(0, 10);
      if (day >= first && day <= last) return [];
      return [
        draftOf(
          inv,
          `${pointer}/${valueAt}`,
          `${pointer}/${valueAt} is ${day}, outside the requested ${fromName}=${first} … ${toName}=${last}.`,
          `${first} … ${last}`,
          date,
        ),
      ];
    });
  },
};
