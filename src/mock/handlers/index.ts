/**
 * @module
 * Every operation's handler, keyed by operationId. `buildApp` refuses to start when this map and the
 * spec disagree in either direction.
 */
import type { HandlerMap } from '../handler.js';
import { wakatimeHandlers } from './wakatime.js';
import { summaryHandlers } from './summary.js';
import { heartbeatsHandlers } from './heartbeats.js';
import { statsHandlers } from './stats.js';
import { projectsHandlers } from './projects.js';
import { lookupHandlers } from './lookup.js';
import { leaderboardsHandlers } from './leaderboards.js';
import { myHeartbeatsHandlers } from './my-heartbeats.js';
import { authenticatedHandlers } from './authenticated.js';
import { removedHandlers } from './removed.js';
import { oauthHandlers } from './oauth.js';
import { publicHandlers } from './public.js';

export const handlers: HandlerMap = {
  ...wakatimeHandlers,
  ...summaryHandlers,
  ...heartbeatsHandlers,
  ...statsHandlers,
  ...projectsHandlers,
  ...lookupHandlers,
  ...leaderboardsHandlers,
  ...myHeartbeatsHandlers,
  ...authenticatedHandlers,
  ...removedHandlers,
  ...oauthHandlers,
  ...publicHandlers,
};
