/**
 * @module fetch/robots — robots.txt per RFC 9309 for article pages. Rules are matched by
 * robots-parser; fetching policy is ours: 2xx ⇒ parse; 4xx (except 429) ⇒ allow all;
 * 5xx, 429 or unreachable ⇒ disallow all for a short while; cached per origin with an expiry.
 */
import robotsParserModule from 'robots-parser';
import { describeError, isAppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { FetchResponse } from './types.ts';

// robots-parser is CommonJS whose typings declare an ES default export; at run time the default
// import is the function itself.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

/** RFC 9309 §2.4: a cached robots.txt should not be used for more than 24 hours. */
const ROBOTS_MAX_TTL_MS = 24 * 3600_000;
/** How long a 5xx/unreachable robots.txt keeps the whole origin disallowed before we ask again. */
const ROBOTS_ERROR_TTL_MS = 10 * 60_000;
/** RFC 9309 §2.5: crawlers must parse at least 500 KiB; we read that much and no more. */
export const ROBOTS_MAX_BYTES = 512 * 1024;
/** Origins whose rules are kept; the least recently fetched is dropped past this. */
const ROBOTS_CACHE_MAX = 10_000;
/** Crawl-delay values above this are treated as this (seconds), so a typo cannot stop a host for days. */
const MAX_CRAWL_DELAY_SEC = 60;

/** What robots.txt says about one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our agent, in seconds, or null. */
  crawlDelaySec: number | null;
  /** Why, in words (for the robots_disallowed error when not allowed). */
  reason: string;
}

interface Rules {
  isAllowed: (url: string) => boolean;
  crawlDelaySec: number | null;
  reason: string;
  expiresAt: number;
}

/** Cached robots.txt rules per origin. */
export interface RobotsCache {
  /** Verdict for `url` (fetches the origin's robots.txt when not cached). */
  check(url: URL): Promise<RobotsVerdict>;
}

/** Dependencies of the cache. */
export interface RobotsDeps {
  userAgent: string;
  /** Fetch a robots.txt URL (through the guarded fetcher, purpose 'robots'). */
  fetchRobots: (url: string) => Promise<FetchResponse>;
  log: Logger;
  now?: () => number;
}

function maxAgeMs(headers: Record<string, string>): number | null {
  const m = /max-age\s*=\s*(\d+)/i.exec(headers['cache-control'] ?? '');
  return m?.[1] ? Number(m[1]) * 1000 : null;
}

/** Create a cache; `check` never throws for robots.txt problems (they become verdicts). */
export function createRobotsCache(deps: RobotsDeps): RobotsCache {
  const now = deps.now ?? Date.now;
  const cache = new Map<string, Promise<Rules>>();

  const load = async (origin: string): Promise<Rules> => {
    const robotsUrl = `${origin}/robots.txt`;
    const at = now();
    try {
      const res = await deps.fetchRobots(robotsUrl);
      const ttl = Math.min(maxAgeMs(res.headers) ?? ROBOTS_MAX_TTL_MS, ROBOTS_MAX_TTL_MS);
      const robot = robotsParser(robotsUrl, res.body.toString('utf8'));
      const delay = robot.getCrawlDelay(deps.userAgent);
      return {
        isAllowed: (url) => robot.isAllowed(url, deps.userAgent) !== false,
        crawlDelaySec: typeof delay === 'number' && delay > 0 ? Math.min(delay, MAX_CRAWL_DELAY_SEC) : null,
        reason: `${robotsUrl} disallows it`,
        expiresAt: at + ttl,
      };
    } catch (err) {
      const status = isAppError(err) && err.code === 'http_status' ? Number(err.details?.status) : NaN;
      if (status >= 400 && status < 500 && status !== 429) {
        return { isAllowed: () => true, crawlDelaySec: null, reason: `${robotsUrl} answered ${status}`, expiresAt: at + ROBOTS_MAX_TTL_MS };
      }
      if (isAppError(err) && err.code === 'fetch_too_large') {
        return { isAllowed: () => true, crawlDelaySec: null, reason: `${robotsUrl} is too large to read`, expiresAt: at + ROBOTS_MAX_TTL_MS };
      }
      deps.log.warn('fetch.robots_unreachable', { url: robotsUrl, error: describeError(err) });
      return {
        isAllowed: () => false,
        crawlDelaySec: null,
        reason: `${robotsUrl} is unreachable (${describeError(err)}); the site is treated as disallowed for now`,
        expiresAt: at + ROBOTS_ERROR_TTL_MS,
      };
    }
  };

  const rulesFor = async (origin: string): Promise<Rules> => {
    const cached = cache.get(origin);
    if (cached) {
      const rules = await cached;
      if (rules.expiresAt > now()) return rules;
      if (cache.get(origin) !== cached) return rulesFor(origin);
    }
    const pending = load(origin);
    cache.delete(origin); // re-insert at the end: the Map's order is the age order used for eviction
    cache.set(origin, pending);
    if (cache.size > ROBOTS_CACHE_MAX) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    return pending;
  };

  return {
    async check(url) {
      const rules = await rulesFor(url.origin);
      const allowed = rules.isAllowed(url.href);
      return { allowed, crawlDelaySec: rules.crawlDelaySec, reason: rules.reason };
    },
  };
}
