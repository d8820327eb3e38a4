/**
 * @module
 * Admin lookups of users by email and Slack id. The admin key is checked by the app; both answers
 * echo the value asked for, in the 200 and in the 404 body.
 */
import { fromTemplate, USER_NOT_FOUND } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';

/** `{email}` takes everything up to the next `/` (dots included); exact match against stored addresses. */
const lookupUserByEmail: OperationHandler = {
  handle({ world, path }) {
    const email = path['email'] ?? '';
    const user = world.userByEmail(email);
    if (!user) throw fromTemplate(USER_NOT_FOUND, { email });
    return json({ user_id: user.id, email });
  },
};

/**
 * `{slack_uid}` is a plain segment with a format suffix: `U0266FRGP.json` looks up `U0266FRGP`
 * (the router takes the suffix off).
 * (The spec's pattern currently keeps dotted values from reaching the handler at all.)
 */
const lookupUserBySlackUid: OperationHandler = {
  handle({ world, path }) {
    const slackUid = path['slack_uid'] ?? '';
    const user = world.userBySlackUid(slackUid);
    if (!user) throw fromTemplate(USER_NOT_FOUND, { slack_uid: slackUid });
    return json({ user_id: user.id, slack_uid: slackUid });
  },
};

export const lookupHandlers = { lookupUserByEmail, lookupUserBySlackUid };
