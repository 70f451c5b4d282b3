/**
 * @module errors — the one error class of tickerwire, with stable codes.
 * Expected outcomes (a page with no article, a feed with no items) are values, not errors;
 * AppError is for failures that must be reported at a boundary (CLI, HTTP, pipeline).
 */

export type ErrorCode =
  | 'config_invalid'
  | 'usage'
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'fetch_failed'
  | 'fetch_timeout'
  | 'fetch_too_large'
  | 'fetch_blocked'
  | 'robots_disallowed'
  | 'http_status'
  | 'feed_unrecognized'
  | 'feed_invalid'
  | 'extract_failed'
  | 'no_article'
  | 'store_failed'
  | 'internal_error';

/** HTTP status each code maps to at the API boundary. */
export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  config_invalid: 500,
  usage: 400,
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  conflict: 409,
  fetch_failed: 502,
  fetch_timeout: 504,
  fetch_too_large: 502,
  fetch_blocked: 400,
  robots_disallowed: 403,
  http_status: 502,
  feed_unrecognized: 422,
  feed_invalid: 422,
  extract_failed: 422,
  no_article: 422,
  store_failed: 500,
  internal_error: 500,
};

export interface AppErrorOptions {
  cause?: unknown;
  /** Extra machine-readable details (never secrets). */
  details?: Record<string, unknown>;
}

/** A failure with a stable code and a message that says what failed and where. */
export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, opts: AppErrorOptions = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.code = code;
    this.details = opts.details;
  }

  /** HTTP status for this error's code. */
  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

/** True for an AppError, also across module copies (cross-realm safe). */
export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError || (value instanceof Error && value.name === 'AppError' && 'code' in value);
}

/** One-line description of any thrown value, for logs and source health. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause && !error.message.includes(cause.slice(2)) ? cause : ''}`;
  }
  return String(error);
}
