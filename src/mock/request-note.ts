/**
 * @module
 * Who asked, for the request log of the Node host (`src/server/request-log.ts`): the host hands a
 * `RequestNote` to the app as the fetch `env` (`app.fetch(request, { requestNote })`) and the route
 * writes the authenticated world user into it. With no note (logging off, in-process use) noting is
 * one property read: the cached hot path stays synchronous and allocates nothing.
 */
import type { Context } from 'hono';
import type { User } from '../world/types.js';

/** Filled in while the request is answered; read by the logger once the response exists. */
export interface RequestNote {
  /** The world user the credentials named (username, or `#id` for a user without one). */
  user?: string;
}

/**
 * Notes `user` as the request's caller when the host asked for notes.
 * @example
 * noteCaller(c, request.caller?.user);
 */
export function noteCaller(c: Context, user: User | undefined): void {
  if (user === undefined) return;
  const note = (c.env as { requestNote?: RequestNote } | undefined)?.requestNote;
  if (note) note.user = user.username ?? `#${user.id}`;
}
