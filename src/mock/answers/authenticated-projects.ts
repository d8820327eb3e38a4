/**
 * @module
 * `/api/v1/authenticated/projects`: the same `ProjectStatsQuery#project_details` as the per-user
 * project rows (project-rows.ts), with this controller's settings (read by
 * ../params/project-stats.ts: an all-time default window, archived projects only on request) and
 * five of each row's fields. Upstream may answer an unfiltered request from a precomputed rollup that lags;
 * the mock always computes it live, as a rollup that is up to date would.
 */
import type { User, World } from '../../world/index.js';
import type { AuthenticatedProjectsRequest } from '../params/project-stats.js';
import { type ProjectRow, projectDetails } from './project-rows.js';

export type AuthenticatedProject = Pick<ProjectRow, 'name' | 'total_seconds' | 'most_recent_heartbeat' | 'languages' | 'archived'>;

export function authenticatedProjects(world: World, user: User, request: AuthenticatedProjectsRequest): AuthenticatedProject[] {
  const rows = projectDetails(world, user, request.window, request.projects, request.includeArchived);
  return rows.map(({ name, total_seconds, most_recent_heartbeat, languages, archived }) => ({
    name,
    total_seconds,
    most_recent_heartbeat,
    languages,
    archived,
  }));
}
