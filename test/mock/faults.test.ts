import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMock, type RunningMock, startMock } from '../../src/server/server.js';
import { NOW, SEED } from '../helpers/mock.js';

const PATH = '/api/v1/banned_users/counts';

describe('fault and latency injection over a socket', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    // Default socket timeouts: only the slow-client test below wants short ones, on its own mock, so
    // that a busy machine can never turn an ordinary request here into a dropped connection.
    mock = await startMock({ port: 0, seed: SEED, now: NOW });
  });
  afterAll(() => mock.close());

  it('answers normally without Prefer', async () => {
    expect((await fetch(`${mock.url}${PATH}`)).status).toBe(200);
  });

  it('Prefer: delay=MS holds the answer at least that long', async () => {
    const started = performance.now();
    const res = await fetch(`${mock.url}${PATH}`, { headers: { Prefer: 'delay=150' } });
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
  });

  it.each(['reset', 'empty'])('Prefer: fault=%s breaks the connection before any answer', async (kind) => {
    await expect(fetch(`${mock.url}${PATH}`, { headers: { Prefer: `fault=${kind}`, Connection: 'close' } })).rejects.toThrow();
  });

  it('Prefer: fault=truncate sends the headers and part of the body, then closes', async () => {
    const res = await fetch(`${mock.url}${PATH}`, { headers: { Prefer: 'fault=truncate', Connection: 'close' } });
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('Prefer: fault=truncate prints nothing on the server side (no stack trace that reads like a crash)', async () => {
    const spies = [
      vi.spyOn(console, 'error').mockImplementation(() => undefined),
      vi.spyOn(console, 'info').mockImplementation(() => undefined),
      vi.spyOn(console, 'warn').mockImplementation(() => undefined),
      vi.spyOn(process.stderr, 'write').mockImplementation(() => true),
    ];
    try {
      for (const connection of ['close', 'keep-alive']) {
        const res = await fetch(`${mock.url}${PATH}`, { headers: { Prefer: 'fault=truncate', Connection: connection } });
        await expect(res.text()).rejects.toThrow();
      }
      // The server has closed the response by now; anything it logged about it was logged already.
      expect((await fetch(`${mock.url}${PATH}`)).status).toBe(200);
      for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('a fault on one request leaves the server answering the next', async () => {
    await fetch(`${mock.url}${PATH}`, { headers: { Prefer: 'fault=reset', Connection: 'close' } }).catch(() => undefined);
    expect((await fetch(`${mock.url}${PATH}`)).status).toBe(200);
  });

  it('drops a client that never finishes its headers', async () => {
    const slow = await startMock({ port: 0, seed: SEED, now: NOW, users: 9, days: 2, timeouts: { headers: 300, request: 1_000 } });
    // Waits for the server's decision however long a busy machine takes; the test's timeout is the only limit.
    await new Promise<void>((resolve) => {
      const { port } = new URL(slow.url);
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /api/v1/banned_users/counts HTTP/1.1\r\nHost: x\r\n'));
      socket.on('close', () => resolve());
      socket.on('error', () => undefined);
      socket.resume();
    });
    await slow.close();
  });
});

describe('random faults', () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0, seed: SEED, now: NOW, faults: { faultRate: 1 } });
  });
  afterAll(() => mock.close());

  it('--faults 1 breaks every /api answer but not the admin API', async () => {
    for (let i = 0; i < 5; i++) {
      await expect(fetch(`${mock.url}${PATH}`, { headers: { Connection: 'close' } }).then((r) => r.text())).rejects.toThrow();
    }
    expect((await fetch(`${mock.url}/__mock/credentials`)).status).toBe(200);
  });
});

describe('in-process', () => {
  it('an injected fault makes the body unreadable', async () => {
    const { app } = createMock({ seed: SEED, now: NOW, users: 9, days: 2 });
    const res = await app.request(PATH, { headers: { Prefer: 'fault=reset' } });
    await expect(res.text()).rejects.toThrow(/injected fault: reset/);
  });
});
