import { afterEach, describe, expect, it } from 'vitest';
import { type LoopbackServer, startLoopback } from '../../test/helpers/loopback.ts';
import { silentLogger } from '../log.ts';
import { createFetcher } from './fetcher.ts';
import { createHostGate } from './host-gate.ts';
import type { Fetcher, FetcherOptions } from './types.ts';

const BASE: FetcherOptions = {
  userAgent: 'tickerwire/0.1 (+https://example.org/bot)',
  timeoutMs: 3_000,
  maxBodyBytes: 64 * 1024,
  maxRedirects: 3,
  perHostConcurrency: 2,
  allowHosts: ['127.0.0.1'],
  minHostIntervalMs: 0,
};

let servers: LoopbackServer[] = [];
let fetchers: Fetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.map((f) => f.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  fetchers = [];
});
async function serve(handler: Parameters<typeof startLoopback>[0]): Promise<LoopbackServer> {
  const s = await startLoopback(handler);
  servers.push(s);
  return s;
}
function fetcher(opts: Partial<FetcherOptions> = {}): Fetcher {
  const f = createFetcher({ ...BASE, ...opts }, silentLogger);
  fetchers.push(f);
  return f;
}
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('robots.txt (purpose page)', () => {
  const robotsServer = (robots: { status: number; body?: string }) =>
    serve((req, res) => {
      if (req.url === '/robots.txt') {
        res.statusCode = robots.status;
        res.end(robots.body ?? '');
        return;
      }
      res.end('<html>page</html>');
    });

  it('refuses a disallowed page with a clear reason, allows others, and caches robots.txt', async () => {
    const s = await robotsServer({ status: 200, body: 'User-agent: *\nAllow: /\n\nUser-agent: tickerwire\nDisallow: /private/\n' });
    const f = fetcher();
    await expect(f.fetch({ url: `${s.url}/private/a.html`, purpose: 'page' })).rejects.toMatchObject({
      code: 'robots_disallowed',
      message: `GET ${s.url}/private/a.html not sent: ${s.url}/robots.txt disallows it`,
    });
    expect((await f.fetch({ url: `${s.url}/news/b.html`, purpose: 'page' })).status).toBe(200);
    expect((await f.fetch({ url: `${s.url}/news/c.html`, purpose: 'page' })).status).toBe(200);
    expect(s.requests.filter((r) => r.path === '/robots.txt')).toHaveLength(1);
    expect(s.requests.some((r) => r.path === '/private/a.html')).toBe(false);
  });

  it('does not consult robots.txt for feeds', async () => {
    const s = await robotsServer({ status: 200, body: 'User-agent: *\nDisallow: /\n' });
    expect((await fetcher().fetch({ url: `${s.url}/feed.xml`, purpose: 'feed' })).status).toBe(200);
    expect(s.requests.map((r) => r.path)).toEqual(['/feed.xml']);
  });

  it('allows everything when robots.txt is 404', async () => {
    const s = await robotsServer({ status: 404 });
    expect((await fetcher().fetch({ url: `${s.url}/a`, purpose: 'page' })).status).toBe(200);
  });

  it('disallows everything for now when robots.txt answers 5xx', async () => {
    const s = await robotsServer({ status: 503 });
    await expect(fetcher().fetch({ url: `${s.url}/a`, purpose: 'page' })).rejects.toMatchObject({
      code: 'robots_disallowed',
      message: /robots\.txt is unreachable .*503.*treated as disallowed/,
    });
    expect(s.requests.map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('adopts Crawl-delay as the minimum interval for the host', async () => {
    const s = await robotsServer({ status: 200, body: 'User-agent: *\nCrawl-delay: 0.3\n' });
    const f = fetcher({ perHostConcurrency: 4 });
    await f.fetch({ url: `${s.url}/0`, purpose: 'page' });
    const started = Date.now();
    await Promise.all([1, 2, 3].map((i) => f.fetch({ url: `${s.url}/${i}`, purpose: 'page' })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
  });

  it('can be switched off', async () => {
    const s = await robotsServer({ status: 200, body: 'User-agent: *\nDisallow: /\n' });
    expect((await fetcher({ respectRobots: false }).fetch({ url: `${s.url}/a`, purpose: 'page' })).status).toBe(200);
  });
});

describe('per-host limits', () => {
  it('never has more than perHostConcurrency requests in flight to one host', async () => {
    let active = 0;
    let peak = 0;
    const s = await serve(async (_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      await delay(40);
      active -= 1;
      res.end('ok');
    });
    const f = fetcher({ perHostConcurrency: 3 });
    await Promise.all(Array.from({ length: 12 }, (_, i) => f.fetch({ url: `${s.url}/${i}`, purpose: 'feed' })));
    expect(peak).toBe(3);
  });

  it('does not count time queued for a host slot against the timeout', async () => {
    const s = await serve(async (_req, res) => {
      await delay(150);
      res.end('ok');
    });
    const f = fetcher({ perHostConcurrency: 1, timeoutMs: 400 });
    const all = await Promise.all(Array.from({ length: 4 }, (_, i) => f.fetch({ url: `${s.url}/${i}`, purpose: 'feed' })));
    expect(all.every((r) => r.status === 200)).toBe(true);
  });

  it('spaces request starts by minHostIntervalMs', async () => {
    const s = await serve((_req, res) => {
      res.end('ok');
    });
    const f = fetcher({ perHostConcurrency: 4, minHostIntervalMs: 100 });
    const started = Date.now();
    await Promise.all(Array.from({ length: 5 }, (_, i) => f.fetch({ url: `${s.url}/${i}`, purpose: 'feed' })));
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('records 429 Retry-After and does not call the host again before then', async () => {
    const s = await serve((req, res) => {
      res.writeHead(req.url === '/limited' ? 429 : 200, { 'retry-after': '120' });
      res.end();
    });
    const f = fetcher();
    await expect(f.fetch({ url: `${s.url}/limited`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'http_status',
      details: { status: 429, retryAfterSec: 120 },
    });
    await expect(f.fetch({ url: `${s.url}/other`, purpose: 'feed' })).rejects.toMatchObject({
      code: 'http_status',
      message: /not sent: 127\.0\.0\.1 answered 429 and asked us to wait until/,
      details: { status: 429, deferred: true },
    });
    expect(s.requests).toHaveLength(1);
  });

  it('waits out a short Retry-After from a 503 instead of failing', async () => {
    let calls = 0;
    const s = await serve((_req, res) => {
      calls += 1;
      if (calls === 1) res.writeHead(503, { 'retry-after': '1' });
      res.end('back');
    });
    const f = fetcher();
    await expect(f.fetch({ url: `${s.url}/a`, purpose: 'feed' })).rejects.toMatchObject({ details: { status: 503, retryAfterSec: 1 } });
    const started = Date.now();
    expect((await f.fetch({ url: `${s.url}/a`, purpose: 'feed' })).body.toString()).toBe('back');
    expect(Date.now() - started).toBeGreaterThanOrEqual(500);
  });
});

describe('one fetch per URL at a time', () => {
  it('shares one in-flight request among concurrent callers', async () => {
    const s = await serve(async (_req, res) => {
      await delay(50);
      res.end('shared');
    });
    const f = fetcher();
    const all = await Promise.all(Array.from({ length: 5 }, () => f.fetch({ url: `${s.url}/feed`, purpose: 'feed' })));
    expect(all.map((r) => r.body.toString())).toEqual(Array(5).fill('shared'));
    expect(s.requests).toHaveLength(1);
    await f.fetch({ url: `${s.url}/feed`, purpose: 'feed' });
    expect(s.requests).toHaveLength(2);
  });

  it('shares failures too, and does not merge requests with different validators', async () => {
    const s = await serve(async (_req, res) => {
      await delay(30);
      res.statusCode = 500;
      res.end();
    });
    const f = fetcher();
    const results = await Promise.allSettled([
      f.fetch({ url: `${s.url}/x`, purpose: 'feed' }),
      f.fetch({ url: `${s.url}/x`, purpose: 'feed' }),
      f.fetch({ url: `${s.url}/x`, purpose: 'feed', etag: '"a"' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(s.requests).toHaveLength(2);
  });
});

describe('createHostGate', () => {
  it('serves waiters first come, first served and frees slots on release', async () => {
    const gate = createHostGate({ perHost: 1, minIntervalMs: 0 });
    const order: number[] = [];
    const r1 = await gate.acquire('a');
    const p2 = gate.acquire('a').then((r) => {
      order.push(2);
      return r;
    });
    const p3 = gate.acquire('a').then((r) => {
      order.push(3);
      return r;
    });
    expect(gate.active('a')).toBe(1);
    r1();
    r1(); // twice is harmless
    (await p2)();
    (await p3)();
    expect(order).toEqual([2, 3]);
    expect(gate.active('a')).toBe(0);
    expect(gate.peakActive()).toBe(1);
  });

  it('removes an aborted waiter from the queue', async () => {
    const gate = createHostGate({ perHost: 1, minIntervalMs: 0 });
    const r1 = await gate.acquire('a');
    const ctrl = new AbortController();
    const waiting = gate.acquire('a', ctrl.signal);
    ctrl.abort(new Error('gave up'));
    await expect(waiting).rejects.toThrow('gave up');
    r1();
    const r3 = await gate.acquire('a');
    expect(gate.active('a')).toBe(1);
    r3();
  });

  it('keeps hosts independent', async () => {
    const gate = createHostGate({ perHost: 1, minIntervalMs: 10_000 });
    const a = await gate.acquire('a');
    const b = await gate.acquire('b');
    expect(gate.active('a') + gate.active('b')).toBe(2);
    a();
    b();
  });

  it('reports a Retry-After notice only while it lasts', () => {
    let t = 1_000_000;
    const gate = createHostGate({ perHost: 1, minIntervalMs: 0, now: () => t });
    gate.deferUntil('a', new Date(t + 5_000), 429);
    expect(gate.retryNotice('a')).toEqual({ until: new Date(t + 5_000), status: 429 });
    t += 6_000;
    expect(gate.retryNotice('a')).toBeNull();
  });
});
