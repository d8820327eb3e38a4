/**
 * @module
 * Account deletion requests (tag `Admin: deletion requests`; `deletion_requests_controller.rb`,
 * `app/models/deletion_request.rb:24-27`): superadmins and ultraadmins only (others get a JSON 401).
 * Approve and reject take a request in any state. A pending or approved request restricts its user:
 * their API keys and OAuth tokens are refused where the real server refuses a pending deletion.
 */
import { deletionRequestJson } from '../answers/admin-staff-rows.js';
import { error } from '../errors.js';
import { json, type OperationHandler, type RequestContext } from '../handler.js';
import { integerColumnCast } from '../rails/ruby/integer-cast.js';
import { requireSuperadmin, staffUser } from '../staff/caller.js';
import type { DeletionRequest } from '../staff/records.js';

const access = (ctx: RequestContext) => void requireSuperadmin(ctx);

function requestOf(ctx: RequestContext): DeletionRequest {
  const id = integerColumnCast(ctx.path['id'] ?? '');
  const request = id === null ? undefined : ctx.state.staff.deletionRequest(id);
  if (!request) throw error(404, 'Deletion request not found');
  return request;
}

/** `strftime('%B %d, %Y')` in UTC: `September 21, 2026` (day zero-padded). */
const longDate = (ms: number): string => {
  const d = new Date(ms);
  const month = d.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
  return `${month} ${String(d.getUTCDate()).padStart(2, '0')}, ${d.getUTCFullYear()}`;
};

const adminListDeletionRequests: OperationHandler = {
  access,
  handle({ world, state }) {
    const all = state.staff.deletionRequests;
    const of = (status: DeletionRequest['status']) => all.filter((r) => r.status === status);
    const key = (v: number | null) => v ?? 0;
    return json({
      pending: of('pending')
        .sort((a, b) => a.requestedAt - b.requestedAt || a.id - b.id)
        .map((r) => deletionRequestJson(world, r)),
      approved: of('approved')
        .sort((a, b) => key(a.scheduledDeletionAt) - key(b.scheduledDeletionAt) || a.id - b.id)
        .map((r) => deletionRequestJson(world, r)),
      completed: of('completed')
        .sort((a, b) => key(b.completedAt) - key(a.completedAt) || a.id - b.id)
        .slice(0, 25)
        .map((r) => deletionRequestJson(world, r)),
    });
  },
};

const adminGetDeletionRequest: OperationHandler = {
  access,
  handle: (ctx) => json(deletionRequestJson(ctx.world, requestOf(ctx))),
};

const adminApproveDeletionRequest: OperationHandler = {
  access,
  handle(ctx) {
    const request = requestOf(ctx);
    ctx.state.staff.approve(request, staffUser(ctx), ctx.now);
    return json({
      success: true,
      message: `Deletion request approved. Scheduled for ${longDate(request.scheduledDeletionAt ?? ctx.now)}`,
      deletion_request: deletionRequestJson(ctx.world, request),
    });
  },
};

const adminRejectDeletionRequest: OperationHandler = {
  access,
  handle(ctx) {
    const request = requestOf(ctx);
    ctx.state.staff.reject(request, ctx.now);
    return json({ success: true, message: 'Deletion request rejected', deletion_request: deletionRequestJson(ctx.world, request) });
  },
};

export const adminDeletionRequestsHandlers = {
  adminListDeletionRequests,
  adminGetDeletionRequest,
  adminApproveDeletionRequest,
  adminRejectDeletionRequest,
};
