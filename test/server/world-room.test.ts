import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyticsIndexRoom, worldRoomProblem } from '../../src/server/world-room.js';
import { ROOT } from '../helpers/cli.js';
import { NOW, SEED } from '../helpers/mock.js';

const MB = 1024 * 1024;

describe('a world larger than the heap is refused at start', () => {
  it('lets the largest world start under the usual heap limit (4 GB on a 64-bit machine)', () => {
    expect(worldRoomProblem(100_000, 4096 * MB)).toBeNull();
  });

  it('names what the world needs, what the process may use and how to raise it, in one line', () => {
    const problem = worldRoomProblem(100_000, 256 * MB);
    expect(problem).toMatch(
      /^--users 100000 needs about \d+ MB of heap; this Node process may use 256 MB \(raise it with NODE_OPTIONS=--max-old-space-size=\d+\)$/,
    );
  });

  it('grows with the users asked for', () => {
    expect(worldRoomProblem(1000, 256 * MB)).toBeNull();
    expect(worldRoomProblem(100_000, 256 * MB)).not.toBeNull();
  });
});

describe("the admin analytics' index gets half the heap", () => {
  it('half the limit given', () => {
    expect(analyticsIndexRoom(4096 * MB)).toBe(2048 * MB);
  });

  it("a Node mock whose heap cannot hold a 1,000-user year's index refuses the read (503) instead of running out of heap", async () => {
    // 200 MB of heap holds the world but not 10 million heartbeats' index (about 240 MB).
    const script = `
      const { createMock } = await import('./src/server/server.ts');
      const mock = createMock({ seed: ${SEED}, now: ${NOW}, users: 1000, days: 365 });
      const res = await mock.app.request('/api/admin/v1/users/active', { headers: { Authorization: 'Bearer hka_${'a'.repeat(64)}', Accept: 'application/json' } });
      process.stdout.write(JSON.stringify({ status: res.status, body: await res.json() }));
    `;
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
      const child = spawn(process.execPath, ['--max-old-space-size=200', '--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', reject);
      child.on('close', (exit) => resolve({ stdout: out, code: exit }));
    });
    expect(code).toBe(0);
    const { status, body } = JSON.parse(stdout) as { status: number; body: { error: string } };
    expect(status).toBe(503);
    expect(body.error).toMatch(
      /^The mock's world is too large for this read: about \d+ heartbeats need about \d+ MB for its index, and \d+ MB are left for it$/,
    );
  });
});
