/**
 * @module fetch/headers — request headers per purpose, and reading Retry-After.
 */
import { ACCEPT_ENCODING } from './decompress.ts';
import type { FetchPurpose, FetchRequest } from './types.ts';

/** Accept header per purpose: feeds name every feed type first, pages prefer HTML. */
export const ACCEPT_BY_PURPOSE: Record<FetchPurpose, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, application/json;q=0.7, */*;q=0.5',
  page: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
  robots: 'text/plain, */*;q=0.5',
  api: 'application/json, */*;q=0.5',
};

/** Request headers for `req` (conditional validators included when given). */
export function requestHeaders(req: FetchRequest, userAgent: string): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: ACCEPT_BY_PURPOSE[req.purpose],
    'accept-encoding': ACCEPT_ENCODING,
  };
  if (req.etag) headers['if-none-match'] = req.etag;
  if (req.lastModified) headers['if-modified-since'] = req.lastModified;
  return headers;
}

/**
 * Seconds to wait from a Retry-After value (delta-seconds or an HTTP date), or null when absent
 * or unreadable. Never negative.
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
