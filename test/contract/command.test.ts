/**
 * The command line as options: precedence of flags, environment and --vars, and value parsing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contractOptions, parseDuration } from '../../src/contract/command.js';
import { UsageError } from '../../src/spec/errors.js';
import { tempDir } from '../helpers/temp.js';

const options = (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const parsed = contractOptions(['--base-url', 'http://127.0.0.1:4010', ...args], env);
  if (typeof parsed !== 'object' || !('options' in parsed)) throw new Error('not a run');
  return parsed.options;
};

describe('contract options', () => {
  it('take credentials from flags over the environment over --vars', () => {
    const dir = tempDir('contract-vars');
    const vars = join(dir, 'vars.yaml');
    writeFileSync(vars, 'api_key: from-file\nadmin_key: admin-from-file\nusername: orpheus\nproject: hackatime\nuser_id: 42\n');
    const o = options(['--vars', vars, '--api-key', 'from-flag', '--var', 'project=harbor'], {
      HACKATIME_API_KEY: 'from-env',
      HACKATIME_OAUTH_TOKEN: 'token-from-env',
    });
    expect(o).toMatchObject({
      apiKey: 'from-flag',
      adminKey: 'admin-from-file',
      oauthToken: 'token-from-env',
      variables: { username: 'orpheus', project: 'harbor', user_id: '42' },
    });
    expect(o.variables).not.toHaveProperty('api_key');
    expect(options(['--username', 'heidi', '--vars', vars]).variables?.['username']).toBe('heidi');
  });

  it('take the mock admin token from --admin-token over $HACKATIME_KIT_ADMIN_TOKEN', () => {
    expect(options([], { HACKATIME_KIT_ADMIN_TOKEN: 'from-env-0123456789' }).mockAdminToken).toBe('from-env-0123456789');
    expect(options(['--admin-token', 'from-flag-0123456789'], { HACKATIME_KIT_ADMIN_TOKEN: 'from-env' }).mockAdminToken).toBe(
      'from-flag-0123456789',
    );
    expect(options([]).mockAdminToken).toBeUndefined();
  });

  it('take --profile hackatime or compatible, nothing else', () => {
    expect(options(['--profile', 'compatible']).profile).toBe('compatible');
    expect(options([]).profile).toBeUndefined();
    expect(() => options(['--profile', 'lenient'])).toThrow('--profile must be hackatime or compatible, not "lenient"');
  });

  it('take --wait-for-server as a duration', () => {
    expect(options(['--wait-for-server', '30']).waitForServerMs).toBe(30_000);
    expect(options(['--wait-for-server', '500ms']).waitForServerMs).toBe(500);
    expect(() => options(['--wait-for-server', 'long'])).toThrow('--wait-for-server must be like 500ms, 2s or 2, not "long"');
  });

  it('take --max-rate as requests per second', () => {
    expect(options(['--max-rate', '2.5']).maxRate).toBe(2.5);
    expect(options(['--max-rate', '0']).maxRate).toBe(0);
    expect(() => options(['--max-rate', 'fast'])).toThrow('--max-rate must be a number of requests per second, not "fast"');
  });

  it('allow writes to a host that is not loopback only with --allow-writes', () => {
    expect(options([]).allowWrites).toBe(false);
    expect(options(['--allow-writes']).allowWrites).toBe(true);
  });

  it('split comma-separated operation ids and parse numbers and durations', () => {
    const o = options([
      '--include-operation-id',
      'getUserStats,getUserSpans',
      '--include-operation-id',
      'getBadge',
      '--concurrency',
      '4',
      '--timeout',
      '750ms',
      '--retries',
      '0',
      '--seed',
      '9',
      '--include-deprecated',
      '--strict',
    ]);
    expect(o).toMatchObject({
      includeOperationIds: ['getUserStats', 'getUserSpans', 'getBadge'],
      concurrency: 4,
      timeoutMs: 750,
      retries: 0,
      seed: 9,
      includeDeprecated: true,
      strict: true,
    });
    expect(parseDuration('2s')).toBe(2000);
    expect(parseDuration('1.5')).toBe(1500);
    expect(() => parseDuration('soon')).toThrow(UsageError);
  });

  it('parse extra headers and report targets, and refuse malformed ones', () => {
    const parsed = contractOptions(
      [
        '--base-url',
        'http://h',
        '--header',
        'X-Trace: a:b',
        '--report',
        'json:out.json',
        '--report',
        'junit:out.xml',
        '--report',
        'html:out.html',
      ],
      {},
    );
    expect(typeof parsed === 'object' && 'options' in parsed && parsed.options.headers).toEqual({ 'X-Trace': 'a:b' });
    expect(typeof parsed === 'object' && 'options' in parsed && parsed.reports).toHaveLength(3);
    expect(() => options(['--report', 'xml:out.xml'])).toThrow('--report must be junit:PATH, json:PATH or html:PATH');
    expect(() => options(['--header', 'secret-without-colon'])).toThrow(/--header must be "NAME: VALUE"/);
    expect(() => options(['--no-such-flag'])).toThrow(UsageError);
  });
});

describe('contract options naming paths', () => {
  const work = tempDir('contract-paths');
  const file = join(work, 'plain.txt');
  writeFileSync(file, 'not a folder');

  it.each([
    [['--vars', work], `--vars ${work}: is a folder, not a file`],
    [['--vars', join(work, 'nope.yaml')], `--vars ${join(work, 'nope.yaml')}: no such file`],
    [['--spec', join(work, 'nope.yaml')], `--spec ${join(work, 'nope.yaml')}: no such file`],
    [['--spec', work], `--spec ${work}: is a folder, not a file`],
    [['--fixtures', join(work, 'nope')], `--fixtures ${join(work, 'nope')}: no such folder`],
    [['--fixtures', file], `--fixtures ${file}: is a file, not a folder`],
    [['--report', `json:${work}`], `--report ${work}: is a folder, not a file`],
    [['--report', `junit:${join(file, 'x.xml')}`], `--report ${join(file, 'x.xml')}: ${file} is a file, not a folder`],
    [['--fuzz', '-3'], '--fuzz must be a whole number, not "-3"'],
  ])('refuse %j before the run, in one line', (args, message) => {
    expect(() => options(args)).toThrow(new UsageError(message));
  });
});
