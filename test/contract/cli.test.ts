/**
 * `hackatime-kit contract` as a CI pipeline runs it: exit codes, the one-line reason of a kit error,
 * the report files, no secret in any output, and the console report pinned by a normalised snapshot.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp.js';
import {
  ADMIN_KEY,
  API_KEY,
  FAKE_OPERATIONS,
  fakeHackatime,
  type Mutation,
  OAUTH_TOKEN,
  SLACK_UID,
  USERNAME,
} from './helpers/fake-hackatime.js';
import { closedPort, startTestServer, type TestServer } from './helpers/test-server.js';

const CLEAN_ENV = { HACKATIME_API_KEY: '', HACKATIME_ADMIN_KEY: '', HACKATIME_OAUTH_TOKEN: '', HACKATIME_LEGACY_STATS_KEY: '' };

let server: TestServer;
let mutation: Mutation = 'none';

beforeAll(async () => {
  server = await startTestServer(fakeHackatime(() => mutation));
});
afterAll(async () => server.close());

const contract = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCliInProcess(['contract', '--base-url', server.url, '--no-fixtures', '--seed', '3', ...args], { env: { ...CLEAN_ENV, ...env } });
const only = (ids: string[]) => ['--include-operation-id', ids.join(',')];

/** Times and the port change from run to run; nothing else may. */
const normalise = (text: string) =>
  text
    .replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT')
    .replace(/\(\d+ ms\)/g, '(N ms)')
    .replace(/\d+\.\d+ s ·/g, 'N s ·');

describe('hackatime-kit contract', () => {
  it('prints its usage with --help', async () => {
    const { code, stdout } = await runCliInProcess(['contract', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: hackatime-kit contract --base-url URL [options]');
  });

  it('lists every check with --checks, without a server', async () => {
    const { code, stdout } = await runCliInProcess(['contract', '--checks']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^sensitive_data_leak +No undocumented property looks like a secret/m);
    expect(
      stdout
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => l.split(' ')[0]),
    ).toEqual(expect.arrayContaining(['not_a_server_error', 'network_error']));
  });

  it('exits 2 with a one-line reason without --base-url', async () => {
    const { code, stderr } = await runCliInProcess(['contract']);
    expect(code).toBe(2);
    expect(stderr).toBe('hackatime-kit contract: --base-url is required (run with --help for the options)\n');
  });

  it('exits 2 with a one-line reason on a bad option value', async () => {
    const { code, stderr } = await contract(['--concurrency', 'lots']);
    expect(code).toBe(2);
    expect(stderr).toBe('hackatime-kit contract: --concurrency must be a whole number, not "lots"\n');
  });

  it('exits 2 naming the closest operationId for an unknown one', async () => {
    const { code, stderr } = await contract(['--include-operation-id', 'getUserStat']);
    expect(code).toBe(2);
    expect(stderr).toBe('hackatime-kit contract: unknown operationId "getUserStat" (did you mean getUserStats?)\n');
  });

  it('exits 2 with a one-line reason when the server cannot be reached', async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await runCliInProcess([
      'contract',
      '--base-url',
      `http://127.0.0.1:${port}`,
      '--retries',
      '0',
      '--timeout',
      '2s',
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`hackatime-kit contract: cannot reach http://127.0.0.1:${port}: connection refused (ECONNREFUSED)\n`);
  });

  it("exits 2 saying why when Node's fetch refuses the port", async () => {
    // 6666 is on the Fetch standard's list of blocked ports: fetch fails before connecting, so no
    // server needs to listen there.
    const { code, stdout, stderr } = await runCliInProcess(['contract', '--base-url', 'http://127.0.0.1:6666', '--retries', '0']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      "hackatime-kit contract: cannot reach http://127.0.0.1:6666: Node's fetch refuses port 6666 (it is on the Fetch standard's list of blocked ports); serve on another port, e.g. 4010\n",
    );
  });

  it('exits 0 against a server that keeps the contract', async () => {
    mutation = 'none';
    const { code, stdout } = await contract([
      ...only(FAKE_OPERATIONS),
      '--api-key',
      API_KEY,
      '--oauth-token',
      OAUTH_TOKEN,
      '--username',
      USERNAME,
    ]);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('5 passed, 0 failed, 0 skipped');
  });

  it('exits 1 on findings, writes JSON and JUnit reports, and shows no secret anywhere', async () => {
    mutation = 'leaks-api-key';
    const dir = tempDir('contract-reports');
    const json = join(dir, 'out', 'report.json');
    const junit = join(dir, 'junit.xml');
    const { code, stdout, stderr } = await contract(
      [
        ...only(FAKE_OPERATIONS),
        '--api-key',
        API_KEY,
        '--admin-key',
        ADMIN_KEY,
        '--username',
        USERNAME,
        '--var',
        `slack_uid=${SLACK_UID}`,
        '--header',
        `X-Api-Key: ${ADMIN_KEY}`,
        '--report',
        `json:${json}`,
        '--report',
        `junit:${junit}`,
      ],
      { HACKATIME_OAUTH_TOKEN: OAUTH_TOKEN },
    );
    expect(code).toBe(1);
    const outputs = { stdout, stderr, json: readFileSync(json, 'utf8'), junit: readFileSync(junit, 'utf8') };
    for (const [name, text] of Object.entries(outputs)) {
      for (const secret of [API_KEY, ADMIN_KEY, OAUTH_TOKEN, Buffer.from(API_KEY).toString('base64')]) {
        expect(text.includes(secret), `${secret} in ${name}`).toBe(false);
      }
    }
    expect(stdout).toContain('-H "Authorization: Bearer $HACKATIME_API_KEY"');
    expect(stdout).toContain(
      "The curl lines read the run's credentials from $HACKATIME_ADMIN_KEY, $HACKATIME_API_KEY: set them before running one.",
    );

    const report = JSON.parse(outputs.json) as { summary: unknown; findings: Record<string, unknown>[] };
    expect(report.summary).toMatchObject({ operations: { passed: 4, failed: 1, skipped: 0 }, findings: { errors: 1, warnings: 0 } });
    expect(report.findings).toEqual([
      expect.objectContaining({
        operationId: 'getCurrentUser',
        method: 'GET',
        path: '/api/hackatime/v1/users/{id}',
        check: 'response_schema_conformance',
        severity: 'error',
        pointer: '/data/id',
        expected: expect.objectContaining({ pattern: '^[0-9]+$' }),
        received: '[REDACTED]',
        message: expect.stringContaining('/data/id'),
      }),
    ]);

    expect(outputs.junit).toContain('<testcase classname="getCurrentUser" name="getCurrentUser: response_schema_conformance"');
    expect(outputs.junit).toMatch(/name="getCurrentUser: response_schema_conformance"[^>]*>\s*<failure type="response_schema_conformance"/);
    expect(outputs.junit).toMatch(/name="getUserTrustFactor: ignored_auth"[^>]*>\s*<skipped message="no request without credentials"\/>/);
    expect(outputs.junit.match(/<testcase /g)).toHaveLength(5 * 16);
  });

  it('reports a broken answer the same way every time', async () => {
    mutation = 'wrong-type';
    const { code, stdout } = await contract([...only(['getUserTrustFactor', 'getCurrentUser']), '--username', USERNAME], {
      HACKATIME_API_KEY: API_KEY,
    });
    expect(code).toBe(1);
    expect(normalise(stdout)).toMatchSnapshot();
  });

  it('merges the JSON reports of a run split with --shard into the report of the whole run', async () => {
    mutation = 'wrong-type';
    const dir = tempDir('contract-shards');
    const credentials = ['--api-key', API_KEY, '--oauth-token', OAUTH_TOKEN, '--username', USERNAME];
    const runTo = (file: string, extra: string[] = []) =>
      contract([...only(FAKE_OPERATIONS), ...credentials, ...extra, '--report', `json:${join(dir, file)}`]);
    await runTo('whole.json');
    await runTo('1.json', ['--shard', '1/2']);
    await runTo('2.json', ['--shard', '2/2']);
    const merged = await runCliInProcess([
      'contract',
      '--merge-reports',
      join(dir, '1.json'),
      '--merge-reports',
      join(dir, '2.json'),
      '--report',
      `json:${join(dir, 'merged.json')}`,
    ]);
    expect(merged.code).toBe(1);
    expect(merged.stdout).toMatch(/^Merged 2 reports: 1 error, 0 warnings · \d+ cases run\n\d passed, 1 failed, 0 skipped\n$/);
    type Report = {
      summary: { cases: unknown; operations: unknown; findings: unknown };
      operations: { operationId: string; status: string; cases: number }[];
      findings: { check: string; operationId: string; key: string }[];
    };
    const read = (file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Report;
    const [whole, all] = [read('whole.json'), read('merged.json')];
    const shape = (r: Report) => ({
      cases: r.summary.cases,
      operations: r.summary.operations,
      findings: r.summary.findings,
      perOperation: r.operations.map((o) => [o.operationId, o.status, o.cases]),
      keys: r.findings.map((f) => `${f.check} ${f.operationId} ${f.key}`).sort(),
    });
    expect(shape(all)).toEqual(shape(whole));
  });

  it('merges only JSON reports, into JSON', async () => {
    const { code, stderr } = await runCliInProcess(['contract', '--merge-reports', 'package.json', '--report', 'junit:x.xml']);
    expect(code).toBe(2);
    expect(stderr).toContain('--merge-reports writes json:PATH reports only, not "junit:x.xml"');
  });
});
