/**
 * @module
 * Per-user project listings and project rows.
 */

import { projectDetails, projectNames } from '../answers/project-rows.js';
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { discoveryWindow, projectStatsWindow, requestedProjects } from '../params/project-stats.js';
import { statsTarget } from '../params/stats-target.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { rubyStrip } from '../rails/ruby/string-methods.js';

/** Archived projects included; bad dates are skipped, never a 422. */
const getUserProjects: OperationHandler = {
  access: statsTarget,
  handle(ctx) {
    return json({ projects: projectNames(ctx.world, statsTarget(ctx), discoveryWindow(ctx.search, ctx.now)) });
  },
};

/**
 * The route is `project/:project_name(.:format)`: the router already took `.dev` off `pimlico.dev`,
 * and unescaped `my%2Esite` to `my.site`.
 */
const projectNameOf = (ctx: RequestContext) => ctx.path['project_name'] ?? '';

const getUserProject: OperationHandler = {
  access: statsTarget,
  handle(ctx) {
    const name = projectNameOf(ctx);
    if (isBlankString(name)) throw error(400, 'whats the name?');
    const row = projectDetails(ctx.world, statsTarget(ctx), projectStatsWindow(ctx.search, ctx.now), [rubyStrip(name)])[0];
    if (!row) throw error(404, 'found nuthin');
    return json(row);
  },
};

/** `projects` is a comma list, each name stripped, blanks and repeats dropped; absent or empty = every project. */
const getUserProjectsDetails: OperationHandler = {
  access: statsTarget,
  handle(ctx) {
    const rows = projectDetails(ctx.world, statsTarget(ctx), projectStatsWindow(ctx.search, ctx.now), requestedProjects(ctx.search));
    return json({ projects: rows });
  },
};

export const projectsHandlers = { getUserProjects, getUserProject, getUserProjectsDetails };
