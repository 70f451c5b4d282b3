/**
 * @module fetch/failure — turn whatever a request threw into an AppError whose message says what
 * failed and where, in words (`GET https://x/feed failed: DNS lookup failed (ENOTFOUND)`).
 */
import { AppError, isAppError } from '../errors.ts';

/** Error codes → the words used in messages. */
const REASONS: Record<string, string> = {
  ENOTFOUND: 'DNS lookup failed',
  EAI_AGAIN: 'DNS lookup failed temporarily',
  EAI_FAIL: 'DNS lookup failed',
  ENODATA: 'DNS has no address for this host',
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
  UND_ERR_DESTROYED: 'connection closed',
  UND_ERR_HEADERS_OVERFLOW: 'response headers too large',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'body shorter than its Content-Length',
  UND_ERR_INFO: 'invalid HTTP response',
  HPE_INVALID_CONSTANT: 'invalid HTTP response',
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate issuer unknown',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate does not match the host name',
  ERR_SSL_WRONG_VERSION_NUMBER: 'TLS handshake failed (is this port plain HTTP?)',
};

/** Which timeout fired, by undici code. */
const TIMEOUTS: Record<string, string> = {
  UND_ERR_CONNECT_TIMEOUT: 'connecting',
  UND_ERR_HEADERS_TIMEOUT: 'waiting for response headers',
  UND_ERR_BODY_TIMEOUT: 'waiting for the body',
};

function codeOf(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code !== 'UND_ERR') return e.code;
  if (Array.isArray(e.errors) && e.errors.length > 0) return codeOf(e.errors[0]);
  return e.cause === undefined ? null : codeOf(e.cause);
}

function findAppError(err: unknown, depth = 0): AppError | null {
  if (isAppError(err)) return err;
  if (typeof err !== 'object' || err === null || depth > 4) return null;
  const e = err as { cause?: unknown; errors?: unknown };
  if (Array.isArray(e.errors)) {
    for (const inner of e.errors) {
      const found = findAppError(inner, depth + 1);
      if (found) return found;
    }
  }
  return findAppError(e.cause, depth + 1);
}

/** Context of the failed request. */
export interface FailureContext {
  method: string;
  url: string;
  /** The total deadline passed (our own timer), with its length. */
  totalTimeoutMs: number;
  timedOut: boolean;
}

/**
 * Translate an error thrown while requesting `ctx.url` into an AppError
 * (fetch_blocked, fetch_timeout, fetch_too_large, fetch_failed).
 */
export function toFetchError(err: unknown, ctx: FailureContext): AppError {
  const where = `${ctx.method} ${ctx.url}`;
  const app = findAppError(err);
  if (app) {
    if (app.message.startsWith(where)) return app;
    const verb = app.code === 'fetch_blocked' ? 'refused' : 'failed';
    return new AppError(app.code, `${where} ${verb}: ${app.message}`, {
      cause: app,
      details: { ...app.details, url: ctx.url },
    });
  }
  const code = codeOf(err);
  if (ctx.timedOut) {
    // No cause: it is our own deadline, and its text would only repeat this message.
    return new AppError('fetch_timeout', `${where} timed out after ${ctx.totalTimeoutMs} ms`, {
      details: { url: ctx.url, phase: 'total', timeoutMs: ctx.totalTimeoutMs },
    });
  }
  const phase = code ? TIMEOUTS[code] : undefined;
  if (phase) {
    return new AppError('fetch_timeout', `${where} timed out ${phase}`, { cause: err, details: { url: ctx.url, phase, code } });
  }
  if (code === 'UND_ERR_RES_EXCEEDED_MAX_SIZE') {
    return new AppError('fetch_too_large', `${where} failed: body larger than the limit`, { cause: err, details: { url: ctx.url } });
  }
  if (code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR' || (err instanceof Error && err.name === 'AbortError')) {
    return new AppError('fetch_failed', `${where} failed: aborted`, { cause: err, details: { url: ctx.url, code: 'aborted' } });
  }
  const words = code ? (REASONS[code] ?? (code.startsWith('HPE_') ? 'invalid HTTP response' : undefined)) : undefined;
  const message = err instanceof Error ? err.message : String(err);
  const reason = words && code ? `${words} (${code})` : code ? `${message} (${code})` : message;
  return new AppError('fetch_failed', `${where} failed: ${reason}`, { cause: err, details: { url: ctx.url, code } });
}
