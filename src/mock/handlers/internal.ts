/**
 * @module
 * `POST /api/internal/revoke` (hackclub/hackatime `app/controllers/api/internal/revocations_controller.rb`):
 * a holder of the server's revocation key (`HKA_REVOCATION_KEY`, `:60-67`) kills a leaked user API key
 * (rotated: same key, new token) or admin key (revoked). A caller without the key is redirected to a
 * video, as the server does.
 */
import { sameBytes, utf8Bytes } from '../bytes.js';
import { ApiError, fromTemplate, INTERNAL_ERROR_PAGE } from '../errors.js';
import type { MockReply, OperationHandler, RequestContext } from '../handler.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import { railsToken } from '../rails/ruby/http-token.js';
import { railsParams } from '../rails/ruby/rails-params.js';
import type { StaffKey } from '../staff/records.js';

const REGULAR_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ADMIN_KEY = /^hka_[0-9a-f]{64}$/;
/** What the real server redirects an unauthenticated caller to (`revocations_controller.rb:65`). */
const REDIRECT = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ';
/** `ActiveSupport::SecurityUtils.secure_compare`: equal length and bytes, in constant time. */
const secureCompare = (a: string, b: string): boolean => sameBytes(utf8Bytes(a), utf8Bytes(b));

const refuse = (message: string) => new ApiError(422, { success: false, error: message });

/** The key a token names, with its owner and name; `undefined` for none (or one already revoked). */
function findKey(ctx: RequestContext, token: string): { userId: number; name: string; admin?: StaffKey } | undefined {
  const { world, state } = ctx;
  if (ADMIN_KEY.test(token)) {
    // `AdminApiKey.active.find_by(token:)`: the admin API's own key table, whoever owns the key.
    const key = state.staff.keys.find((k) => k.revokedAt === null && k.token === token);
    return key ? { userId: key.ownerId, name: key.name, admin: key } : undefined;
  }
  if (state.keys.isDead(token)) return undefined;
  const userId = state.keys.ownerOf(token) ?? world.userByApiKey(token)?.id;
  const key = userId === undefined ? undefined : world.apiKeysOf(userId).find((k) => state.keys.current(k.token) === token);
  return userId === undefined || key === undefined ? undefined : { userId, name: key.name };
}

/** The `before_action`: before the body is read, so a caller without the key never learns more. */
function authenticate(ctx: RequestContext): void {
  const given = railsToken(ctx.headers.get('authorization') ?? undefined);
  if (given !== undefined && secureCompare(given, ctx.state.revocationKey)) return;
  throw new ApiError(302, undefined, { Location: REDIRECT, 'Content-Type': 'text/html; charset=utf-8' });
}

function revoke(ctx: RequestContext): MockReply {
  const token = railsParams(ctx.body, ctx.search)['token'];
  if (isRubyBlank(token)) throw refuse('Token is required');
  // A number or an object has no `match?`: the server raises.
  if (typeof token !== 'string') throw fromTemplate(INTERNAL_ERROR_PAGE);
  if (!ADMIN_KEY.test(token) && !REGULAR_KEY.test(token)) throw refuse("Token doesn't match any supported type");
  const key = findKey(ctx, token);
  if (!key) throw refuse('Token is invalid or already revoked');
  if (key.admin) ctx.state.staff.revokeKey(key.admin, ctx.now);
  else ctx.state.keys.rotate(token, key.userId);
  const email = ctx.world.userById(key.userId)?.emails[0];
  // `compact_blank`: an owner without an email has no `owner_email`.
  return {
    status: 201,
    json: {
      success: true,
      status: 'complete',
      token_type: key.name,
      ...(isRubyBlank(email) ? {} : { owner_email: email }),
      ...(key.admin ? { key_name: key.name } : {}),
    },
  };
}

export const internalHandlers = {
  revokeKey: { access: authenticate, handle: revoke } satisfies OperationHandler,
};
