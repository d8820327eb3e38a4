/**
 * `GET /`: one self-contained page, on its own origin only, with no credential in it; what is
 * secret comes from `/__mock/*`, which a shared mock guards with its admin token.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMock } from '../../src/server/server.js';
import { bearer, DEMO_KEY, NOW, SEED } from '../helpers/mock.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('the home page', () => {
  it('is served at / with a policy that allows exactly its inline style and script, and no other origin', async () => {
    const { app } = createMock({ seed: SEED, now: NOW });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
    const style = /<style>([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
    expect(script).toContain('/__mock/requests');
    const policy = res.headers.get('content-security-policy') ?? '';
    expect(policy).toContain(`script-src ${sha256(script)}`);
    expect(policy).toContain(`style-src ${sha256(style)}`);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    // Nothing on the page names another host.
    expect(html).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
  });

  it('holds no credential: they come from /__mock/credentials, behind the admin token on a shared mock', async () => {
    const token = 'team-token-0123456789';
    const { app } = createMock({ seed: SEED, now: NOW, adminToken: token });
    const html = await (await app.request('/')).text();
    expect(html).not.toContain(DEMO_KEY);
    expect(html).not.toContain('hka_');
    expect((await app.request('/__mock/credentials')).status).toBe(401);
    expect((await app.request('/__mock/requests')).status).toBe(401);
    expect((await app.request('/__mock/requests', { headers: bearer(token) })).status).toBe(200);
    // What the page shows without the token: the public leaderboard.
    expect((await app.request('/api/v1/leaderboard/daily')).status).toBe(200);
  });
});
