/**
 * @module fetch/websub — the subscriber side of WebSub (W3C Recommendation): ask a hub to
 * (un)subscribe, answer the hub's intent verification, check the HMAC signature of pushed content,
 * read hub links from Link headers, and decide when to renew a lease. The HTTP routes that receive
 * verifications and pushes live in the web layer and call these functions.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { request } from 'undici';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { createAllowList } from './allow.ts';
import { toFetchError } from './failure.ts';
import { createGuardedAgent } from './fetcher.ts';
import { checkUrl } from './guard.ts';
import type { FetcherOptions } from './types.ts';

/** What a hub request asks for. */
export type WebSubMode = 'subscribe' | 'unsubscribe';

/** A (un)subscription request to a hub. */
export interface HubRequest {
  hub: string;
  topic: string;
  /** Our callback URL, unique per subscription (the hub GETs and POSTs it). */
  callback: string;
  mode: WebSubMode;
  /** Shared secret for HMAC signatures of pushes (recommended; at most 200 bytes). */
  secret?: string;
  /** Lease we would like, in seconds (the hub decides). */
  leaseSeconds?: number;
}

/** HMAC algorithms a hub may sign with (WebSub §8). */
const SIGNATURE_ALGORITHMS: Record<string, string> = { sha1: 'sha1', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512' };
/** WebSub §5.1: the secret must be less than 200 bytes. */
const MAX_SECRET_BYTES = 199;
/** Renew a lease once this share of it has passed… */
const RENEW_AT_SHARE = 0.8;
/** …and at least this long (s) before it ends. */
const RENEW_MARGIN_SEC = 300;
/** Lease assumed when the hub does not state one (s); we renew daily then. */
const DEFAULT_LEASE_SEC = 86_400;

/** A fresh random secret for a subscription (64 hex characters). */
export function newWebSubSecret(): string {
  return randomBytes(32).toString('hex');
}

/** The form body of a hub request (`application/x-www-form-urlencoded`). */
export function hubRequestBody(req: HubRequest): string {
  const form = new URLSearchParams({ 'hub.mode': req.mode, 'hub.topic': req.topic, 'hub.callback': req.callback });
  if (req.secret !== undefined) {
    if (Buffer.byteLength(req.secret) > MAX_SECRET_BYTES) throw new AppError('bad_request', 'WebSub secret must be shorter than 200 bytes');
    form.set('hub.secret', req.secret);
  }
  if (req.leaseSeconds !== undefined) form.set('hub.lease_seconds', String(Math.round(req.leaseSeconds)));
  return form.toString();
}

/** Sends hub requests through the SSRF-guarded agent. */
export interface WebSubClient {
  /**
   * POST the request to its hub. Resolves when the hub accepted it (2xx, normally 202: it will now
   * verify our intent by calling the callback).
   * @throws AppError fetch_blocked / fetch_* / http_status
   */
  send(req: HubRequest): Promise<{ status: number }>;
  close(): Promise<void>;
}

/** Create a client using the fetcher's options (user agent, timeouts, allowlist). */
export function createWebSubClient(opts: FetcherOptions, log: Logger): WebSubClient {
  const allow = createAllowList(opts.allowHosts);
  const agent = createGuardedAgent(opts, allow);
  return {
    async send(req) {
      const hub = checkUrl(req.hub, allow);
      const where = { method: 'POST', url: hub.href, totalTimeoutMs: opts.timeoutMs, timedOut: false };
      const signal = AbortSignal.timeout(opts.timeoutMs);
      let status: number;
      try {
        const res = await request(hub, {
          method: 'POST',
          dispatcher: agent,
          signal,
          headers: { 'user-agent': opts.userAgent, 'content-type': 'application/x-www-form-urlencoded' },
          body: hubRequestBody(req),
        });
        status = res.statusCode;
        await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      } catch (err) {
        throw toFetchError(err, { ...where, timedOut: signal.aborted });
      }
      if (status < 200 || status >= 300) {
        throw new AppError('http_status', `POST ${hub.href} answered ${status} to ${req.mode} ${req.topic}`, {
          details: { url: hub.href, status, retryAfterSec: null },
        });
      }
      log.info('websub.requested', { hub: hub.href, topic: req.topic, mode: req.mode, status });
      return { status };
    },
    close: () => agent.close(),
  };
}

/** What we expect a verification for: the subscription we asked for. */
export interface PendingSubscription {
  topic: string;
  mode: WebSubMode;
}

/** How to answer the hub's GET to the callback. */
export type VerificationAnswer =
  | { status: 200; body: string; mode: WebSubMode; leaseSeconds: number | null }
  | { status: 200; body: ''; denied: true; reason: string | null }
  | { status: 404; body: ''; reason: string };

/**
 * Answer a hub's intent verification (WebSub §5.3) or denial (§5.2). Echo the challenge only when
 * the request matches a subscription we asked for; otherwise answer 404.
 * @param query the callback request's query parameters
 * @param pending the subscription we asked for at this callback, or null
 */
export function answerVerification(query: URLSearchParams, pending: PendingSubscription | null): VerificationAnswer {
  const mode = query.get('hub.mode');
  const topic = query.get('hub.topic');
  if (mode === 'denied') return { status: 200, body: '', denied: true, reason: query.get('hub.reason') };
  if (!pending) return { status: 404, body: '', reason: 'no subscription is pending at this callback' };
  if (mode !== pending.mode) return { status: 404, body: '', reason: `hub.mode ${mode ?? '(none)'} does not match ${pending.mode}` };
  if (topic !== pending.topic) return { status: 404, body: '', reason: `hub.topic ${topic ?? '(none)'} does not match ${pending.topic}` };
  const challenge = query.get('hub.challenge');
  if (!challenge) return { status: 404, body: '', reason: 'hub.challenge is missing' };
  const lease = Number(query.get('hub.lease_seconds'));
  return { status: 200, body: challenge, mode, leaseSeconds: Number.isFinite(lease) && lease > 0 ? lease : null };
}

/** The `X-Hub-Signature` value for `body` (hubs compute this; tests and tools use it too). */
export function signWebSubBody(secret: string, body: Buffer | string, algorithm: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256'): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest('hex')}`;
}

/**
 * Check the `X-Hub-Signature` header of a pushed body (WebSub §8): `method=hexdigest`, HMAC of the
 * raw body with the subscription's secret, compared in constant time. False for a missing,
 * malformed or unknown-method header. A push that fails this check must be ignored (but answered 2xx).
 */
export function verifyWebSubSignature(secret: string, body: Buffer | string, header: string | null | undefined): boolean {
  if (!header) return false;
  const eq = header.indexOf('=');
  if (eq <= 0) return false;
  const algorithm = SIGNATURE_ALGORITHMS[header.slice(0, eq).trim().toLowerCase()];
  const given = header.slice(eq + 1).trim().toLowerCase();
  if (!algorithm || !/^[0-9a-f]+$/.test(given)) return false;
  const expected = createHmac(algorithm, secret).update(body).digest();
  const actual = Buffer.from(given, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** When to renew a lease granted at `verifiedAt`: at 80% of it, and at least 5 minutes before it ends. */
export function leaseRenewAt(leaseSeconds: number | null, verifiedAt: Date): Date {
  const lease = leaseSeconds && leaseSeconds > 0 ? leaseSeconds : DEFAULT_LEASE_SEC;
  const sec = Math.max(0, Math.min(lease * RENEW_AT_SHARE, lease - RENEW_MARGIN_SEC));
  return new Date(verifiedAt.getTime() + sec * 1000);
}

/**
 * Hub and self links from an HTTP `Link` header (WebSub §4: discovery may use headers), e.g.
 * `<https://hub.example/>; rel="hub", <https://site.example/feed>; rel="self"`. Relative targets
 * are resolved against `base`.
 */
export function hubLinksFromHeader(link: string | null | undefined, base: string): { hubs: string[]; self: string | null } {
  const hubs: string[] = [];
  let self: string | null = null;
  for (const m of (link ?? '').matchAll(/<([^>]*)>\s*((?:;\s*[^;,]+)*)/g)) {
    const target = m[1] ?? '';
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(m[2] ?? '')?.[1]?.toLowerCase().split(/\s+/) ?? [];
    let url: string;
    try {
      url = new URL(target, base).href;
    } catch {
      continue;
    }
    if (rels.includes('hub')) hubs.push(url);
    if (rels.includes('self') && self === null) self = url;
  }
  return { hubs, self };
}
