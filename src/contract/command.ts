/**
 * @module
 * `hackatime-kit contract --base-url URL [options]`: parses flags (flags > environment > --vars),
 * runs the contract with the console reporter and any `--report` files, and maps the outcome to an
 * exit code: 0 clean, 1 findings, 2 (a thrown KitError, rendered by src/cli.ts) usage or connection.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { parseCommandArgs } from '../spec/command-args.js';
import { UsageError } from '../spec/errors.js';
import { loadSpec } from '../spec/load.js';
import { pathError, requireReadable, requireWritable } from '../spec/user-paths.js';
import { checkList } from './judge/catalogue.js';
import type { ContractOptions } from './options.js';
import { parseProfile } from './plan/profile.js';
import { parseShard } from './plan/shard.js';
import { consoleReporter } from './report/console.js';
import { plural } from './report/format.js';
import { htmlReporter } from './report/html.js';
import { jsonReporter, writeJsonReport } from './report/json.js';
import { junitReporter } from './report/junit.js';
import { mergeReports, readJsonReport } from './report/merge.js';
import type { Reporter } from './report/reporter.js';
import { runContract } from './runner.js';

export const CONTRACT_HELP = `Usage: hackatime-kit contract --base-url URL [options]

Replays requests against a Hackatime-compatible server and checks every answer against the spec.
Exits 0 when clean, 1 on findings, 2 on a usage error or an unreachable server.

Target and credentials (flags win over the environment, which wins over --vars):
  --base-url URL               the server to test (required), e.g. http://127.0.0.1:4010
  --api-key KEY                a user API key            (env HACKATIME_API_KEY)
  --admin-key KEY              an admin API key (hka_…)  (env HACKATIME_ADMIN_KEY)
  --oauth-token TOKEN          an OAuth token with the scopes profile and read
                                                         (env HACKATIME_OAUTH_TOKEN)
  --legacy-stats-key KEY       STATS_API_KEY of the removed endpoints
                                                         (env HACKATIME_LEGACY_STATS_KEY)
  --admin-token TOKEN          the mock's admin token, to read /__mock/credentials of a mock
                               bound off loopback (env HACKATIME_KIT_ADMIN_TOKEN); never reported
  --username NAME              the user of per-user endpoints (the API key's owner)
  --var NAME=VALUE             any other variable: email, slack_uid, project, … (repeatable)
  --vars FILE                  YAML or JSON map of variables (and api_key, admin_key,
                               oauth_token, legacy_stats_key)
  --header 'NAME: VALUE'       an extra header on every request (repeatable)
  Against the hackatime-kit mock, credentials and variables are read from /__mock/credentials.

Selection:
  --include-operation-id ID    only these operations (repeatable or comma-separated)
  --exclude-operation-id ID    not these operations (repeatable or comma-separated)
  --tag TAG                    only operations with this tag (repeatable)
  --include-deprecated         also the deprecated (removed) operations: each a request that
                               expects the 404 of an unknown route, as the server answers today
  --legacy-endpoints           the target still answers the removed operations as they last did
                               (a mock started with --legacy-endpoints): check those answers
  --fixtures DIR               recorded cases (default: fixtures/cases); --no-fixtures for none
  --spec FILE                  root file of the spec (default: the bundled Hackatime spec)

Running:
  --shard I/N                  only the I-th of N stable parts of the run (a CI matrix); merge
                               their JSON reports with --merge-reports
  --merge-reports FILE         instead of a run: merge the JSON reports of the shards of one run
                               (repeatable) into --report json:PATH; exits 1 on error findings
  --wait-for-server SECONDS    first poll the base URL until it answers (a server started by
                               the same CI job), at most this long
  --concurrency N              requests in flight (default 8)
  --timeout DURATION           per request: 500ms, 2s or seconds (default 10s)
  --retries N                  retries after a network error (default 1); a 429 is waited
                               out per its Retry-After (up to 60 s) and sent again
  --max-rate N                 at most N requests per second (default 4 against a host that is
                               not loopback, inside Hackatime's rate limits; none on loopback;
                               0 for none)
  --seed N                     seed of generated values (default: random, printed)
  --strict                     undocumented properties are errors, not warnings (one that
                               looks like a secret or personal data is an error anyway)
  --allow-writes               also send requests that change state (heartbeats, OAuth grants)
                               to a host that is not loopback; without it they are skipped
  --profile NAME               hackatime (default): the real server's documented quirks (e.g. a
                               negative limit → 500) are required; compatible: they are not, a
                               documented non-5xx answer passes too
  --checks                     list the checks and exit

Fuzzing:
  --fuzz N                     also generate N requests per operation from the spec: valid ones
                               (must get a documented answer, not a 5xx) and ones with one bad
                               part — a value its schema rejects, a missing parameter or
                               credential, malformed JSON, a wrong content type, an oversized
                               body (must get the documented 4xx). A failure is shrunk to the
                               smallest failing request and printed as a curl line with the seed.
                               Writes only harmless heartbeats (test.txt, 2020-01-01); OAuth and
                               other writes get error paths only.

Reports:
  --report junit:PATH          JUnit XML, one testcase per operation and check (repeatable)
  --report json:PATH           JSON, see docs/contract-report.md (repeatable)
  --report html:PATH           one self-contained page: totals, a grid of operations × checks,
                               each finding with its diff and curl line (repeatable)
`;

const OPTIONS = {
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  'admin-key': { type: 'string' },
  'admin-token': { type: 'string' },
  'oauth-token': { type: 'string' },
  'legacy-stats-key': { type: 'string' },
  username: { type: 'string' },
  var: { type: 'string', multiple: true },
  vars: { type: 'string' },
  header: { type: 'string', multiple: true },
  'include-operation-id': { type: 'string', multiple: true },
  'exclude-operation-id': { type: 'string', multiple: true },
  tag: { type: 'string', multiple: true },
  'include-deprecated': { type: 'boolean' },
  'legacy-endpoints': { type: 'boolean' },
  fixtures: { type: 'string' },
  'no-fixtures': { type: 'boolean' },
  spec: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  'max-rate': { type: 'string' },
  'wait-for-server': { type: 'string' },
  shard: { type: 'string' },
  'merge-reports': { type: 'string', multiple: true },
  seed: { type: 'string' },
  strict: { type: 'boolean' },
  fuzz: { type: 'string' },
  report: { type: 'string', multiple: true },
  profile: { type: 'string' },
  'allow-writes': { type: 'boolean' },
  checks: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const CREDENTIAL_KEYS = ['api_key', 'admin_key', 'oauth_token', 'legacy_stats_key'] as const;

export function parseDuration(text: string, flag = '--timeout'): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text.trim());
  if (!match) throw new UsageError(`${flag} must be like 500ms, 2s or 2, not "${text}"`);
  const value = Number(match[1]);
  return Math.round(match[2] === 'ms' ? value : value * 1000);
}

function integer(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--${name} must be a whole number, not "${text}"`);
  return Number(text);
}

const list = (values: string[] | undefined): string[] | undefined =>
  values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

function readVarsFile(file: string): Record<string, string> {
  requireReadable('--vars', file, 'file');
  let doc: unknown;
  try {
    doc = parse(readFileSync(resolve(file), 'utf8'));
  } catch (err) {
    const error = pathError(err, '--vars', file);
    throw error instanceof UsageError ? error : new UsageError(`--vars ${file}: ${(err as Error).message}`);
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new UsageError(`--vars ${file}: expected a map of names to values`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(doc)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new UsageError(`--vars ${file}: ${name} must be a string or a number`);
    out[name] = String(value);
  }
  return out;
}

function parseHeaders(values: string[] | undefined): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const raw of values ?? []) {
    const at = raw.indexOf(':');
    // The value is not echoed: it may be a secret.
    if (at <= 0) throw new UsageError(`--header must be "NAME: VALUE" (header ${JSON.stringify(raw.split(':')[0])})`);
    headers[raw.slice(0, at).trim()] = raw.slice(at + 1).trim();
  }
  return headers;
}

function parseReports(values: string[] | undefined): Reporter[] {
  return (values ?? []).map((spec) => {
    const [kind, ...rest] = spec.split(':');
    const path = rest.join(':');
    if (path === '' || (kind !== 'junit' && kind !== 'json' && kind !== 'html'))
      throw new UsageError(`--report must be junit:PATH, json:PATH or html:PATH, not "${spec}"`);
    // Checked now: a report that cannot be written should not cost a whole run first.
    requireWritable('--report', path, 'file', { createFolders: true });
    return { junit: junitReporter, json: jsonReporter, html: htmlReporter }[kind](resolve(path));
  });
}

/** Options for `runContract` from the command line and the environment. */
export function contractOptions(
  args: string[],
  env: NodeJS.ProcessEnv,
): { options: ContractOptions; reports: Reporter[] } | { merge: string[]; into: string[] } | 'help' | 'checks' {
  const { values } = parseCommandArgs(args, OPTIONS);
  if (values.help) return 'help';
  if (values.checks) return 'checks';
  if (values['merge-reports'] !== undefined) {
    for (const file of values['merge-reports']) requireReadable('--merge-reports', file, 'file');
    const into = (values.report ?? []).map((spec) => {
      if (!spec.startsWith('json:') || spec.length === 5)
        throw new UsageError(`--merge-reports writes json:PATH reports only, not "${spec}"`);
      requireWritable('--report', spec.slice(5), 'file', { createFolders: true });
      return resolve(spec.slice(5));
    });
    return { merge: values['merge-reports'], into };
  }
  if (values['base-url'] === undefined) throw new UsageError('--base-url is required (run with --help for the options)');
  const fromFile = values.vars === undefined ? {} : readVarsFile(values.vars);
  const variables: Record<string, string> = Object.fromEntries(
    Object.entries(fromFile).filter(([k]) => !(CREDENTIAL_KEYS as readonly string[]).includes(k)),
  );
  for (const pair of values.var ?? []) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new UsageError(`--var must be NAME=VALUE, not "${pair}"`);
    variables[pair.slice(0, at)] = pair.slice(at + 1);
  }
  if (values.username !== undefined) variables['username'] = values.username;
  const credential = (flag: string | undefined, envName: string, fileKey: (typeof CREDENTIAL_KEYS)[number]) =>
    flag ?? env[envName] ?? fromFile[fileKey];
  const options: ContractOptions = {
    baseUrl: values['base-url'],
    variables,
    headers: parseHeaders(values.header),
    includeDeprecated: values['include-deprecated'] === true,
    legacyEndpoints: values['legacy-endpoints'] === true,
    strict: values.strict === true,
    allowWrites: values['allow-writes'] === true,
    fixturesDir: values['no-fixtures'] ? null : values.fixtures === undefined ? undefined : resolve(values.fixtures),
  };
  if (values.fixtures !== undefined && !values['no-fixtures']) requireReadable('--fixtures', values.fixtures, 'folder');
  const set = <K extends keyof ContractOptions>(key: K, value: ContractOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('apiKey', credential(values['api-key'], 'HACKATIME_API_KEY', 'api_key'));
  set('adminKey', credential(values['admin-key'], 'HACKATIME_ADMIN_KEY', 'admin_key'));
  set('mockAdminToken', values['admin-token'] ?? env['HACKATIME_KIT_ADMIN_TOKEN']);
  set('oauthToken', credential(values['oauth-token'], 'HACKATIME_OAUTH_TOKEN', 'oauth_token'));
  set('legacyStatsKey', credential(values['legacy-stats-key'], 'HACKATIME_LEGACY_STATS_KEY', 'legacy_stats_key'));
  set('includeOperationIds', list(values['include-operation-id']));
  set('excludeOperationIds', list(values['exclude-operation-id']));
  set('tags', values.tag);
  set('concurrency', integer('concurrency', values.concurrency));
  set('retries', integer('retries', values.retries));
  if (values['max-rate'] !== undefined) {
    if (!/^\d+(\.\d+)?$/.test(values['max-rate']))
      throw new UsageError(`--max-rate must be a number of requests per second, not "${values['max-rate']}"`);
    options.maxRate = Number(values['max-rate']);
  }
  set('seed', integer('seed', values.seed));
  set('profile', values.profile === undefined ? undefined : parseProfile(values.profile));
  const fuzz = integer('fuzz', values.fuzz);
  if (fuzz !== undefined) {
    if (fuzz < 1) throw new UsageError('--fuzz must be at least 1');
    options.fuzz = { runs: fuzz };
  }
  set('timeoutMs', values.timeout === undefined ? undefined : parseDuration(values.timeout));
  set('shard', values.shard === undefined ? undefined : parseShard(values.shard));
  set(
    'waitForServerMs',
    values['wait-for-server'] === undefined ? undefined : parseDuration(values['wait-for-server'], '--wait-for-server'),
  );
  if (values.spec !== undefined) {
    requireReadable('--spec', values.spec, 'file');
    options.spec = loadSpec(resolve(values.spec));
  }
  return { options, reports: parseReports(values.report) };
}

export async function contractCommand(args: string[]): Promise<number> {
  const parsed = contractOptions(args, process.env);
  if (parsed === 'help') {
    process.stdout.write(CONTRACT_HELP);
    return 0;
  }
  if (parsed === 'checks') {
    process.stdout.write(checkList());
    return 0;
  }
  if ('merge' in parsed) {
    const merged = mergeReports(parsed.merge.map(readJsonReport));
    await Promise.all(parsed.into.map((path) => writeJsonReport(path, merged)));
    const { operations, findings } = merged.summary;
    process.stdout.write(
      `Merged ${plural(parsed.merge.length, 'report')}: ${plural(findings.errors, 'error')}, ${plural(findings.warnings, 'warning')} · ${merged.summary.cases.run} cases run\n` +
        `${operations.passed} passed, ${operations.failed} failed, ${operations.skipped} skipped\n`,
    );
    return findings.errors > 0 ? 1 : 0;
  }
  const reporters = [consoleReporter({ write: (text) => process.stdout.write(text) }), ...parsed.reports];
  const result = await runContract({
    ...parsed.options,
    onEvent: (e) => {
      for (const r of reporters) r.onEvent(e);
    },
  });
  try {
    await Promise.all(reporters.map((r) => r.close()));
  } catch (err) {
    // Checked before the run, so only what could not be foreseen (a full disk) lands here.
    throw pathError(err, '--report', (err as NodeJS.ErrnoException).path ?? '(a report file)');
  }
  return result.summary.findings.errors > 0 ? 1 : 0;
}
