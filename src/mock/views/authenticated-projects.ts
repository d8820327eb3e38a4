/**
 * @module
 * `/api/v1/authenticated/projects`: the same `ProjectStatsQuery#project_details` as the per-user
 * project rows (project-rows.ts), with this controller's settings — an all-time default window
 * (`default_stats_start: 0`), archived projects only for `include_archived=true` — and five of
 * each row's fields. Upstream may answer an unfiltered request from a precomputed rollup that lags;
 * the mock always computes it live, as a rollup that is up to date would.
 */
import type { User, World } from '../../world/index.js';
import { railsParam } from '../rails/ruby/rails-params.js';
import { type ProjectRow, projectDetails, statsWindow } from './project-rows.js';
import { requestedProjects } from './project-stats-params.js';

export type AuthenticatedProject = Pick<ProjectRow, 'name' | 'total_seconds' | 'most_recent_heartbeat' | 'languages' | 'archived'>;

export function authenticatedProjects(world: World, user: User, search: URLSearchParams, nowMs: number): AuthenticatedProject[] {
  const includeArchived = railsParam(search, 'include_archived') === 'true';
  const rows = projectDetails(world, user, statsWindow(search, nowMs, 0), requestedProjects(search), includeArchived);
  return rows.map(({ name, total_seconds, most_recent_heartbeat, languages, archived }) => ({
    name,
    total_seconds,
    most_recent_heartbeat,
    languages,
    archived,
  }));
}
