/**
 * @module
 * The `token` parameter of the removed `POST /api/v1/external/slack/oauth` (upstream `0186bb03`).
 */
import { error } from '../errors.js';
import { isRubyBlank } from '../rails/ruby/blank.js';
import type { Params } from '../rails/ruby/rails-params.js';

/**
 * `params[:token]`, required: blank (JSON `false`, `[]`, `{}` included) is a 400; a present value
 * that is not a string matches no token.
 * @throws ApiError 400 `Token is required`
 * @example
 * slackToken({ token: 'xoxp-error' }) // 'xoxp-error'
 */
export function slackToken(params: Params): string {
  const token = params['token'];
  if (isRubyBlank(token)) throw error(400, 'Token is required');
  return typeof token === 'string' ? token : '';
}
