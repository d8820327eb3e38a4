/**
 * @module
 * The OAuth-protected `/api/v1/authenticated/*` endpoints.
 */

import type { World } from '../../world/store.js';
import { streakDays, streakWindow } from '../../world/streak.js';
import type { User } from '../../world/types.js';
import { authenticatedHours } from '../answers/authenticated-hours.js';
import { authenticatedApiKey, authenticatedMe } from '../answers/authenticated-profile.js';
import { authenticatedProjects } from '../answers/authenticated-projects.js';
import { fromTemplate, OAUTH_INVALID_TOKEN } from '../errors.js';
import { STREAK_TTL_MS } from '../freshness.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { hoursRange } from '../params/authenticated-hours.js';
import { authenticatedProjectsRequest } from '../params/project-stats.js';

/** Doorkeeper already authorised the token; this only narrows the type. */
function owner(ctx: RequestContext): User {
  const user = ctx.caller?.user;
  if (!user) throw fromTemplate(OAUTH_INVALID_TOKEN);
  return user;
}

const getAuthenticatedMe: OperationHandler = {
  handle(ctx) {
    // The Doorkeeper token the request was authorised with: its app decides what the profile shows.
    const token = ctx.caller?.token;
    return json(authenticatedMe(owner(ctx), token === undefined ? undefined : ctx.state.oauth.tokens.find(token)));
  },
};

const getAuthenticatedHours: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    return json(authenticatedHours(ctx.world, user.id, hoursRange(ctx.search, ctx.now)));
  },
};

const getAuthenticatedStreak: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    const streak = ctx.state.freshness.fetch(`streak:${user.id}`, ctx.now, STREAK_TTL_MS, () =>
      streakDays(ctx.world.viewBetween(user.id, streakWindow(ctx.now)), user.timezone, ctx.now),
    );
    return json({ streak_days: streak });
  },
};

const getAuthenticatedProjects: OperationHandler = {
  handle(ctx) {
    const user = owner(ctx);
    return json({ projects: authenticatedProjects(ctx.world, user, authenticatedProjectsRequest(ctx.search, ctx.now)) });
  },
};

/** The latest heartbeat (by time, then id) that is not a test entry, as ten fields. */
function latestHeartbeat(world: World, userId: number) {
  const hb = world.latestHeartbeat(userId, (row) => row.source_type !== 'test_entry');
  if (!hb) return { heartbeat: null };
  const { id, created_at, time, category, project, language, editor, operating_system, machine, entity } = hb;
  return { id, created_at, time, category, project, language, editor, operating_system, machine, entity };
}

const getAuthenticatedLatestHeartbeat: OperationHandler = {
  handle: (ctx) => json(latestHeartbeat(ctx.world, owner(ctx).id)),
};

const getAuthenticatedApiKeys: OperationHandler = {
  handle: (ctx) => json(authenticatedApiKey(ctx.world, owner(ctx).id)),
};

export const authenticatedHandlers = {
  getAuthenticatedMe,
  getAuthenticatedHours,
  getAuthenticatedStreak,
  getAuthenticatedProjects,
  getAuthenticatedLatestHeartbeat,
  getAuthenticatedApiKeys,
};
