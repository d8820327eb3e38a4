/**
 * --wait-for-server: the runner polls a base URL until any answer comes, or says why it gave up.
 */
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectionError } from '../../../src/contract/errors.js';
import { waitForServer } from '../../../src/contract/send/wait.js';
import { closedPort } from '../helpers/test-server.js';

const server = createServer((_req, res) => {
  res.writeHead(404, { 'Content-Type': 'application/json' });
  res.end('{}');
});
afterEach(() => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())));

describe('waitForServer', () => {
  it('returns once a server that starts late answers, whatever its status', async () => {
    const port = await closedPort();
    let polls = 0;
    const started = new Promise<void>((resolve) => {
      // Started only after the first poll has been refused, so the wait really waited.
      const timer = setInterval(() => {
        if (++polls < 2) return;
        clearInterval(timer);
        server.listen(port, '127.0.0.1', resolve);
      }, 250);
    });
    await waitForServer({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5000, retries: 0, headers: {} }, 60_000);
    await started;
    expect(server.listening).toBe(true);
  });

  it('gives up after the time with the last reason', async () => {
    const port = await closedPort();
    const waiting = waitForServer({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5000, retries: 0, headers: {} }, 300);
    await expect(waiting).rejects.toThrow(ConnectionError);
    await expect(waitForServer({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 5000, retries: 0, headers: {} }, 0)).rejects.toThrow(
      `http://127.0.0.1:${port} did not answer within 0 s (--wait-for-server): connection refused (ECONNREFUSED)`,
    );
  });
});
