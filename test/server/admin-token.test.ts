/**
 * `/__mock/*` of a mock others can reach needs the admin token; on loopback it stays open.
 */
import { describe, expect, it } from 'vitest';
import { startMock as startLibraryMock } from '../../src/index.js';
import { ADMIN_SPEC } from '../../src/mock/admin/routes.js';
import { isLoopback } from '../../src/server/admin-token.js';
import { banner } from '../../src/server/banner.js';
import { createMock, startMock } from '../../src/server/server.js';
import { loadSpec } from '../../src/spec/load.js';
import { bearer, NOW, SEED } from '../helpers/mock.js';

const reset = { method: 'POST' } as const;

describe('the admin API', () => {
  it('is open on loopback, as it always was', async () => {
    const mock = createMock({ seed: SEED, now: NOW });
    expect(mock.adminToken).toBeUndefined();
    expect((await mock.app.request('/__mock/reset', reset)).status).toBe(200);
  });

  it('needs the generated token off loopback, and only that token', async () => {
    const { app, adminToken } = createMock({ seed: SEED, now: NOW, host: '0.0.0.0' });
    expect(adminToken).toMatch(/^hkadmin_[\w-]{32}$/);
    const refused = await app.request('/__mock/reset', reset);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect(((await refused.json()) as { error: string }).error).toContain('--admin-token');
    expect((await app.request('/__mock/credentials', { headers: bearer('hkadmin_wrong') })).status).toBe(401);
    expect((await app.request('/__mock/reset', { ...reset, headers: bearer(adminToken ?? '') })).status).toBe(200);
    // The API itself is not guarded.
    expect((await app.request('/api/v1/users/demo/stats')).status).toBe(200);
    expect(createMock({ host: '0.0.0.0' }).adminToken).not.toBe(adminToken);
  });

  it('needs a token given at start, on loopback too', async () => {
    const { app } = createMock({ seed: SEED, now: NOW, adminToken: 'team-token-0123456789' });
    expect((await app.request('/__mock/reset', reset)).status).toBe(401);
    expect((await app.request('/__mock/reset', { ...reset, headers: bearer('team-token-0123456789') })).status).toBe(200);
  });

  it('answers the 401 its own spec documents on every /__mock operation', async () => {
    const { app } = createMock({ seed: SEED, now: NOW, adminToken: 'team-token-0123456789' });
    for (const op of loadSpec(ADMIN_SPEC).operations) {
      const documented = op.responses.find((r) => r.status === '401');
      expect(documented, op.operationId).toBeDefined();
      const refused = await app.request(op.path.replace('{username}', 'demo'), { method: op.method.toUpperCase() });
      expect(refused.status, op.operationId).toBe(401);
      const challenge = documented?.headers['www-authenticate']?.example;
      expect(challenge).toBe('Bearer realm="hackatime-kit mock admin"');
      expect(refused.headers.get('www-authenticate')).toBe(challenge);
      expect(await refused.json()).toEqual(documented?.content[0]?.examples['adminTokenRequired']);
    }
  });

  it('prints the token in the banner of a shared mock', async () => {
    const mock = await startMock({ seed: SEED, now: NOW, port: 0, host: '0.0.0.0' });
    try {
      expect(banner(mock)).toContain(`admin API  /__mock/* needs Authorization: Bearer ${mock.adminToken}`);
      expect((await fetch(`${mock.url}/__mock/reset`, reset)).status).toBe(401);
    } finally {
      await mock.close();
    }
  });

  it('gives the library user the token of a shared mock', async () => {
    const mock = await startLibraryMock({ now: NOW, host: '0.0.0.0' });
    try {
      expect(mock.adminToken).toBeDefined();
      expect((await fetch(`${mock.url}/__mock/reset`, { ...reset, headers: bearer(mock.adminToken ?? '') })).status).toBe(200);
    } finally {
      await mock.close();
    }
    const local = await startLibraryMock({ now: NOW });
    await local.close();
    expect(local.adminToken).toBeUndefined();
  });

  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['example.com', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});
