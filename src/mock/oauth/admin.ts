/**
 * @module
 * `/__mock/oauth/apps`: the registered OAuth apps, and registering one at run time.
 */
import type { World } from '../../world/store.js';
import { error } from '../errors.js';
import { json, type MockReply } from '../handler.js';
import { appJson, OAuthAppError, parseOAuthApp } from './apps.js';
import { oauthState } from './state.js';

export const listOAuthApps = (world: World): MockReply => json({ apps: [...oauthState(world).apps.values()].map(appJson) });

export function registerOAuthApp(world: World, body: unknown): MockReply {
  const server = oauthState(world);
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
