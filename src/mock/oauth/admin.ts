/**
 * @module
 * `/__mock/oauth/apps`: the registered OAuth apps, and registering one at run time.
 */
import { error } from '../errors.js';
import { json, type MockReply } from '../handler.js';
import { appJson, OAuthAppError, parseOAuthApp } from './apps.js';
import type { OAuthServer } from './server.js';

export const listOAuthApps = (server: OAuthServer): MockReply => json({ apps: [...server.apps.values()].map(appJson) });

export function registerOAuthApp(server: OAuthServer, body: unknown): MockReply {
  try {
    const draft = parseOAuthApp(body);
    if (draft.clientId !== undefined && server.apps.has(draft.clientId))
      throw error(409, `client_id ${draft.clientId} is already registered`);
    return json(appJson(server.register(draft)), 201);
  } catch (err) {
    if (err instanceof OAuthAppError) throw error(400, err.message);
    throw err;
  }
}
