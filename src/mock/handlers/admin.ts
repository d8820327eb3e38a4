/**
 * @module
 * The admin API's own operation (tag `Admin`): `GET /api/admin/v1/check`. Authentication happens
 * before any handler (`AdminToken` in `auth.ts`, `src/mock/staff/authenticate.ts`); the level checks
 * of the other admin routes are in `src/mock/staff/caller.ts`.
 */
import { adminCheck } from '../answers/admin-check.js';
import { json, type OperationHandler } from '../handler.js';
import { staffUser } from '../staff/caller.js';

const adminCheckHandler: OperationHandler = {
  handle(ctx) {
    const user = staffUser(ctx);
    return json(adminCheck(user, ctx.caller ?? { user, method: 'admin-key' }, ctx.state.staff, ctx.state.oauth));
  },
};

export const adminHandlers = { adminCheck: adminCheckHandler };
