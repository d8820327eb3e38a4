/**
 * @module
 * What fills a case: the target's credentials and variables (`username`, `email`, `slack_uid`,
 * `project`, `today-6`, …), and `{{name}}` interpolation. Where they come from (flags, or the
 * mock's `/__mock/credentials`) is `send/target.ts`.
 */
import type { Credentials } from './auth.js';

export interface Target {
  baseUrl: string;
  credentials: Credentials;
  variables: Record<string, string>;
  /** Today (YYYY-MM-DD, UTC) by the target's clock: the mock's fixed `now`, else the real one. */
  today: string;
  /** Where the credentials came from, for the report. */
  source: string;
  /** Every credential value, for redaction. */
  secrets: string[];
  /** Other users the server is known to have (the mock's world), for generated requests. */
  users?: string[];
}

/** The project the recorded test heartbeats are posted to. */
export const CONTRACT_PROJECT = 'hackatime-kit-contract';

/** Path parameters that name a user or project: they must come from a variable, never from an example. */
export const PATH_VARIABLES: Readonly<Record<string, string>> = {
  username: 'username',
  user_id: 'username',
  email: 'email',
  slack_uid: 'slack_uid',
  project: 'project',
  project_name: 'project',
};

/** Free-text query parameters that name a user or project by another name than the path's. */
export const QUERY_VARIABLES: Readonly<Record<string, string>> = {
  user: 'username',
  username: 'username',
  user_id: 'slack_uid',
  user_email: 'email',
  project: 'project',
  projects: 'project',
  filter_by_project: 'project',
};

/** A query parameter whose name says it is a date or time. */
export const DATE_NAME = /(^|_)(date|start|end|since|until|from|to|time)($|_)/;

/** How a person supplies a missing variable. */
export const howToSet = (name: string): string => (name === 'username' ? 'needs --username' : `needs --var ${name}=…`);

/** `today`, `today-6`, `today+1` → a date relative to the target's today. */
function dateVariable(name: string, today: string): string | undefined {
  const match = /^today([+-]\d+)?$/.exec(name);
  if (!match) return undefined;
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + Number(match[1] ?? 0));
  return date.toISOString().slice(0, 10);
}

export function variable(target: Pick<Target, 'variables' | 'today'>, name: string): string | undefined {
  return target.variables[name] ?? dateVariable(name, target.today);
}

export type Filled<T> = { ok: true; value: T } | { ok: false; missing: string };

/** Replaces every `{{name}}` in the strings of `value`; reports the first variable it lacks. */
export function interpolate<T>(value: T, target: Pick<Target, 'variables' | 'today'>): Filled<T> {
  let missing: string | undefined;
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') {
      return v.replace(/\{\{\s*([\w+-]+)\s*\}\}/g, (whole, name: string) => {
        const found = variable(target, name);
        if (found === undefined) missing ??= name;
        return found ?? whole;
      });
    }
    if (Array.isArray(v)) return v.map(fill);
    if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  const filled = fill(value) as T;
  return missing === undefined ? { ok: true, value: filled } : { ok: false, missing };
}
