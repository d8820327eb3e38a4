/**
 * @module
 * Turns a handler's reply into an HTTP response with the real server's headers. A reply is first
 * rendered (body serialised once, headers as a plain object) so that the response cache can keep
 * the rendered form and `@hono/node-server` can write it without building a full Fetch Response.
 */
import type { ApiError } from './errors.js';
import type { MockReply } from './reply.js';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface RenderedReply {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export function replyFromError(err: ApiError): MockReply {
  if (err.text !== undefined) return { status: err.status, headers: err.headers, text: err.text };
  return err.body === undefined
    ? { status: err.status, headers: err.headers }
    : { status: err.status, json: err.body, headers: err.headers };
}

export function render(reply: MockReply, base: Readonly<Record<string, string>>): RenderedReply {
  const headers: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(reply.headers ?? {})) headers[name.toLowerCase()] = value;
  let body: string | null = null;
  if (reply.text !== undefined) {
    headers['content-type'] = reply.text.contentType;
    body = reply.text.body;
  } else if (reply.json !== undefined) {
    headers['content-type'] = JSON_TYPE;
    body = JSON.stringify(reply.json);
  }
  return { status: reply.status, headers, body };
}

export function toResponse(rendered: RenderedReply): Response {
  // A copy: the Response keeps the object it is given, and a middleware may still add to it.
  return new Response(rendered.body, { status: rendered.status, headers: { ...rendered.headers } });
}

export const renderReply = (reply: MockReply, base: Readonly<Record<string, string>>): Response => toResponse(render(reply, base));
