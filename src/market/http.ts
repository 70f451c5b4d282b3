/**
 * @module market/http — JSON GET for market-data clients: timeout, typed errors, Retry-After, a token bucket per
 * provider so public rate limits are respected.
 */
import { AppError } from '../errors.ts';

/** What every REST client accepts: where to send requests and how. */
export interface ClientOptions {
  /** REST base URL without trailing slash (tests point it at a loopback server). */
  baseUrl?: string;
  /** Injected fetch (defaults to the global one). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms. */
  timeoutMs?: number;
  /** Requests per second allowed by the provider's public limit (token bucket refill rate). */
  ratePerSec?: number;
  /** Burst size of the token bucket. */
  burst?: number;
}

/** Default per-request timeout: quotes older than a few seconds are better served stale from cache. */
export const DEFAULT_TIMEOUT_MS = 5_000;

/** A lazily refilled token bucket; `take()` resolves when a request may go out. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSec: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** Wait until a token is available, then consume it. */
  async take(): Promise<void> {
    for (;;) {
      const t = this.now();
      this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.ratePerSec);
      this.last = t;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) / this.ratePerSec) * 1000)));
    }
  }
}

/** A JSON GET bound to one provider's base URL, timeout and rate limit. */
export type JsonGetter = (path: string, query?: Record<string, string | number | undefined>) => Promise<unknown>;

/**
 * Build the JSON getter a client uses.
 * @throws AppError `fetch_timeout`, `fetch_failed` (network or non-JSON body) or `http_status` (non-2xx; `details`
 * carry the status, the provider's error body and Retry-After seconds).
 */
export function createJsonGetter(provider: string, defaultBase: string, opts: ClientOptions, defaultRate: number): JsonGetter {
  const base = (opts.baseUrl ?? defaultBase).replace(/\/+$/, '');
  const doFetch = opts.fetch ?? fetch;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const bucket = new TokenBucket(opts.ratePerSec ?? defaultRate, opts.burst ?? Math.max(1, Math.ceil(defaultRate)));
  return async (path, query = {}) => {
    const url = new URL(`${base}${path}`);
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, String(v));
    await bucket.take();
    let res: Response;
    try {
      res = await doFetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      throw new AppError(timedOut ? 'fetch_timeout' : 'fetch_failed', `${provider}: GET ${url.pathname} ${timedOut ? `timed out after ${timeoutMs} ms` : 'failed'}`, { cause: err });
    }
    const body = await res.text();
    if (!res.ok) {
      const retryAfter = Number(res.headers.get('retry-after'));
      throw new AppError('http_status', `${provider}: GET ${url.pathname} answered ${res.status}`, {
        details: { status: res.status, body: body.slice(0, 200), ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSec: retryAfter } : {}) },
      });
    }
    try {
      return JSON.parse(body) as unknown;
    } catch (err) {
      throw new AppError('fetch_failed', `${provider}: GET ${url.pathname} returned a body that is not JSON`, { cause: err });
    }
  };
}

/** A provider decimal (string or number) as a finite number, or null (`""`, `null`, garbage). */
export function toNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/** Like toNumber, but a missing value is a malformed response. */
export function requireNumber(v: unknown, provider: string, field: string): number {
  const n = toNumber(v);
  if (n === null) throw new AppError('fetch_failed', `${provider}: response field ${field} is not a number`);
  return n;
}

/** Narrow an unknown JSON value to an object record. */
export function asRecord(v: unknown, provider: string, what: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new AppError('fetch_failed', `${provider}: ${what} is not an object`);
  return v as Record<string, unknown>;
}

/** Narrow an unknown JSON value to an array. */
export function asArray(v: unknown, provider: string, what: string): unknown[] {
  if (!Array.isArray(v)) throw new AppError('fetch_failed', `${provider}: ${what} is not an array`);
  return v;
}
