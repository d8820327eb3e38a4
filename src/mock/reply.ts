/**
 * @module
 * What a handler answers before it is rendered. Kept apart from the request context so that the parts
 * of the mock's state (which the context carries) can build replies without importing it.
 */

export interface MockReply {
  status: number;
  /** A JSON body. */
  json?: unknown;
  /** A text body with its content type. */
  text?: { body: string; contentType: string };
  headers?: Record<string, string>;
}

/**
 * A JSON reply.
 * @example
 * json({ ok: true }, 201); // { status: 201, json: { ok: true } }
 */
export const json = (json: unknown, status = 200, headers?: Record<string, string>): MockReply =>
  headers === undefined ? { status, json } : { status, json, headers };
