/**
 * @module
 * What `runContract` accepts, and the one place it becomes a `RunContext`: options checked (a bad
 * one is a UsageError before any request), operations selected, recorded cases loaded, and the
 * target resolved — the one step that asks the server (its credentials, or that it answers at all).
 */
import { UsageError } from '../spec/errors.js';
import { type LoadedSpec, loadSpec } from '../spec/load.js';
import { validatorFor } from '../spec/validator.js';
import type { RunEvent } from './events.js';
import { FIXTURES_DIR, loadRecordedCases } from './plan/fixtures.js';
import { type Profile, parseProfile } from './plan/profile.js';
import { randomSeed } from './plan/seeded.js';
import { type OperationFilters, selectOperations } from './plan/select.js';
import { parseShard, type Shard } from './plan/shard.js';
import { isLoopback } from './plan/writes.js';
import type { RunContext } from './run-context.js';
import { curlVariables } from './send/curl.js';
import { createLimit } from './send/limit.js';
import { createPace, DEFAULT_MAX_RATE } from './send/pace.js';
import { createRedactor, SECRET_HEADER } from './send/redact.js';
import { resolveTarget } from './send/target.js';
import { waitForServer } from './send/wait.js';

export interface ContractOptions extends OperationFilters {
  baseUrl: string;
  apiKey?: string;
  adminKey?: string;
  oauthToken?: string;
  legacyStatsKey?: string;
  /** The mock's admin token, for `/__mock/credentials` of a mock bound off loopback (never reported). */
  mockAdminToken?: string;
  /** Values for `{username}`, `{project}`, `{{name}}` in recorded cases, … */
  variables?: Record<string, string>;
  /** Requests in flight at once (default 8). */
  concurrency?: number;
  /** Per request, for the whole answer (default 10 000). */
  timeoutMs?: number;
  /** Retries of a request that failed at the network level (default 1). */
  retries?: number;
  seed?: number;
  /** Sent with every request. */
  headers?: Record<string, string>;
  /** Warnings (undocumented properties) count as errors. */
  strict?: boolean;
  /** Requests per second at most; default 4 against a host that is not loopback, else none; 0 for none. */
  maxRate?: number;
  /** Only this part of the run (`--shard i/n`). */
  shard?: Shard;
  /** Poll the base URL this long (ms) until it answers, before the run (`--wait-for-server`). */
  waitForServerMs?: number;
  /** Send requests that change state to a host that is not loopback (default false). */
  allowWrites?: boolean;
  /** `hackatime` (default): documented quirks are required; `compatible`: they are not. */
  profile?: Profile;
  /**
   * The target still answers the removed (`x-removed`) operations as they last did (a mock started
   * with `--legacy-endpoints`); by default each is expected to be the 404 of an unknown route.
   */
  legacyEndpoints?: boolean;
  /** Recorded cases; `null` for none (default `fixtures/cases/`). */
  fixturesDir?: string | null;
  spec?: LoadedSpec;
  /** Read credentials from `/__mock/credentials` when the server has it (default true). */
  detectMock?: boolean;
  onEvent?: (event: RunEvent) => void;
  /** The clock, for "today" against a real server (default Date.now). */
  now?: () => number;
  /** Beyond the replayed cases, `runs` generated requests per operation (`--fuzz N`); `seed` defaults to the run's. */
  fuzz?: { runs: number; seed?: number };
}

function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`--base-url "${raw}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url must be http or https, not ${url.protocol}`);
  if (url.username || url.password) throw new UsageError('--base-url must not carry credentials; use --api-key and friends');
  if (url.search || url.hash) throw new UsageError('--base-url must not have a query or fragment');
  return url.href.replace(/\/+$/, '');
}

function checkNumber(name: string, value: number, min: number): number {
  if (!Number.isFinite(value) || value < min) throw new UsageError(`${name} must be a number ≥ ${min}, not ${value}`);
  return value;
}

/**
 * The run's context from its options; throws a KitError for bad options, a malformed fixture or an
 * unreachable server.
 * @example
 * const run = await runContextFrom({ baseUrl: 'http://127.0.0.1:4010' });
 */
export async function runContextFrom(options: ContractOptions): Promise<RunContext> {
  const spec = options.spec ?? loadSpec();
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const concurrency = checkNumber('--concurrency', options.concurrency ?? 8, 1);
  const timeoutMs = checkNumber('--timeout', options.timeoutMs ?? 10_000, 1);
  const retries = checkNumber('--retries', options.retries ?? 1, 0);
  if (options.maxRate !== undefined) checkNumber('--max-rate', options.maxRate, 0);
  const seed = options.seed ?? randomSeed();
  const fuzz = options.fuzz && { runs: checkNumber('--fuzz', options.fuzz.runs, 1), seed: options.fuzz.seed ?? seed };
  const operations = selectOperations(spec.operations, options);
  const recorded = options.fixturesDir === null ? [] : loadRecordedCases(options.fixturesDir ?? FIXTURES_DIR, spec);
  const headers = options.headers ?? {};
  if (options.waitForServerMs !== undefined) {
    await waitForServer({ baseUrl, headers, timeoutMs, retries }, checkNumber('--wait-for-server', options.waitForServerMs, 0));
  }
  const target = await resolveTarget({
    baseUrl,
    headers,
    timeoutMs,
    retries,
    seed,
    spec,
    credentials: {
      apiKey: options.apiKey,
      adminKey: options.adminKey,
      oauthToken: options.oauthToken,
      legacyStatsKey: options.legacyStatsKey,
    },
    mockAdminToken: options.mockAdminToken,
    variables: options.variables ?? {},
    detectMock: options.detectMock ?? true,
    now: options.now ?? Date.now,
  });
  const headerSecrets = Object.entries(headers)
    .filter(([name]) => SECRET_HEADER.test(name))
    .map(([, value]) => value);
  return {
    spec,
    validator: validatorFor(spec.document),
    operations,
    baseUrl,
    headers,
    timeoutMs,
    retries,
    concurrency,
    seed,
    strict: options.strict === true,
    profile: parseProfile(options.profile ?? 'hackatime'),
    allowWrites: options.allowWrites === true || isLoopback(baseUrl),
    legacyEndpoints: options.legacyEndpoints === true,
    shard: options.shard === undefined ? undefined : parseShard(`${options.shard.index}/${options.shard.count}`),
    target,
    recorded,
    fuzz,
    curlVariables: curlVariables(target.credentials),
    redactor: createRedactor([...target.secrets, ...headerSecrets]),
    limit: createLimit(concurrency),
    pace: createPace(options.maxRate ?? (isLoopback(baseUrl) ? undefined : DEFAULT_MAX_RATE)),
    emit: (event) => options.onEvent?.(event),
  };
}
