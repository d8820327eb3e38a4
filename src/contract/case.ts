/**
 * @module
 * A case is one concrete request the runner replays, with the statuses it expects; a skipped case
 * says what it would have needed.
 */

export type CaseKind = 'positive' | 'no-auth' | 'unknown-user' | 'invalid-param' | 'recorded' | 'removed';

/** A case of each kind, in the words reports use ("no request without credentials"). */
export const CASE_KIND_TITLES: Readonly<Record<CaseKind, string>> = {
  positive: 'valid request',
  'no-auth': 'request without credentials',
  'unknown-user': 'request for an unknown user',
  'invalid-param': 'request with an invalid parameter',
  recorded: 'recorded case',
  removed: 'request to a removed route',
};

export interface CaseBody {
  mediaType: string;
  value: unknown;
  /** The exact text to send instead of encoding `value` (a malformed body on purpose). */
  raw?: string;
  /**
   * The text to send as runs of repeated text (no newlines), instead of `raw`: an oversized or
   * deeply nested body kept small in reports, and piped into curl lines instead of pasted.
   */
  runs?: { text: string; times: number }[];
}

export interface Case {
  /** Stable within a run: `operationId/kind/detail`. */
  id: string;
  operationId: string;
  /** Upper case. */
  method: string;
  pathTemplate: string;
  /** The path with its parameters filled and encoded. */
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: CaseBody;
  /** Any of these statuses is what the case expects. */
  expectedStatuses: number[];
  kind: CaseKind;
  /** What the case does, for people: `valid request (ApiKeyBasic)`, `start = "not-a-date"`. */
  title: string;
  /** The security alternative it authenticates with (a scheme name), or `none`. */
  auth: string;
}

export interface SkippedCase {
  id: string;
  operationId: string;
  kind: CaseKind;
  title: string;
  /** What the case cannot run without, as a person would fix it: `needs --admin-key`. */
  reason: string;
}

export type PlannedCase = { run: Case } | { skip: SkippedCase };

export const isSuccess = (status: number): boolean => status >= 200 && status < 400;
