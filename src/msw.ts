/**
 * @module
 * `hackatime-kit/msw`: the whole Hackatime API as request handlers for MSW 2, so that an existing MSW
 * setup adds it in one line (`setupWorker(...hackatimeHandlers({ seed }))` in a browser,
 * `setupServer(...)` in Node). Every request under the base URL is answered by an in-memory mock
 * (`hackatime-kit/browser`); everything else is left to the other handlers.
 */
import { type HttpHandler, http } from 'msw';
import { createMockApp, type MockAppOptions } from './browser.js';

/** The real server's origin, which a frontend calls in production. */
export const HACKATIME_ORIGIN = 'https://hackatime.hackclub.com';

export interface HackatimeHandlersOptions extends MockAppOptions {
  /**
   * Where the frontend sends its Hackatime requests (default {@link HACKATIME_ORIGIN}). A path in it
   * is a prefix the mock does not see: with `http://localhost:5173/hackatime`, a request to
   * `/hackatime/api/v1/stats` is answered as `/api/v1/stats`.
   */
  baseUrl?: string;
}

/**
 * MSW handlers that answer every request under `baseUrl` from one mock (its state lives as long as
 * the handlers do).
 * @example
 * import { setupWorker } from 'msw/browser';
 * import { hackatimeHandlers } from 'hackatime-kit/msw';
 * await setupWorker(...hackatimeHandlers({ seed: 42, now: '2026-08-22T18:30:00Z' })).start();
 */
export function hackatimeHandlers(options: HackatimeHandlersOptions = {}): HttpHandler[] {
  const { baseUrl = HACKATIME_ORIGIN, ...appOptions } = options;
  const app = createMockApp(appOptions);
  const base = new URL(baseUrl);
  const prefix = base.pathname.replace(/\/+$/, '');
  return [
    http.all(`${base.origin}${prefix}/*`, async ({ request }) => {
      if (prefix === '') return app.fetch(request);
      const url = new URL(request.url);
      url.pathname = url.pathname.slice(prefix.length) || '/';
      const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
      return app.fetch(new Request(url, { method: request.method, headers: request.headers, ...(body ? { body } : {}) }));
    }),
  ];
}
