/**
 * HTTP concerns shared by every route: weak ETags with 304 on reads, CORS from the configuration, and the
 * one error body shape `{ error: { code, message } }`.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';

/** Paths that stream (never buffered to compute an ETag). */
const STREAMING_PATHS = new Set(['/api/events']);
/** How long browsers may cache a CORS preflight, in seconds. */
const CORS_MAX_AGE_SEC = 600;

/** Weak ETag over the response body of GET/HEAD reads; a matching If-None-Match gets 304 with no body. */
export function etagMiddleware(): MiddlewareHandler {
  const inner = etag({ weak: true });
  return async (c, next) => (STREAMING_PATHS.has(c.req.path) ? next() : inner(c, next));
}

/** CORS for `/api/*` when origins are configured ('*' = any origin); no headers at all otherwise. */
export function corsMiddleware(origins: readonly string[]): MiddlewareHandler | null {
  if (origins.length === 0) return null;
  return cors({
    origin: origins.includes('*') ? '*' : [...origins],
    allowMethods: ['GET', 'HEAD', 'OPTIONS'],
    allowHeaders: ['If-None-Match', 'Content-Type'],
    exposeHeaders: ['ETag'],
    maxAge: CORS_MAX_AGE_SEC,
  });
}

/** The error body every API error uses. */
export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}
