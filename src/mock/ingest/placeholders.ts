/**
 * @module
 * The `<<LAST_LANGUAGE>>` / `<<LAST_BRANCH>>` / `<<LAST_PROJECT>>` placeholders some plugins send. A
 * language or branch placeholder takes the last real value of the same project: from earlier items of
 * the request, else from the user's latest stored heartbeat of that project (looked up once per
 * project and request), else null. `<<LAST_PROJECT>>` is stored as sent, but the last real project of
 * the request is the context its other placeholders resolve in.
 */
import type { World } from '../../world/store.js';

const LAST_LANGUAGE = '<<LAST_LANGUAGE>>';
const LAST_BRANCH = '<<LAST_BRANCH>>';
const LAST_PROJECT = '<<LAST_PROJECT>>';

interface ProjectContext {
  language?: string | null;
  branch?: string | null;
}

/** What one request has learnt so far. */
export interface PlaceholderState {
  contexts: Map<string, ProjectContext>;
  lastProject: string | undefined;
}

export const newPlaceholderState = (): PlaceholderState => ({ contexts: new Map(), lastProject: undefined });

/** Ruby's `present?` for the values these rules meet. */
const present = (value: unknown): value is string | number | boolean =>
  value !== null && value !== undefined && value !== false && !(typeof value === 'string' && value.trim() === '');

/** The project key a context is kept under (the server uses the value itself as a hash key). */
const projectKey = (project: unknown): string | undefined => (present(project) ? JSON.stringify(project) : undefined);

/** The latest stored value of `field` in `project`, skipping nil, `""` and the placeholder. */
function latestStored(world: World, userId: number, project: unknown, field: 'language' | 'branch', placeholder: string): string | null {
  const row = world.latestHeartbeat(userId, (hb) => {
    const value = hb[field];
    return hb.project === project && value !== null && value !== '' && value !== placeholder;
  });
  return row ? row[field] : null;
}

export interface PlaceholderFields {
  project: unknown;
  language: unknown;
  branch: unknown;
}

/** Replaces the language and branch placeholders of `attrs` in place. */
export function resolvePlaceholders(attrs: PlaceholderFields, state: PlaceholderState, world: World, userId: number): void {
  const wantsLanguage = attrs.language === LAST_LANGUAGE;
  const wantsBranch = attrs.branch === LAST_BRANCH;
  if (!wantsLanguage && !wantsBranch) return;
  const project = attrs.project === LAST_PROJECT ? state.lastProject : attrs.project;
  const key = projectKey(project);
  let context: ProjectContext = {};
  if (key !== undefined) {
    context = state.contexts.get(key) ?? {};
    state.contexts.set(key, context);
    // The stored history is read before this request inserts anything, and only once per project.
    if (!('language' in context)) context.language = latestStored(world, userId, project, 'language', LAST_LANGUAGE);
    if (!('branch' in context)) context.branch = latestStored(world, userId, project, 'branch', LAST_BRANCH);
  }
  if (wantsLanguage) attrs.language = context.language ?? null;
  if (wantsBranch) attrs.branch = context.branch ?? null;
}

/** After an item is accepted: its project, language and branch become the "last" ones. */
export function rememberPlaceholders(
  attrs: { project: string | null; language: string | null; branch: string | null },
  state: PlaceholderState,
): void {
  const { project } = attrs;
  if (present(project) && project !== LAST_PROJECT) state.lastProject = project;
  const contextProject = project === LAST_PROJECT ? state.lastProject : project;
  const key = projectKey(contextProject);
  if (key === undefined) return;
  const context = state.contexts.get(key) ?? {};
  state.contexts.set(key, context);
  if (present(attrs.language) && attrs.language !== LAST_LANGUAGE) context.language = attrs.language;
  if (present(attrs.branch) && attrs.branch !== LAST_BRANCH) context.branch = attrs.branch;
}
