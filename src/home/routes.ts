/**
 * @module
 * `GET /`: the home page of a running mock. The real Hackatime answers `/` with its own site; the
 * mock had nothing there, and the first thing someone who just ran `npm start` opens is the root.
 * No credentials needed for the page itself: what is secret comes from `/__mock/*`, under that
 * API's own rule (open on loopback, the admin token elsewhere).
 */
import type { Hono } from 'hono';
import { homePage } from './page.js';

/**
 * Mounts the home page on the mock's app.
 * @example
 * buildApp({ state, clock, extend: (app) => mountHome(app) });
 */
export function mountHome(app: Hono): void {
  // Built on the first request: starting a mock (tests start hundreds) costs nothing for the page.
  let page: ReturnType<typeof homePage> | undefined;
  app.get('/', (c) => {
    page ??= homePage();
    return c.html(page.html, 200, page.headers);
  });
}
