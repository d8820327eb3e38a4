/**
 * @module
 * Admin API keys (tag `Admin: API keys`; `api/admin/v1/admin_api_keys_controller.rb`): any admin
 * level lists every user's active keys, reads any key, and creates keys of its own; revoking is
 * for one's own keys, or any key for an ultraadmin. A created key authenticates at once, a revoked
 * one stops at once (the store is the one authentication reads).
 */
import { adminKeyJson } from '../answers/admin-staff-rows.js';
import { error } from '../errors.js';
import { json, type OperationHandler } from '../handler.js';
import { adminParams } from '../params/admin-target.js';
import { isoMillis } from '../rails/present/format-date.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { staffUser } from '../staff/caller.js';

const idOf = (value: string | undefined): number | null => (value === undefined ? null : integerColumnCast(value));

const adminListApiKeys: OperationHandler = {
  handle: ({ state, world }) => {
    const active = state.staff.keys.filter((k) => k.revokedAt === null).sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
    return json({ admin_api_keys: active.map((k) => adminKeyJson(world, k)) });
  },
};

const adminGetApiKey: OperationHandler = {
  handle: ({ state, world, path }) => {
    const id = idOf(path['id']);
    const key = id === null ? undefined : state.staff.keyById(id);
    if (!key) throw error(404, 'Admin API key not found');
    return json(adminKeyJson(world, key));
  },
};

/** The key belongs to the caller (for an OAuth caller, the token's user); the token is shown only here. */
const adminCreateApiKey: OperationHandler = {
  handle(ctx) {
    const owner = staffUser(ctx);
    const raw = adminParams(ctx)['name'];
    const name = typeof raw === 'string' ? raw : typeof raw === 'number' ? String(raw) : '';
    const created = ctx.state.staff.createKey(owner, name, ctx.now);
    if ('errors' in created) return json({ error: 'Failed to create admin API key', errors: created.errors }, 422);
    const { key } = created;
    return json(
      {
        success: true,
        message: 'Admin API key created successfully',
        admin_api_key: { id: key.id, name: key.name, token: key.token, created_at: isoMillis(key.createdAt) },
      },
      201,
    );
  },
};

/** Looked up among the keys the caller may revoke (revoked ones included): no such key is a 403, never a 404. */
const adminRevokeApiKey: OperationHandler = {
  handle(ctx) {
    const caller = staffUser(ctx);
    const id = idOf(ctx.path['id']);
    const key = id === null ? undefined : ctx.state.staff.keyById(id);
    if (!key || (caller.adminLevel !== 'ultraadmin' && key.ownerId !== caller.id))
      throw error(403, 'You can only revoke your own admin API keys');
    ctx.state.staff.revokeKey(key, ctx.now);
    return json({ success: true, message: 'Admin API key has been revoked' });
  },
};

export const adminKeysHandlers = { adminListApiKeys, adminGetApiKey, adminCreateApiKey, adminRevokeApiKey };
