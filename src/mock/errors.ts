/**
 * @module
 * The mock's one error class and the real server's error bodies, as named templates. Anything in the
 * mock may `throw fromTemplate(UNAUTHORIZED)`; the app's `onError` renders it.
 */

export interface ErrorTemplate {
  status: number;
  /** JSON body; `undefined` means an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A text body (then `body` is unset). */
  text?: { body: string; contentType: string };
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** A text body instead of JSON (Rails' plain-text challenges). */
    readonly text?: { body: string; contentType: string },
  ) {
    super(typeof body === 'object' && body !== null && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${status}`);
  }
}

export const fromTemplate = (t: ErrorTemplate, extra: Record<string, unknown> = {}): ApiError =>
  new ApiError(t.status, t.body === undefined ? undefined : { ...(t.body as object), ...extra }, t.headers, t.text);

export const error = (status: number, message: string, extra: Record<string, unknown> = {}): ApiError =>
  new ApiError(status, { error: message, ...extra });

/** The error page's JSON branch: `{error, message, status}`. */
const page = (status: number, error: string, message: string): ErrorTemplate => ({ status, body: { error, message, status } });

export const BAD_REQUEST_PAGE = page(400, 'Bad Request', 'The server cannot process your request due to invalid syntax.');
export const NOT_FOUND_PAGE = page(
  404,
  'Page Not Found',
  "The page you were looking for doesn't exist. You may have mistyped the address or the page may have moved.",
);
export const PAYLOAD_TOO_LARGE_PAGE = page(413, 'Payload Too Large', 'The request body is larger than the server is willing to process.');
export const INTERNAL_ERROR_PAGE = page(500, 'Internal Server Error', 'Something went wrong on our end, but we are looking into it!');

export const UNAUTHORIZED: ErrorTemplate = { status: 401, body: { error: 'Unauthorized' } };
export const USER_NOT_FOUND: ErrorTemplate = { status: 404, body: { error: 'User not found' } };

/**
 * `request_http_token_authentication` (Rails 8.1, `http_authentication.rb:555-559`): the admin API's
 * answer to a missing, malformed or refused credential, a text body with its newline.
 */
export const RAILS_TOKEN_DENIED: ErrorTemplate = {
  status: 401,
  headers: { 'WWW-Authenticate': 'Token realm="Application"' },
  text: { body: 'HTTP Token: Access denied.\n', contentType: 'text/plain; charset=utf-8' },
};

const doorkeeper = (status: number, error: string, description: string): ErrorTemplate => ({
  status,
  headers: {
    'WWW-Authenticate': `Bearer realm="Doorkeeper", error="${error}", error_description="${description}"`,
    'Cache-Control': 'no-store',
  },
});

export const OAUTH_INVALID_TOKEN = doorkeeper(401, 'invalid_token', 'The access token is invalid');
export const OAUTH_REVOKED_TOKEN = doorkeeper(401, 'invalid_token', 'The access token was revoked');
export const OAUTH_EXPIRED_TOKEN = doorkeeper(401, 'invalid_token', 'The access token expired');
/** Doorkeeper's RFC 6750 sanitiser turns the quotes around the scope into underscores. */
export const oauthInsufficientScope = (scope: string): ErrorTemplate =>
  doorkeeper(403, 'insufficient_scope', `Access to this resource requires scope _${scope}_.`);
