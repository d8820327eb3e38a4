/**
 * @module
 * A finding is something the server did that the spec does not allow: what was expected, what came
 * back, where (a JSON pointer into the body, or a header), and a curl line to reproduce it.
 */

/** The checks over a response (Schemathesis's names where it has one) and the two transport failures. */
export const CHECK_NAMES = [
  'not_a_server_error',
  'status_code_conformance',
  'expected_status',
  'content_type_conformance',
  'response_schema_conformance',
  'float_format',
  'response_headers_conformance',
  'cors_headers',
  'ignored_auth',
  'negative_data_rejection',
  'sensitive_data_leak',
  'undocumented_property',
  'domain_invariant',
  'consistent_across_answers',
  'request_timeout',
  'network_error',
] as const;

export type CheckName = (typeof CHECK_NAMES)[number];

type Severity = 'error' | 'warning';

export interface Finding {
  check: CheckName;
  operationId: string;
  method: string;
  pathTemplate: string;
  /** One line: `Response violates schema`. */
  title: string;
  /** What is wrong, in a sentence. */
  message: string;
  severity: Severity;
  /** The response status, when there was a response. */
  status?: number;
  /** JSON pointer into the response body (the first, when the finding groups several). */
  pointer?: string;
  /** Every pointer, when one check found several problems in one answer (grouped into this finding). */
  pointers?: string[];
  /** The response header concerned (lower case). */
  header?: string;
  /** JSON pointer into the bundled spec of the failing schema keyword. */
  schemaPath?: string;
  expected?: unknown;
  received?: unknown;
  caseId: string;
  /** Identifies the same problem across cases of one operation: deduplication keeps the first. */
  key: string;
  /** The request as a runnable curl line, secrets redacted. */
  curl: string;
  /** Set when the fuzzer found it: how to generate the same requests again. */
  fuzz?: FuzzOrigin;
}

/** Where a fuzzed finding came from; the request of the finding is the shrunk one. */
export interface FuzzOrigin {
  /** The run's seed (`--seed`): with the same `--fuzz` it generates the same requests. */
  seed: number;
  /** Requests per operation (`--fuzz`). */
  runs: number;
  /** Which of the operation's two generators: valid requests, or requests with one bad part. */
  group: 'valid' | 'negative';
  /** The generated request (1-based, in that generator) that failed first. */
  request: number;
  /** Smaller failing requests found on the way from that one to this one. */
  shrinks: number;
  /** fast-check's seed and counterexample path (`fc.check(…, { seed, path })` replays it). */
  fcSeed: number;
  fcPath: string;
}

/** What a check returns: the finding without the case's and operation's particulars. */
export interface FindingDraft {
  title: string;
  message: string;
  key: string;
  severity?: Severity;
  pointer?: string;
  pointers?: string[];
  header?: string;
  schemaPath?: string;
  expected?: unknown;
  received?: unknown;
}

/** Keeps the first finding of each key (input order is case order, so the result is stable). */
export function dedupe(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.check}\u0000${f.operationId}\u0000${f.key}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
