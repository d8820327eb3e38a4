/**
 * @module
 * Every operation's handler, keyed by operationId. `buildApp` refuses to start when this map and the
 * spec disagree in either direction.
 */
import type { HandlerMap } from '../handler.js';
import { adminHandlers } from './admin.js';
import { adminAnalyticsHandlers } from './admin-analytics.js';
import { adminAuditLogsHandlers } from './admin-audit-logs.js';
import { adminDeletionRequestsHandlers } from './admin-deletion-requests.js';
import { adminKeysHandlers } from './admin-keys.js';
import { adminPermissionsHandlers } from './admin-permissions.js';
import { adminShadowbansHandlers } from './admin-shadowbans.js';
import { adminTimelineHandlers } from './admin-timeline.js';
import { adminUserReadsHandlers } from './admin-user-reads.js';
import { adminUsersHandlers } from './admin-users.js';
import { authenticatedHandlers } from './authenticated.js';
import { heartbeatsHandlers } from './heartbeats.js';
import { internalHandlers } from './internal.js';
import { leaderboardsHandlers } from './leaderboards.js';
import { lookupHandlers } from './lookup.js';
import { myHeartbeatsHandlers } from './my-heartbeats.js';
import { oauthHandlers } from './oauth.js';
import { projectsHandlers } from './projects.js';
import { publicHandlers } from './public.js';
import { removedHandlers } from './removed.js';
import { statsHandlers } from './stats.js';
import { summaryHandlers } from './summary.js';
import { wakatimeHandlers } from './wakatime.js';

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
  ...adminHandlers,
  ...adminUsersHandlers,
  ...adminKeysHandlers,
  ...adminShadowbansHandlers,
  ...adminAuditLogsHandlers,
  ...adminDeletionRequestsHandlers,
  ...adminPermissionsHandlers,
  ...internalHandlers,
  ...adminUserReadsHandlers,
  ...adminAnalyticsHandlers,
  ...adminTimelineHandlers,
};
