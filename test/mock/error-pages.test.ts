/**
 * The errors controller answers HTML first (hackclub/hackatime app/controllers/errors_controller.rb:46-58
 * at 62542c2d, reached through `config.exceptions_app = routes`, config/application.rb:45); the
 * formats it chooses from are Rails' (`ActionDispatch::Http::MimeNegotiation#formats`, framework).
 * Errors a controller renders itself stay JSON whatever the Accept.
 */
import { describe, expect, it } from 'vitest';
import { errorPageHtml } from '../../src/mock/error-page.js';
import { errorPageFormat } from '../../src/mock/rails/scopes/mime-negotiation.js';
import { bearer, DEMO_KEY, describeBoth, type MockTarget } from '../helpers/mock.js';
import { spec } from '../helpers/spec.js';

const PAGE_404 = {
  error: 'Page Not Found',
  message: "The page you were looking for doesn't exist. You may have mistyped the address or the page may have moved.",
  status: 404,
};

const format = (accept: string | undefined, path = '/api/v1/nope', extra: { xhr?: boolean; routeFormat?: string } = {}) =>
  errorPageFormat({ accept, path, xhr: extra.xhr ?? false, routeFormat: extra.routeFormat });

describe('which branch of respond_to answers (errors_controller.rb:47-57)', () => {
  it('takes HTML for no Accept, */* and a browser Accept; JSON when the Accept prefers it', () => {
    expect(format(undefined)).toBe('html');
    expect(format('*/*')).toBe('html');
    expect(format('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe('html');
    expect(format('application/json')).toBe('json');
    expect(format('application/json;q=0.5, text/html')).toBe('html');
    expect(format('text/html;q=0.5, application/json')).toBe('json');
  });

  it('answers any other format with JSON (format.any, :57)', () => {
    expect(format('text/plain')).toBe('json');
    expect(format('application/xml')).toBe('json');
  });

  it('ignores a browser-like Accept (*/* beside other types, as axios sends) unless the request is an XHR', () => {
    expect(format('application/json, text/plain, */*')).toBe('html');
    expect(format('application/json, text/plain, */*', '/api/v1/nope', { xhr: true })).toBe('json');
    expect(format('application/json, text/plain, */*', '/api/v1/nope.json')).toBe('json');
  });

  it("reads the path's extension when the Accept does not decide, and the matched route's format before the Accept", () => {
    expect(format(undefined, '/api/v1/nope.json')).toBe('json');
    expect(format('*/*', '/api/v1/nope.json')).toBe('html');
    expect(format(undefined, '/api/v1/nope.html')).toBe('html');
    expect(format(undefined, '/api/v1/nope.unknownext')).toBe('html');
    expect(format('application/json', '/api/v1/nope.html')).toBe('json');
    expect(format('text/html', '/api/v1/users/demo/stats.json', { routeFormat: 'json' })).toBe('json');
  });

  it('documents the HTML page in the spec exactly as the mock renders it', () => {
    for (const [name, pointer] of [
      ['RouteNotFound', 'pageNotFoundHtml'],
      ['MalformedBody', 'badRequestHtml'],
      ['InternalError', 'internalErrorHtml'],
    ] as const) {
      const response = spec.document.components?.responses?.[name] as {
        content: Record<string, { examples: Record<string, { value: string }> }>;
      };
      const json = Object.values(response.content['application/json']?.examples ?? {})[0]?.value as unknown as Parameters<
        typeof errorPageHtml
      >[0];
      expect(response.content['text/html']?.examples[pointer]?.value, name).toBe(errorPageHtml(json));
    }
  });
});

async function html(t: MockTarget, path: string, init: RequestInit = {}): Promise<string> {
  const res = await t.fetch(path, init);
  expect(res.headers.get('content-type'), path).toBe('text/html; charset=utf-8');
  return res.text();
}

describeBoth('error pages by content negotiation', (t) => {
  it('answers an unknown route with the HTML page for */* or no Accept, the JSON one for application/json', async () => {
    const page = await html(t, '/api/v1/nope');
    expect(page).toContain('<title>Page Not Found - Hackatime</title>');
    expect(page).toContain('&quot;component&quot;:&quot;Errors/Show&quot;');
    expect(await html(t, '/api/v1/nope', { headers: { Accept: '*/*' } })).toBe(page);
    const res = await t.fetch('/api/v1/nope', { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await res.json()).toEqual(PAGE_404);
    // axios' Accept is browser-like, so the path's `.json` decides; a plain `*/*` (curl, fetch) still gets HTML.
    const suffixed = await t.fetch('/api/v1/nope.json', { headers: { Accept: 'application/json, text/plain, */*' } });
    expect(await suffixed.json()).toEqual(PAGE_404);
    await html(t, '/api/v1/nope.json', { headers: { Accept: '*/*' } });
  });

  it('answers a malformed JSON body with the HTML page unless JSON is asked for, even on a .json path', async () => {
    const post = (path: string, headers: Record<string, string>) =>
      t.fetch(path, { method: 'POST', headers: { ...bearer(DEMO_KEY), 'Content-Type': 'application/json', ...headers }, body: '[{' });
    const single = '/api/hackatime/v1/users/current/heartbeats';
    const asHtml = await post(single, {});
    expect(asHtml.status).toBe(400);
    expect(await asHtml.text()).toContain('<h1>Bad Request</h1>');
    // The params cannot be read, so the route's `.json` does not count; the Accept does.
    const routed = await post(`${single}.json`, { Accept: 'text/html' });
    expect(routed.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const asJson = await post(single, { Accept: 'application/json' });
    expect(await asJson.json()).toMatchObject({ error: 'Bad Request', status: 400 });
  });

  it('answers an uncaught exception with the HTML 500 page, or JSON on a .json route whatever the Accept', async () => {
    const raising = '/api/v1/users/demo/stats?limit=-1';
    const res = await t.fetch(raising);
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('<title>Internal Server Error - Hackatime</title>');
    const routed = await t.fetch('/api/v1/users/demo/stats.json?limit=-1', { headers: { Accept: 'text/html' } });
    expect(routed.status).toBe(500);
    expect(await routed.json()).toMatchObject({ error: 'Internal Server Error', status: 500 });
  });

  it("leaves a controller's own errors JSON whatever is asked (render_error, render json:)", async () => {
    for (const accept of ['text/html', '*/*']) {
      const res = await t.fetch('/api/v1/users/nobody-here/stats', { headers: { Accept: accept } });
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: 'User not found' });
    }
  });

  it('keeps CORS on the HTML page of an /api/ path', async () => {
    const res = await t.fetch('/api/v1/nope', { headers: { Origin: 'http://localhost:5173' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
