/**
 * @module
 * `limit-honoured`: when the request sends a positive whole `limit` (the parameter the rule names),
 * no list `at` selects has more items. Zero, absent or non-numeric means no limit on the real server
 * (user stats: `params[:limit].to_i`, applied when positive); a negative one is its documented 500.
 */
import { draftOf, queryValue, type RuleImpl, stringArg } from './rule.js';
import { select } from './select.js';

export const limitHonoured: RuleImpl = {
  name: 'limit-honoured',
  summary: 'A list has no more items than the positive limit the request sent.',
  judge: (inv, body, kase) => {
    const parameter = stringArg(inv, 'parameter', 'limit');
    const sent = queryValue(kase, parameter);
    if (sent === undefined || !/^\d+$/.test(sent) || Number(sent) === 0) return [];
    const limit = Number(sent);
    return select(body, inv.at).flatMap(({ pointer, value }) =>
      Array.isArray(value) && value.length > limit
        ? [
            draftOf(
              inv,
              pointer,
              `${pointer} has ${value.length} items though the request sent ${parameter}=${limit}.`,
              `at most ${limit} items`,
              value.length,
            ),
          ]
        : [],
    );
  },
};
