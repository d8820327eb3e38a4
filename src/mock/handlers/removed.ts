/**
 * @module
 * The three endpoints the real server has removed, as they last behaved. The legacy `STATS_API_KEY`
 * they require is checked by the app (the `LegacyStatsKey` scheme) before these run.
 */

import { slackOauthUser } from '../answers/slack-oauth.js';
import { claimHeartbeats } from '../answers/ysws-claims.js';
import { YSWS_PROGRAMS } from '../answers/ysws-programs.js';
import { json, type OperationHandler } from '../handler.js';
import { slackToken } from '../params/slack-token.js';
import { railsParams } from '../rails/ruby/rails-params.js';

const createUserFromSlackOauth: OperationHandler = {
  handle: ({ world, body, search }) => slackOauthUser(world, slackToken(railsParams(body, search))),
};

const claimYswsHeartbeats: OperationHandler = {
  handle: ({ world, state, body, search, now }) => claimHeartbeats(world, state.claims, railsParams(body, search), now),
};

const listYswsPrograms: OperationHandler = {
  handle: () => json(YSWS_PROGRAMS),
};

export const removedHandlers = { createUserFromSlackOauth, claimYswsHeartbeats, listYswsPrograms };
