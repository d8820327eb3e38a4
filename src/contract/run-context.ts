/**
 * @module
 * Everything a run knows, built once from the options (`options.ts`) and passed down. A stage takes
 * the part it reads as a `Pick<RunContext, …>`, so a field is named and documented here only.
 */
import type { LoadedSpec } from '../spec/load.js';
import type { IndexedOperation } from '../spec/operations.js';
import type { SpecValidator } from '../spec/validator.js';
import type { RunEvent } from './events.js';
import type { RecordedCase } from './plan/fixtures.js';
import type { Profile } from './plan/profile.js';
import type { Shard } from './plan/shard.js';
import type { Target } from './plan/variables.js';
import type { CurlVariables } from './send/curl.js';
import type { Limit } from './send/limit.js';
import type { Pace } from './send/pace.js';
import type { Redactor } from './send/redact.js';

export interface RunContext {
  spec: LoadedSpec;
  /** The one validator of `spec.document`, shared with the mock. */
  validator: SpecValidator;
  /** The selected operations, in spec order. */
  operations: readonly IndexedOperation[];
  /** `--base-url`, without a trailing slash. */
  baseUrl: string;
  /** Sent with every request (`--header`); a case's own headers win. */
  headers: Record<string, string>;
  /** Per request, for the whole answer (`--timeout`). */
  timeoutMs: number;
  /** Retries of a request that failed at the network level (`--retries`). */
  retries: number;
  /** Requests in flight at once (`--concurrency`). */
  concurrency: number;
  /** Seed of every generated value (`--seed`, else random and printed). */
  seed: number;
  /** `--strict`: warnings (undocumented properties) count as errors. */
  strict: boolean;
  /** `--profile`: whether the real server's documented quirks (crashes) are required. */
  profile: Profile;
  /** Whether requests that change state may be sent: `--allow-writes`, or a loopback target. */
  allowWrites: boolean;
  /** `--legacy-endpoints`: the removed operations are planned as they last answered, not as 404s. */
  legacyEndpoints: boolean;
  /** `--shard i/n`: the part of the run this job does; the whole run without it. */
  shard: Shard | undefined;
  /** Credentials, variables and today of the server under test. */
  target: Target;
  /** Every recorded case of the run, all operations. */
  recorded: readonly RecordedCase[];
  /** `--fuzz N`: generated requests per operation and their seed. */
  fuzz: { runs: number; seed: number } | undefined;
  /** The run's credentials as the environment variables curl lines read them from. */
  curlVariables: CurlVariables;
  /** Knows every secret of the run (credentials, secret `--header` values). */
  redactor: Redactor;
  /** The run's concurrency limit, shared by every request. */
  limit: Limit;
  /** The run's pace (`--max-rate`), awaited before every request sent. */
  pace: Pace;
  emit: (event: RunEvent) => void;
}
