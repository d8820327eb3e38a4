/**
 * `hackatime-kit mock` logs each request on stdout after its banner: a line for people by default,
 * a JSON object per line with `--log json`, nothing with `--quiet`; the API key of a request is
 * never in the log.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { DEMO_KEY } from '../helpers/mock.js';

const STATUSBAR = `/api/hackatime/v1/users/current/statusbar/today?api_key=${DEMO_KEY}`;

/** Starts the command with `flags`, sends two requests once it listens, stops it; its stdout after the banner. */
function logOf(flags: string[]): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      // The installed command (bin/ runs the build, which test/global-setup.ts keeps current).
      ['bin/hackatime-kit.js', 'mock', '--port', '0', '--now', '2026-08-22T18:30:00Z', ...flags],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    let asked = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /listening on (\S+)/.exec(stdout)?.[1];
      if (!url || asked) return;
      asked = true;
      void (async () => {
        for (const path of ['/api/v1/users/demo/stats', STATUSBAR]) await (await fetch(`${url}${path}`)).arrayBuffer();
        // Lines are written before the response: both are on stdout once the answers are in.
        child.kill('SIGINT');
      })().catch(reject);
    });
    child.on('error', reject);
    // The banner is its first line and the indented ones under it.
    child.on('close', () =>
      resolve(
        stdout
          .split('\n')
          .slice(1)
          .filter((line) => line !== '' && !line.startsWith(' ')),
      ),
    );
  });
}

describe('hackatime-kit mock logs its requests', () => {
  it('as a line each for people, by default', async () => {
    const lines = await logOf([]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d\.\d{3} GET \/api\/v1\/users\/demo\/stats 200 \d+\.\d ms -$/);
    expect(lines[1]).toMatch(/^\S+ GET \/api\/hackatime\/v1\/users\/current\/statusbar\/today\?api_key=REDACTED 200 \S+ ms demo$/);
    expect(lines.join('\n')).not.toContain(DEMO_KEY);
  });

  it('as JSON lines with --log json', async () => {
    const lines = await logOf(['--log', 'json']);
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/v1/users/demo/stats', status: 200, user: null }),
      expect.objectContaining({ path: '/api/hackatime/v1/users/current/statusbar/today?api_key=REDACTED', status: 200, user: 'demo' }),
    ]);
  });

  it('not at all with --quiet', async () => {
    expect(await logOf(['--quiet'])).toEqual([]);
  });
});
