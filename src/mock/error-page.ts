/**
 * @module
 * The errors controller's answer (hackclub/hackatime `app/controllers/errors_controller.rb` at
 * 62542c2d): for a request that negotiates HTML, the Inertia page `Errors/Show` with the status,
 * title and message as its props (`:48-55`, layout `inertia`); otherwise the JSON
 * `{error, message, status}` (`:56-57`, `:61-69`). The HTML is the mock's own, shaped like the
 * server's: a document whose title names the error and whose `#app` element carries the Inertia page
 * object, with the same text readable without JavaScript.
 */
import type { ApiError } from './errors.js';
import { errorPageFormat, type NegotiationInput } from './rails/scopes/mime-negotiation.js';
import type { MockReply } from './reply.js';

const HTML_TYPE = 'text/html; charset=utf-8';

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

interface PageBody {
  error: string;
  message: string;
  status: number;
}

/**
 * The HTML error page for a page body.
 * @example
 * errorPageHtml({ error: 'Page Not Found', message: '…', status: 404 }); // '<!DOCTYPE html>…'
 */
export function errorPageHtml(body: PageBody): string {
  const inertiaPage = {
    component: 'Errors/Show',
    props: { status_code: body.status, title: body.error, message: body.message, sentry_event_id: null },
    // The exceptions app re-dispatches the request to `/<status>` (routes.rb:364-368).
    url: `/${body.status}`,
  };
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(body.error)} - Hackatime</title>`,
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    '</head>',
    '<body>',
    `<div id="app" data-page="${escapeHtml(JSON.stringify(inertiaPage))}">`,
    '<main>',
    `<p>${body.status}</p>`,
    `<h1>${escapeHtml(body.error)}</h1>`,
    `<p>${escapeHtml(body.message)}</p>`,
    '<p><a href="/">Go Home</a></p>',
    '</main>',
    '</div>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const isPageBody = (body: unknown): body is PageBody =>
  typeof body === 'object' && body !== null && 'error' in body && 'message' in body && 'status' in body;

/**
 * The reply for an error the errors controller renders: HTML or JSON as the request negotiates.
 * @example
 * errorPageReply(fromTemplate(NOT_FOUND_PAGE), { accept: undefined, xhr: false, path: '/nope', routeFormat: undefined });
 */
export function errorPageReply(err: ApiError, request: NegotiationInput): MockReply {
  if (errorPageFormat(request) === 'html' && isPageBody(err.body))
    return { status: err.status, headers: err.headers, text: { contentType: HTML_TYPE, body: errorPageHtml(err.body) } };
  return { status: err.status, json: err.body, headers: err.headers };
}
