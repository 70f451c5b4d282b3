/**
 * @module fetch/fetcher — `createFetcher`: the one way tickerwire fetches a URL. Every hop is
 * checked by the SSRF guard (URL pre-check + guarded DNS at connect), paced by the host gate,
 * checked against robots.txt (pages), size- and time-limited, and failures become AppErrors.
 */
import { Agent } from 'undici';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { type AllowList, createAllowList } from './allow.ts';
import { toFetchError } from './failure.ts';
import { checkUrl, guardedLookup, systemResolver } from './guard.ts';
import { parseRetryAfter, requestHeaders } from './headers.ts';
import { createHostGate, type HostGate } from './host-gate.ts';
import { type HopResult, requestHop } from './hop.ts';
import { createRobotsCache, ROBOTS_MAX_BYTES, type RobotsCache } from './robots.ts';
import type { Fetcher, FetcherOptions, FetchRequest, FetchResponse } from './types.ts';

/** Default pause between request starts to one host (ms), when not configured. */
const DEFAULT_MIN_HOST_INTERVAL_MS = 100;
/** Connect timeout cap (ms) when not configured: a healthy server accepts well within this. */
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;
/** Idle keep-alive sockets are closed after this long (ms). */
const KEEP_ALIVE_MS = 10_000;
/** Wait out a host's Retry-After when it ends within this many ms; otherwise fail at once. */
const MAX_RETRY_WAIT_MS = 5_000;
/** A 429 without Retry-After keeps the host alone this long (s). */
const DEFAULT_RETRY_AFTER_SEC = 60;
/** Retry-After longer than this is capped (s): a typo must not silence a host for weeks. */
const MAX_RETRY_AFTER_SEC = 6 * 3600;
/** Statuses that are followed as redirects. */
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

/** Internal state shared by the fetch steps. */
interface Ctx {
  opts: FetcherOptions;
  log: Logger;
  agent: Agent;
  gate: HostGate;
  allow: AllowList;
  robots: RobotsCache | null;
}

/** Fail fast (or wait briefly) when the host asked us to stay away (Retry-After). */
async function respectRetryAfter(ctx: Ctx, url: URL, signal: AbortSignal): Promise<void> {
  const notice = ctx.gate.retryNotice(url.hostname);
  if (!notice) return;
  const waitMs = notice.until.getTime() - Date.now();
  if (waitMs <= MAX_RETRY_WAIT_MS) {
    await sleep(Math.max(0, waitMs), signal);
    return;
  }
  const retryAfterSec = Math.ceil(waitMs / 1000);
  throw new AppError('http_status', `GET ${url.href} not sent: ${url.hostname} answered ${notice.status} and asked us to wait until ${notice.until.toISOString()}`, {
    details: { url: url.href, status: notice.status, retryAfterSec, deferred: true },
  });
}

/** Robots.txt for pages: refuse disallowed URLs and adopt the host's Crawl-delay. */
async function respectRobots(ctx: Ctx, req: FetchRequest, url: URL): Promise<void> {
  if (req.purpose !== 'page' || !ctx.robots) return;
  const verdict = await ctx.robots.check(url);
  if (verdict.crawlDelaySec !== null) ctx.gate.setMinInterval(url.hostname, verdict.crawlDelaySec * 1000);
  if (!verdict.allowed) {
    throw new AppError('robots_disallowed', `GET ${url.href} not sent: ${verdict.reason}`, { details: { url: url.href } });
  }
}

/** One hop under the host gate; records Retry-After for 429/503. `arm` starts the total deadline. */
async function gatedHop(ctx: Ctx, url: URL, headers: Record<string, string>, maxBytes: number, signal: AbortSignal, arm: () => void): Promise<HopResult> {
  const release = await ctx.gate.acquire(url.hostname, signal);
  arm();
  try {
    const hop = await requestHop({ dispatcher: ctx.agent, url, headers, maxBytes, signal });
    if (hop.status === 429 || hop.status === 503) {
      const sec = parseRetryAfter(hop.headers['retry-after'], new Date()) ?? (hop.status === 429 ? DEFAULT_RETRY_AFTER_SEC : null);
      if (sec !== null) ctx.gate.deferUntil(url.hostname, new Date(Date.now() + Math.min(sec, MAX_RETRY_AFTER_SEC) * 1000), hop.status);
    }
    return hop;
  } finally {
    release();
  }
}

function statusError(url: URL, hop: HopResult, message?: string): AppError {
  const retryAfterSec = parseRetryAfter(hop.headers['retry-after'], new Date());
  return new AppError('http_status', message ?? `GET ${url.href} answered ${hop.status}`, {
    details: { url: url.href, status: hop.status, retryAfterSec },
  });
}

/** Follow redirects manually, re-checking every hop. */
async function fetchFollowing(ctx: Ctx, req: FetchRequest, signal: AbortSignal, started: number, arm: () => void): Promise<FetchResponse> {
  const { allow } = ctx;
  const headers = requestHeaders(req, ctx.opts.userAgent);
  const maxBytes = req.maxBytes ?? ctx.opts.maxBodyBytes;
  const seen = new Set<string>();
  let url = checkUrl(req.url, allow);
  for (let hops = 0; ; hops += 1) {
    seen.add(url.href);
    await respectRetryAfter(ctx, url, signal);
    await respectRobots(ctx, req, url);
    const hop = await gatedHop(ctx, url, headers, maxBytes, signal, arm);
    if (REDIRECTS.has(hop.status)) {
      const location = hop.headers.location;
      if (!location) throw statusError(url, hop, `GET ${url.href} answered ${hop.status} without a Location`);
      if (hops >= ctx.opts.maxRedirects) {
        throw new AppError('fetch_failed', `GET ${req.url} failed: more than ${ctx.opts.maxRedirects} redirects (last to ${location})`, {
          details: { url: req.url, code: 'too_many_redirects' },
        });
      }
      const next = checkUrl(new URL(location, url), allow);
      if (seen.has(next.href)) {
        throw new AppError('fetch_failed', `GET ${req.url} failed: redirect loop (${url.href} → ${next.href})`, {
          details: { url: req.url, code: 'redirect_loop' },
        });
      }
      url = next;
      continue;
    }
    if (hop.status !== 304 && (hop.status < 200 || hop.status >= 300)) throw statusError(url, hop);
    return {
      status: hop.status,
      url: url.href,
      headers: hop.headers,
      body: hop.body,
      contentType: hop.headers['content-type'] ?? null,
      etag: hop.headers.etag ?? null,
      lastModified: hop.headers['last-modified'] ?? null,
      fetchedAt: new Date(),
      ms: Date.now() - started,
    };
  }
}

/**
 * One complete fetch with its total deadline; every failure is translated to an AppError.
 * The deadline starts when the first hop gets its host slot, so time queued behind other requests
 * to a busy host does not count against it (the caller's signal still cancels the wait).
 */
async function fetchOnce(ctx: Ctx, req: FetchRequest): Promise<FetchResponse> {
  const started = Date.now();
  const deadline = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = (): void => {
    timer ??= setTimeout(() => deadline.abort(new Error('total timeout')), ctx.opts.timeoutMs);
  };
  const signal = req.signal ? AbortSignal.any([deadline.signal, req.signal]) : deadline.signal;
  try {
    const res = await fetchFollowing(ctx, req, signal, started, arm);
    ctx.log.debug('fetch.done', { url: req.url, purpose: req.purpose, status: res.status, bytes: res.body.length, ms: res.ms });
    return res;
  } catch (err) {
    const error = toFetchError(err, { method: 'GET', url: req.url, totalTimeoutMs: ctx.opts.timeoutMs, timedOut: deadline.signal.aborted });
    ctx.log.debug('fetch.failed', { url: req.url, purpose: req.purpose, code: error.code, error: error.message, ms: Date.now() - started });
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * An undici Agent whose connections pass the SSRF guard (DNS checked at connect time) and carry the
 * configured timeouts; also used for the few non-GET requests (WebSub hub subscriptions).
 */
export function createGuardedAgent(opts: FetcherOptions, allow: AllowList = createAllowList(opts.allowHosts)): Agent {
  return new Agent({
    connect: {
      timeout: opts.connectTimeoutMs ?? Math.min(opts.timeoutMs, DEFAULT_CONNECT_TIMEOUT_MS),
      lookup: guardedLookup(allow, opts.resolver ?? systemResolver),
    },
    headersTimeout: opts.timeoutMs,
    bodyTimeout: opts.timeoutMs,
    connections: opts.perHostConcurrency,
    keepAliveTimeout: KEEP_ALIVE_MS,
  });
}

/**
 * Create the fetcher.
 * @param opts limits, user agent and allowlist (from Config)
 * @param log structured logger (debug lines `fetch.done` / `fetch.failed`)
 */
export function createFetcher(opts: FetcherOptions, log: Logger): Fetcher {
  const allow = createAllowList(opts.allowHosts);
  const agent = createGuardedAgent(opts, allow);
  const gate = createHostGate({ perHost: opts.perHostConcurrency, minIntervalMs: opts.minHostIntervalMs ?? DEFAULT_MIN_HOST_INTERVAL_MS });
  const ctx: Ctx = { opts, log, agent, gate, allow, robots: null };
  if (opts.respectRobots !== false) {
    ctx.robots = createRobotsCache({
      userAgent: opts.userAgent,
      log,
      fetchRobots: (url) => fetchOnce(ctx, { url, purpose: 'robots', maxBytes: ROBOTS_MAX_BYTES }),
    });
  }
  const inflight = new Map<string, Promise<FetchResponse>>();

  return {
    fetch(req) {
      // Callers with their own signal get their own request, so one abort cannot cancel another's.
      if (req.signal) return fetchOnce(ctx, req);
      const key = [req.purpose, req.url, req.etag ?? '', req.lastModified ?? '', req.maxBytes ?? ''].join('\n');
      const pending = inflight.get(key);
      if (pending) return pending;
      const started = fetchOnce(ctx, req).finally(() => inflight.delete(key));
      inflight.set(key, started);
      return started;
    },
    close: () => agent.close(),
  };
}
