/**
 * @module
 * The mock's one error class and the real server's error bodies, as named templates. Anything in the
 * mock may `throw fromTemplate(UNAUTHORIZED)`; the app's `onError` renders it.
 */

/**
 * An error that escapes the controller and is rendered by the errors controller
 * (`config.exceptions_app = routes`, config/application.rb:45): HTML or JSON by negotiation
 * (`rails/scopes/mime-negotiation.ts`). `routeFormat`: whether the matched route's `.format` counts
 * (not when no route matched, nor when the body could not be parsed: Rails cannot read the params).
 */
export interface ErrorPage {
  routeFormat: boolean;
}

export interface ErrorTemplate {
  status: number;
  /** JSON body; `undefined` means an empty body. */
  body?: unknown;
  headers?: Record<string, string>;
  /** A text body (then `body` is unset). */
  text?: { body: string; contentType: string };
  /** Rendered by the errors controller; absent = the controller's own answer, JSON whatever is asked. */
  page?: ErrorPage;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
    /** A text body instead of JSON (Rails' plain-text challenges). */
    readonly text?: { body: string; contentType: string },
    readonly page?: ErrorPage,
  ) {
    super(typeof body === 'object' && body !== null && 'error' in body ? String((body as { error: unknown }).error) : `HTTP ${status}`);
  }
}

export const fromTemplate = (t: ErrorTemplate, extra: Record<string, unknown> = {}): ApiError =>
  new ApiError(t.status, t.body === undefined ? undefined : { ...(t.body as object), ...extra }, t.headers, t.text, t.page);

export const error = (status: number, message: string, extra: Record<string, unknown> = {}): ApiError =>
  new ApiError(status, { error: message, ...extra });

/** The error page (errors_controller.rb:8-42), its JSON branch `{error, message, status}` (:61-69). */
const page = (status: number, error: string, message: string, routeFormat = true): ErrorTemplate => ({
  status,
  body: { error, message, status },
  page: { routeFormat },
});

const BAD_REQUEST = ['Bad Request', 'The server cannot process your request due to invalid syntax.'] as const;
/** `ActionController::ParameterMissing` and the like: raised once the params were read. */
export const BAD_REQUEST_PAGE = page(400, ...BAD_REQUEST);
/** A body that does not parse: Rails cannot read the params, so the route's format does not count. */
export const MALFORMED_BODY_PAGE = page(400, ...BAD_REQUEST, false);
export const NOT_FOUND_PAGE = page(
  404,
  'Page Not Found',
  "The page you were looking for doesn't exist. You may have mistyped the address or the page may have moved.",
  false,
);
/** The mock's own limit (the server has no such page): always JSON. */
export const PAYLOAD_TOO_LARGE_PAGE: ErrorTemplate = {
  status: 413,
  body: { error: 'Payload Too Large', message: 'The request body is larger than the server is willing to process.', status: 413 },
};
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
