/**
 * `hackatime-kit mock` at start-up: every usage or environment error is one line on stderr and exit
 * 2, and the banner names every start-up option that changes the answers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { banner } from '../../src/server/banner.js';
import { startMock } from '../../src/server/server.js';
import { runCliInProcess } from '../helpers/cli.js';
import { NOW, SEED } from '../helpers/mock.js';
import { tempDir } from '../helpers/temp.js';

const work = tempDir('mock-command');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs `hackatime-kit mock …` in-process, expecting it to refuse to start; returns its one line. */
async function refusal(args: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCliInProcess(['mock', ...args]);
  expect(code).toBe(2);
  expect(stdout).toBe('');
  expect(stderr.endsWith('\n') && stderr.split('\n')).toHaveLength(2);
  return stderr.trimEnd();
}

describe('hackatime-kit mock refuses to start in one line', () => {
  it.each([
    [['--port', '-1'], 'hackatime-kit mock: --port must be an integer from 0 to 65535, not "-1"'],
    [['-p', '-1'], 'hackatime-kit mock: --port must be an integer from 0 to 65535, not "-1"'],
    [['--days', '-5'], 'hackatime-kit mock: --days must be an integer from 2 to 366, not "-5"'],
    [['--days', '1'], 'hackatime-kit mock: --days must be an integer from 2 to 366, not "1"'],
    [['--port', '0', '--latency', '-5'], 'hackatime-kit mock: --latency must be MS or MIN-MAX in milliseconds, not "-5"'],
  ])('a negative number is the value of the option before it: %j', async (args, line) => {
    expect(await refusal(args)).toBe(line);
  });

  it('names the freshness modes', async () => {
    expect(await refusal(['--port', '0', '--freshness', 'stale'])).toBe(
      'hackatime-kit mock: --freshness must be immediate or real, not "stale"',
    );
  });

  it('names the largest world it can hold', async () => {
    expect(await refusal(['--users', '100001'])).toBe('hackatime-kit mock: --users must be an integer from 9 to 100000, not "100001"');
  });

  it('names $PORT when the port came from there', async () => {
    vi.stubEnv('PORT', 'abc');
    try {
      expect(await refusal([])).toBe('hackatime-kit mock: $PORT must be an integer from 0 to 65535, not "abc"');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('names a port in use and suggests --port 0', async () => {
    const holder: Server = createServer();
    const port = await new Promise<number>((resolve) =>
      holder.listen(0, '127.0.0.1', () => resolve((holder.address() as { port: number }).port)),
    );
    try {
      expect(await refusal(['--port', String(port), '--users', '9', '--days', '2'])).toBe(
        `hackatime-kit mock: port ${port} on 127.0.0.1 is already in use (another mock?); --port 0 picks a free port`,
      );
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it.each([
    ['a folder that does not exist', (dir: string) => join(dir, 'no-such-dir', 'x.jsonl'), /: folder .*no-such-dir does not exist$/],
    ['a folder', (dir: string) => dir, /: is a folder, not a file$/],
    [
      'a path under a file',
      (dir: string) => {
        writeFileSync(join(dir, 'plain'), '');
        return join(dir, 'plain', 'x.jsonl');
      },
      /: .*plain is a file, not a folder$/,
    ],
  ])('names a --data-file that cannot be kept: %s', async (_what, path, reason) => {
    const dir = mkdtempSync(join(work, 'data-'));
    const line = await refusal(['--port', '0', '--data-file', path(dir)]);
    expect(line).toMatch(/^hackatime-kit mock: --data-file /);
    expect(line).toMatch(reason);
  });
});

describe('the banner', () => {
  const lines = (text: string) => text.split('\n').map((l) => l.trim());

  it('lists nothing extra when every option is off', async () => {
    const mock = await startMock({ port: 0, seed: SEED, now: NOW, users: 9, days: 2 });
    try {
      const text = banner(mock);
      expect(lines(text).filter((l) => /^(latency|faults|OAuth app|approval|data file) /.test(l))).toEqual([]);
      expect(text).toContain(`hackatime-kit mock listening on ${mock.url}`);
      expect(text).toContain(`home       ${mock.url}/  (accounts, a year of activity, today's leaderboard, requests live)`);
    } finally {
      await mock.close();
    }
  });

  it('lists each active option on its own line', async () => {
    const dataFile = join(mkdtempSync(join(work, 'banner-')), 'beats.jsonl');
    const mock = await startMock({
      port: 0,
      seed: SEED,
      now: NOW,
      users: 9,
      days: 2,
      oauthApps: [
        {
          name: 'Mine',
          clientId: 'mine',
          secret: 'mine-secret',
          redirectUris: ['https://mine.example/cb'],
          confidential: true,
          scopes: [],
          verified: false,
        },
        { name: 'Cli', clientId: 'cli', redirectUris: ['http://127.0.0.1/cb'], confidential: false, scopes: ['profile'], verified: false },
      ],
      oauthAutoApprove: true,
      legacyEndpoints: true,
      freshness: 'real',
      dataFile,
    });
    try {
      const shown = lines(banner(mock, { latency: { min: 50, max: 200 }, faultRate: 0.1 }));
      expect(shown).toContain('latency    50-200 ms added to every /api answer (--latency)');
      expect(shown).toContain('faults     10% of /api answers reset, empty or truncated (--faults)');
      expect(shown).toContain('OAuth app  Mine: client_id mine (confidential, secret mine-secret) (--oauth-app)');
      expect(shown).toContain('OAuth app  Cli: client_id cli (public) (--oauth-app)');
      expect(shown).toContain('approval   GET /oauth/authorize approves valid requests as demo (--oauth-auto-approve)');
      expect(shown).toContain(`data file  ${dataFile}: 0 heartbeats loaded (--data-file)`);
      expect(shown).toContain('removed    the removed endpoints answer as they last did, not 404 (--legacy-endpoints)');
      expect(shown).toContain('freshness  summaries kept 1 min, streaks 1 h, leaderboards from cron builds (--freshness real)');
      expect(lines(banner(mock, { latency: { min: 25, max: 25 } }))).toContain('latency    25 ms added to every /api answer (--latency)');
    } finally {
      await mock.close();
    }
  });
});
