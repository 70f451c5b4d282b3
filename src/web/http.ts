/**
 * HTTP concerns shared by every route: weak ETags with 304 on reads, CORS from the configuration, and the
 * one error body shape `{ error: { code, message } }`.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** Paths that stream (never buffered to compute an ETag). */
const STREAMING_PATHS = new Set(['/api/events']);
/** How long browsers may cache a CORS preflight, in seconds. */
const CORS_MAX_AGE_SEC = 600;

/** Headers a 304 keeps from the full response (RFC 9110 §15.4.5). */
const KEEP_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

/** Does an If-None-Match header list this (weak) ETag? Weak comparison: W/ prefixes are ignored. */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Weak ETag over the response body of successful GET/HEAD reads (SHA-1 with node:crypto: synchronous
 * and several times cheaper than Web Crypto per request); a matching If-None-Match gets 304 with no body.
 */
export function etagMiddleware(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const method = c.req.method;
    if ((method !== 'GET' && method !== 'HEAD') || STREAMING_PATHS.has(c.req.path) || c.res.status !== 200 || !c.res.body) return;
    let tag = c.res.headers.get('etag');
    if (!tag) {
      const body = Buffer.from(await c.res.clone().arrayBuffer());
      tag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
      c.res.headers.set('etag', tag);
    }
    const ifNoneMatch = c.req.header('if-none-match');
    if (ifNoneMatch && matches(ifNoneMatch, tag)) {
      const headers = new Headers();
      for (const name of KEEP_ON_304) {
        const value = c.res.headers.get(name);
        if (value !== null) headers.set(name, value);
      }
      c.res = new Response(null, { status: 304, headers });
    }
  };
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
