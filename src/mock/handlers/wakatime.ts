/**
 * @module
 * WakaTime-compatible reads: current user, summaries, statusbar today, last 7 days. Each answers
 * for the owner of the API key; the `{id}` segment is ignored. And the redirect of the API's root.
 */

import type { User } from '../../world/types.js';
import { dailySummaries } from '../answers/daily-summaries.js';
import { last7Days } from '../answers/last-7-days.js';
import { statusbarToday } from '../answers/statusbar.js';
import { fromTemplate, UNAUTHORIZED } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { parseSummariesRequest } from '../params/summaries-request.js';
import { avatarUrl, displayName } from '../rails/present/display-names.js';
import { isoSeconds } from '../rails/present/format-date.js';

/** Authentication already ran; this only narrows the type. */
function owner(ctx: RequestContext): User {
  const user = ctx.caller?.user;
  if (!user) throw fromTemplate(UNAUTHORIZED);
  return user;
}

const getCurrentUser: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    const name = displayName(user);
    return json({
      data: {
        id: String(user.id),
        username: user.username,
        display_name: name,
        full_name: name,
        photo: avatarUrl(user),
        timezone: user.timezone,
        created_at: isoSeconds(user.createdAt),
        modified_at: isoSeconds(user.updatedAt),
        plan: 'free',
      },
    });
  },
};

const getSummaries: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    return json(dailySummaries(ctx.world, user.id, parseSummariesRequest(ctx.search, user), ctx.now));
  },
};

const getStatusbarToday: OperationHandler = {
  handle: (ctx) => json(statusbarToday(ctx.world, owner(ctx), ctx.now)),
};

const getLast7Days: OperationHandler = {
  handle: (ctx) => json(last7Days(ctx.world, owner(ctx), ctx.now)),
};

/**
 * `get "/", to: redirect("/", status: 302)` (config/routes.rb:341 of hackclub/hackatime): some
 * clients link the API root as the dashboard. Rails' routing redirect writes an absolute
 * `Location` from the request's host and an empty `text/html` body.
 */
const redirectHackatimeRoot: OperationHandler = {
  handle: (ctx) => ({
    status: 302,
    headers: { Location: `http://${ctx.headers.get('host') ?? 'localhost'}/` },
    text: { body: '', contentType: 'text/html; charset=utf-8' },
  }),
};

export const wakatimeHandlers = { getCurrentUser, getSummaries, getStatusbarToday, getLast7Days, redirectHackatimeRoot };
