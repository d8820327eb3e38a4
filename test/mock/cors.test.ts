/**
 * CORS as hackclub/hackatime's `config/initializers/cors.rb` configures rack-cors: `/api/*` only,
 * any origin, GET/POST/OPTIONS, any request headers, max-age 600, and nothing exposed, so browser
 * code cannot read `Retry-After` (openapi/README.md, "CORS").
 */
import { expect, it } from 'vitest';
import { describeBoth } from '../helpers/mock.js';

const ORIGIN = { Origin: 'http://localhost:5173' };

describeBoth('CORS', (t) => {
  it('lets any origin read /api answers but exposes no header: Retry-After stays unreadable from a browser', async () => {
    const res = await t.fetch('/api/v1/leaderboard/daily', { headers: { ...ORIGIN, Prefer: 'code=429' } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('answers a preflight for /api/* as the server config says', async () => {
    const res = await t.fetch('/api/hackatime/v1/users/current/heartbeats', {
      method: 'OPTIONS',
      headers: {
        ...ORIGIN,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type, x-custom',
      },
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    // `headers: :any`: whatever the browser asks for is allowed, echoed back.
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-custom');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-expose-headers')).toBeNull();
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('sends no CORS headers outside /api/*', async () => {
    for (const path of ['/oauth/token', '/__mock/credentials']) {
      const res = await t.fetch(path, { method: 'OPTIONS', headers: { ...ORIGIN, 'Access-Control-Request-Method': 'POST' } });
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
    }
    const res = await t.fetch('/__mock/credentials', { headers: ORIGIN });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
