import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { silentLogger } from '../log.ts';
import { createRobotsCache } from './robots.ts';
import type { FetchResponse } from './types.ts';

const ok = (body: string, headers: Record<string, string> = {}): FetchResponse => ({
  status: 200,
  url: 'https://site.example/robots.txt',
  headers,
  body: Buffer.from(body),
  contentType: 'text/plain',
  etag: null,
  lastModified: null,
  fetchedAt: new Date(0),
  ms: 1,
});
const status = (n: number) => new AppError('http_status', `GET https://site.example/robots.txt answered ${n}`, { details: { status: n } });

/** A cache over a scripted robots.txt server, with a hand-driven clock. */
function setup(answers: Array<FetchResponse | AppError>) {
  let t = 0;
  const asked: string[] = [];
  const cache = createRobotsCache({
    userAgent: 'tickerwire/0.1 (+https://example.org/bot)',
    log: silentLogger,
    now: () => t,
    fetchRobots: async (url) => {
      asked.push(url);
      const next = answers.shift();
      if (!next) throw new Error('no more answers');
      if (next instanceof AppError) throw next;
      return next;
    },
  });
  return { cache, asked, advance: (ms: number) => (t += ms) };
}
const page = (path: string) => new URL(`https://site.example${path}`);

describe('createRobotsCache', () => {
  it('applies the group for our product token, with wildcards and $ anchors', async () => {
    const { cache } = setup([ok('User-agent: *\nDisallow: /\n\nUser-agent: TickerWire\nAllow: /news/\nDisallow: /*.pdf$\nDisallow: /news/private\n')]);
    expect((await cache.check(page('/news/a.html'))).allowed).toBe(true);
    expect((await cache.check(page('/news/report.pdf'))).allowed).toBe(false);
    expect((await cache.check(page('/news/private/x'))).allowed).toBe(false);
    expect((await cache.check(page('/about'))).allowed).toBe(true); // our group has no rule for it
  });

  it('fetches robots.txt once per origin, shared by concurrent checks', async () => {
    const { cache, asked } = setup([ok('User-agent: *\nDisallow: /x\n')]);
    await Promise.all([cache.check(page('/a')), cache.check(page('/b')), cache.check(page('/x'))]);
    expect(asked).toEqual(['https://site.example/robots.txt']);
  });

  it('expires after 24 hours, or sooner with Cache-Control max-age', async () => {
    const { cache, asked, advance } = setup([ok('', { 'cache-control': 'max-age=60' }), ok(''), ok('')]);
    await cache.check(page('/'));
    advance(59_000);
    await cache.check(page('/'));
    expect(asked).toHaveLength(1);
    advance(2_000);
    await cache.check(page('/'));
    expect(asked).toHaveLength(2);
    advance(23 * 3600_000);
    await cache.check(page('/'));
    expect(asked).toHaveLength(2);
    advance(2 * 3600_000);
    await cache.check(page('/'));
    expect(asked).toHaveLength(3);
  });

  it('treats 4xx as allow-all, and 5xx, 429 or unreachable as disallow-all for 10 minutes', async () => {
    expect((await setup([status(404)]).cache.check(page('/any'))).allowed).toBe(true);
    expect((await setup([status(401)]).cache.check(page('/any'))).allowed).toBe(true);
    expect((await setup([status(429)]).cache.check(page('/any'))).allowed).toBe(false);
    const unreachable = new AppError('fetch_failed', 'GET https://site.example/robots.txt failed: connection refused (ECONNREFUSED)');
    const { cache, asked, advance } = setup([status(500), unreachable, ok('')]);
    const first = await cache.check(page('/a'));
    expect(first).toMatchObject({ allowed: false, reason: /robots\.txt is unreachable .*500/ });
    advance(9 * 60_000);
    expect((await cache.check(page('/a'))).allowed).toBe(false);
    expect(asked).toHaveLength(1);
    advance(2 * 60_000);
    expect((await cache.check(page('/a'))).reason).toMatch(/ECONNREFUSED/);
    advance(11 * 60_000);
    expect((await cache.check(page('/a'))).allowed).toBe(true);
    expect(asked).toHaveLength(3);
  });

  it('allows all when robots.txt is too large to read', async () => {
    const tooLarge = new AppError('fetch_too_large', 'GET https://site.example/robots.txt failed: body larger than 524288 bytes');
    expect((await setup([tooLarge]).cache.check(page('/a'))).allowed).toBe(true);
  });

  it('reports Crawl-delay for our agent, capped at 60 seconds', async () => {
    expect((await setup([ok('User-agent: tickerwire\nCrawl-delay: 5\n')]).cache.check(page('/'))).crawlDelaySec).toBe(5);
    expect((await setup([ok('User-agent: *\nCrawl-delay: 86400\n')]).cache.check(page('/'))).crawlDelaySec).toBe(60);
    expect((await setup([ok('User-agent: otherbot\nCrawl-delay: 5\n')]).cache.check(page('/'))).crawlDelaySec).toBeNull();
  });
});
