/**
 * @module
 * What the parameters of `GET /api/v1/users/{username}/stats` ask for, besides the window
 * (stats-endpoint-window.ts): the lists (`features`, `limit`), the project and category filters and
 * the flags (`total_seconds`, `boundary_aware`, `no_ai_coding`, `test_param`). Nothing here raises.
 */
import { rubyStringToI } from '../rails/ruby/integer-cast.js';
import { presentParam, railsParam } from '../rails/ruby/rails-params.js';
import { rubySplit } from '../rails/ruby/string-methods.js';

export interface StatsOptions {
  /** `params[:features]` as sent: the `unique_total_seconds` check is a substring test on it. */
  featuresRaw: string | undefined;
  languages: boolean;
  projectList: boolean;
  limit: bigint;
  projects: string[] | undefined;
  categories: string[] | undefined;
  totalOnly: boolean;
  boundaryAware: boolean;
  noAiCoding: boolean;
  testMode: boolean;
}

/**
 * The options as the controller reads them.
 * @example
 * statsOptions(new URLSearchParams('features=languages,projects&limit=5')).projectList // true
 */
export function statsOptions(search: URLSearchParams): StatsOptions {
  const featuresRaw = railsParam(search, 'features');
  // Items are not trimmed: "languages, projects" does not enable projects.
  const features = featuresRaw === undefined ? ['languages'] : rubySplit(featuresRaw);
  const list = (name: string) => {
    const value = presentParam(search, name);
    return value === undefined ? undefined : rubySplit(value);
  };
  const flag = (name: string) => railsParam(search, name) === 'true';
  return {
    featuresRaw,
    languages: features.includes('languages'),
    projectList: features.includes('projects'),
    limit: rubyStringToI(railsParam(search, 'limit')),
    projects: list('filter_by_project'),
    categories: list('filter_by_category'),
    totalOnly: flag('total_seconds'),
    boundaryAware: flag('boundary_aware'),
    noAiCoding: flag('no_ai_coding'),
    testMode: flag('test_param'),
  };
}
